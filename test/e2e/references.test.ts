// One reference system per memo, read back from the printed PDFs: the author's footnotes and
// `[@id]` citations are one sequence of superscript note numbers, adjacent markers read "1,2",
// a cited document is one note (cited again, the same number), the Sources list is an
// unnumbered bibliography; and in a weekly book of such memos every note, figure and table link
// lands in the memo it starts from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';
import { bookLinkProblems, bookParts, noteLines, readInternalLinks, type LinkReading } from '../support/pdf-links.js';

const rangesPng = readFileSync(fileURLToPath(new URL('../fixtures/content-model/ranges.png', import.meta.url)));

const sources = `sources:
  - { id: scc-2024, title: "Joint Statement of the Security Consultative Committee (2+2)", publisher: "U.S. Department of Defense", url: "https://www.defense.gov/News/Releases/", accessed: 2024-07-29 }
  - { id: seed-2024, title: "News report on the 2+2 meeting", accessed: 2024-07-30 }
  - { id: cmpr-2023, title: "Military and Security Developments Involving China 2023", publisher: "U.S. Department of Defense" }
`;

/** A memo of the week whose notes, figure and table are told apart by `name`. */
const body = (name: string) => `## Background

The ministers met in Tokyo.[^1][^2]

The joint statement records the agreement [@scc-2024]. Observers of ${name} agreed [@seed-2024; @scc-2024].[^3]

See [@fig:ranges] and [@tbl:offices] for ${name}.

![Ranges](ranges.png "Missile ranges for ${name} {#fig:ranges}")

Table: Offices consulted for ${name} {#tbl:offices}

| Office | View |
|---|---|
| East Asia | supports |

[^1]: The meeting in ${name} was the first in Tokyo since 2019.

[^2]: Both foreign ministers attended ${name}.

[^3]: The observers of ${name} are not named.
`;

const infoMemo = (id: string, priority: number, name: string) => `---
type: info-memo
id: ${id}
title: "Notes and sources in ${name}"
date: 2024-07-29
priority: ${priority}
to: [The Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking: { level: UNCLASSIFIED }
bluf: "The ministers met in Tokyo and agreed."
${sources}---

${body(name)}`;

const policyBrief = (id: string, priority: number, name: string) => `---
type: policy-brief
id: ${id}
title: "Notes and sources in ${name}"
date: 2024-07-30
priority: ${priority}
authors: [{ name: "M. Fellow", office: "Indo-Pacific Security Program" }]
marking: { level: UNCLASSIFIED }
bluf: "The ministers met in Tokyo and agreed."
${sources}---

${body(name)}`;

/** The printed text items of a page with their baseline and size, to see what is superscript. */
async function textItems(file: string, pageNumber: number) {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const content = await (await pdf.getPage(pageNumber)).getTextContent();
  const items = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ text: item.str, x: item.transform[4], y: item.transform[5], size: item.height }] : []));
  await pdf.destroy();
  return items;
}

