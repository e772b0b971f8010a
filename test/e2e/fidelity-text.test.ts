// The PDF says what the author wrote, as a typesetter prints it (issue 11, findings 1 and 10),
// read back from real PDFs: the trilateral sample's quotation "Asian NATO." survives acronym
// expansion; quotes and apostrophes print typographic, never in code or URLs; a name written with
// combining marks prints as composed letters, each drawn as one glyph; long URLs break only after
// / . - _ ? & =, in the body and in the Sources list.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';

const togo = 'To\u0304go\u0304'; // as typed with combining macrons
const bodyUrl = 'https://www.mofa.go.jp/region/asia-paci/japan_us_security_consultative_committee/2024/statements-and-press-releases/joint_statement.html?lang=en&id=12345';
const sourceUrl = 'https://www.mofa.go.jp/files/press_releases/2024/07/28/joint_statement_of_the_security_consultative_committee_and_the_trilateral_ministerial_meeting.html?lang=en&year=2024';
const defenseUrl = 'https://www.defense.gov/News/Releases/';

const typography = `---
type: info-memo
id: FID-TEXT-001
title: "Japan's \\"new era\\" with To\\u0304go\\u0304"
date: 2024-07-29
to: [Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking: { level: UNCLASSIFIED }
bluf: "Tokyo's \\"new era\\" holds."
sources:
  - { id: mofa, title: "The \\"2+2\\" joint statement", url: "${sourceUrl}" }
---

Foreign Minister ${togo} Shigenori said "it's not the '90s any more."

Code: \`"x" and 'y'\` stays as typed.

\`\`\`
say "hi" and don't
\`\`\`

The full text is at ${bodyUrl} and the time at https://example.org/o'clock today.

「アジア版NATO」と『同盟』 -- then... more.
`;

/** One glyph as drawn: the font it came from, the text it stands for, its advance. */
interface Glyph {
  font: string;
  unicode: string;
  width: number;
}

async function readGlyphs(file: string): Promise<Glyph[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const glyphs: Glyph[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const operators = await page.getOperatorList();
    let font = '';
    operators.fnArray.forEach((operator, index) => {
      const args = operators.argsArray[index] as unknown[];
      if (operator === OPS.setFont) font = (page.commonObjs.get(args[0] as string) as { name: string }).name;
      if (operator === OPS.showText) {
        for (const glyph of args[0] as unknown[]) {
          if (glyph && typeof glyph === 'object') glyphs.push({ font, unicode: (glyph as Glyph).unicode, width: (glyph as Glyph).width });
        }
      }
    });
  }
  await pdf.destroy();
  return glyphs;
}

/** The character before each line break inside a printed URL (the URL must be printed). */
function lineEndsInside(text: string, url: string): string[] {
  const printed = new RegExp([...url].map((character) => character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s*')).exec(text);
  if (!printed) throw new Error(`${url} is not in the PDF's text`);
  return [...printed[0].matchAll(/\S(?=\s)/g)].map((end) => end[0]);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('fidelity of the printed text', () => {
  const out = tempFolder('briefing-fidelity-text-');
  const fixtures = writeTree({ 'typography.md': typography });
  let result: CliResult;
  let trilateral: string;
  let twoPlusTwo: string;
  let fixture: string;

  beforeAll(async () => {
    result = await runCli(['build', 'content/2024-w31/trilateral-defense-moc.md', 'content/2024-w31/us-japan-2plus2-extended-deterrence.md', fixtures, '--out', out]);
    const pages = async (name: string) => (await readPdf(path.join(out, name))).pages.join('\n');
    trilateral = await pages('trilateral-defense-moc.pdf');
    twoPlusTwo = await pages('us-japan-2plus2-extended-deterrence.pdf');
    fixture = await pages('typography.pdf');
  });

  it('builds the two samples and the fixture', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('the trilateral memo quotes an "Asian NATO." as written, in typographic quotes', () => {
    expect(oneLine(trilateral)).toContain('describe the framework as an “Asian NATO.” The practical tests');
    expect(trilateral).not.toContain('Asian North Atlantic');
  });

  it('prints typographic quotes and apostrophes in prose and frontmatter, and none in code or URLs', () => {
    const text = oneLine(fixture);
    expect(text).toContain('said “it’s not the ’90s any more.”');
    expect(text).toContain('Japan’s “new era” with Tōgō');
    expect(text).toContain('Bottom line: Tokyo’s “new era” holds.');
    expect(text).toContain('“The ‘2+2’ joint statement.”');
    expect(text).toContain('Code: "x" and \'y\' stays as typed.');
    expect(text).toContain('say "hi" and don\'t');
    expect(text).toContain("https://example.org/o'clock today");
    expect(text).toContain('「アジア版NATO」と『同盟』 -- then... more.');
    // Outside the code and that URL, no typewriter mark is left.
    const prose = text.replace('"x" and \'y\'', '').replace('say "hi" and don\'t', '').replace("o'clock", '');
    expect(prose).not.toMatch(/["']/);
  });

  it('prints a name typed with combining macrons as Tōgō, each ō one glyph of Tinos with its macron on it', async () => {
    const glyphs = await readGlyphs(path.join(out, 'typography.pdf'));
    // Before, each ō was drawn as an o and a zero-width U+0304 centred on the gap after it.
    expect(glyphs.filter((glyph) => glyph.unicode === '\u0304')).toEqual([]);
    const omacrons = glyphs.filter((glyph) => glyph.unicode === 'ō');
    expect(omacrons.length).toBeGreaterThanOrEqual(4); // subject and body
    const letterG = glyphs.find((glyph) => glyph.unicode === 'g' && /Tinos-Regular/.test(glyph.font))!;
    for (const glyph of omacrons) {
      expect(glyph.font).toMatch(/Tinos/);
      expect(glyph.width).toBeGreaterThan(0);
    }
    // ō comes from Tinos's latin-ext face, which has it; g from the latin face.
    expect(omacrons.find((glyph) => /Tinos-Regular/.test(glyph.font))!.font).not.toBe(letterG.font);
    // And the text reads (and is found) as Tōgō, the composed letters.
    expect(fixture).toContain('Tōgō Shigenori');
    expect(fixture).not.toContain('\u0304');
  });

  it('breaks long URLs only after / . - _ ? & =, in the body and in the Sources list', () => {
    const allowed = ['/', '.', '-', '_', '?', '&', '='];
    const inBody = lineEndsInside(fixture, bodyUrl);
    const inSources = lineEndsInside(fixture, sourceUrl);
    expect(inBody.length).toBeGreaterThan(0);
    expect(inSources.length).toBeGreaterThan(0);
    for (const end of [...inBody, ...inSources]) expect(allowed).toContain(end);
    // The 2+2 sample printed "def" and "ense.gov/…" on two lines.
    for (const end of lineEndsInside(twoPlusTwo, defenseUrl)) expect(allowed).toContain(end);
  });
});