describe('notes and sources: one reference system per memo', () => {
  const folder = writeTree({
    'content/a-info.md': infoMemo('REF-A', 1, 'memo Alpha'),
    'content/b-brief.md': policyBrief('REF-B', 2, 'brief Bravo'),
    'content/c-info.md': infoMemo('REF-C', 3, 'memo Charlie'),
    'content/ranges.png': rangesPng,
  });
  const out = tempFolder('briefing-references-');
  const bookFile = path.join(out, 'book.pdf');
  let built: CliResult;
  let booked: CliResult;
  /** Each memo's own PDF as text, in book order. */
  const texts: string[] = [];
  let bookPages: string[] = [];
  let links: LinkReading;

  beforeAll(async () => {
    built = await runCli(['build', 'content', '--out', out, '--quiet'], { cwd: folder });
    booked = await runCli(['book', 'content', '--week', '2024-W31', '--out', bookFile], { cwd: folder });
    expect(built.code, built.stderr).toBe(0);
    for (const name of ['a-info', 'b-brief', 'c-info']) texts.push((await readPdf(path.join(out, `${name}.pdf`))).pages.join('\n'));
    bookPages = (await readPdf(bookFile)).pages;
    links = await readInternalLinks(bookFile);
  });

  const notesPart = (text: string) => text.slice(text.lastIndexOf('\nNotes\n'), text.lastIndexOf('\nSources\n'));
  const sourcesPart = (text: string) => text.slice(text.lastIndexOf('\nSources\n'));

  it('builds the memos and the book', () => {
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(booked.stderr).toBe('');
    expect(booked.code).toBe(0);
  });

  it('prints adjacent note markers as separate numbers, "1,2", never "12"', async () => {
    const memo = texts[0]!;
    expect(memo).toContain('Tokyo.1,2');
    expect(memo).not.toMatch(/Tokyo\.12/);
    // On the page: the comma is set as small and as high as the numbers it separates.
    const items = await textItems(path.join(out, 'a-info.pdf'), 1);
    const at = items.findIndex((item) => item.text.endsWith('Tokyo.'));
    const [one, comma, two] = items.slice(at + 1, at + 4);
    expect([one?.text, comma?.text, two?.text]).toEqual(['1', ',', '2']);
    expect(comma!.size).toBe(one!.size);
    expect(comma!.y).toBe(one!.y);
    expect(one!.size).toBeLessThan(items[at]!.size);
    expect(one!.y).toBeGreaterThan(items[at]!.y);
  });

  it('numbers footnotes and citations as one superscript sequence in reading order; a source cited again keeps its number', () => {
    const memo = texts[0]!.replace(/\s+/g, ' ');
    expect(memo).toContain('Tokyo.1,2');
    // [@scc-2024] is the third note; [@seed-2024; @scc-2024] gives the fourth and the third again; [^3] is the fifth.
    expect(memo).toContain('records the agreement3.');
    expect(memo).toContain('Observers of memo Alpha agreed4,3.5');
    // No bracketed source numbers compete with the notes.
    expect(texts.join('\n')).not.toMatch(/\[\d+(, ?\d+)*\]/);
  });

  it('lists the notes in that order, a cited source once, in its short form', () => {
    const notes = noteLines(texts[0]!);
    expect([...notes.values()]).toEqual([
      '1. The meeting in memo Alpha was the first in Tokyo since 2019.',
      '2. Both foreign ministers attended memo Alpha.',
      '3. U.S. Department of Defense, “Joint Statement of the Security Consultative Committee (2+2).”',
      '4. “News report on the 2+2 meeting.”',
      '5. The observers of memo Alpha are not named.',
    ]);
    expect(notesPart(texts[0]!).match(/Joint Statement/g)).toHaveLength(1);
  });

  it('prints Sources as an unnumbered bibliography of full entries, in alphabetical order, after the notes', () => {
    for (const text of texts) {
      const sources = sourcesPart(text);
      expect(text.lastIndexOf('\nSources\n')).toBeGreaterThan(text.search(/\n(?:Notes|Endnotes)\n/));
      // No entry opens with a number ("1." or "[1]"); a line may open with a year.
      expect(sources).not.toMatch(/^(\d{1,3}\.|\[\d+\]) /m);
      const entries = sources.replace(/\s+/g, ' ');
      const news = entries.indexOf('“News report on the 2+2 meeting.” Accessed July 30, 2024.');
      const joint = entries.indexOf('U.S. Department of Defense. “Joint Statement of the Security Consultative Committee (2+2).” Accessed July 29, 2024. https://www.defense.gov/News/Releases/.');
      const military = entries.indexOf('U.S. Department of Defense. “Military and Security Developments Involving China 2023.”');
      expect(news, entries).toBeGreaterThan(0);
      expect(joint, entries).toBeGreaterThan(news);
      expect(military, entries).toBeGreaterThan(joint);
    }
  });

  it('prints a policy brief\'s notes as endnotes in the same one sequence', () => {
    const brief = texts[1]!;
    expect(brief).toContain('\nEndnotes\n');
    expect(brief).not.toContain('\nNotes\n');
    expect(noteLines(brief).get(3)).toBe('3. U.S. Department of Defense, “Joint Statement of the Security Consultative Committee (2+2).”');
  });

  it('in the book, lands every note, figure and table link of each memo inside that memo, on the item it names', () => {
    const { memoOn } = bookParts(links, bookPages.length);
    for (let memo = 1; memo <= 3; memo++) {
      const kinds = links.links.filter((link) => memoOn(link.page) === memo).map((link) => link.text.replace(/\d+$/, 'N'));
      expect(new Set(kinds), `memo ${memo}`).toEqual(new Set(['N', 'Figure N', 'Table N']));
    }
    expect(bookLinkProblems(links, bookPages, (memo) => noteLines(texts[memo - 1]!))).toEqual([]);
  });
});

describe('briefing check and citations', () => {
  it('reports a citation of an unknown source at its [@…], without printing, and the other memo stays clean', async () => {
    const bad = infoMemo('REF-BAD', 1, 'memo Delta').replace('agreed [@seed-2024; @scc-2024]', 'agreed [@seed-2024; @nowhere-2024]');
    const folder = writeTree({ 'content/bad.md': bad, 'content/good.md': infoMemo('REF-GOOD', 2, 'memo Echo'), 'content/ranges.png': rangesPng });
    const result = await runCli(['check', 'content', '--no-cache'], { cwd: folder });
    expect(result.code).toBe(1);
    const line = bad.split('\n').findIndex((text) => text.includes('@nowhere-2024')) + 1;
    const column = bad.split('\n')[line - 1]!.indexOf('@nowhere-2024') + 1;
    expect(result.stdout + result.stderr).toContain(
      `content/bad.md:${line}:${column}  error  [@nowhere-2024] cites a source that is not in the frontmatter's sources list (one of scc-2024, seed-2024, cmpr-2023); add it there or correct the id  citation`,
    );
    expect(result.stdout + result.stderr).not.toContain('good.md');
  });
});
