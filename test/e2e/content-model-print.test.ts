// What the printed page shows, read back from the PDF with each text's place on the page: the
// DRAFT watermark on every page and DRAFT beside (never inside) the banner; none on a cleared
// memo; the authority and CUI designation blocks on page 1 only; decision lines under every
// recommendation; the running header from page 2; DoD page numbering; a table's header row on
// every page the table spans; a :::figure numbered and referred to; a UK OFFICIAL-SENSITIVE memo.
// Widows and orphans cannot be proved from extracted text: test/unit/content-model-render.test.ts
// shows the rule is in the document's stylesheet instead.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { tempFolder, writeTree } from '../support/fixtures.js';

const rangesPng = readFileSync(fileURLToPath(new URL('../fixtures/content-model/ranges.png', import.meta.url)));

/** One run of text as pdf.js places it: points from the page's top-left, size, rotation. */
interface PlacedText {
  text: string;
  x: number;
  /** Distance of the baseline from the top of the page. */
  top: number;
  width: number;
  size: number;
  rotated: boolean;
}

interface PlacedPage {
  width: number;
  height: number;
  items: PlacedText[];
  /** All text of the page, runs joined as a reader would see them. */
  text: string;
}

async function readPlacedPdf(file: string): Promise<PlacedPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PlacedPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PlacedText[] = [];
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() === '') continue;
      const [a, b, , , e, f] = item.transform as number[];
      items.push({ text: item.str, x: e!, top: height - f!, width: item.width, size: Math.hypot(a!, b!), rotated: Math.abs(b!) > 0.01 });
    }
    pages.push({ width, height, items, text: text.replace(/[ \t]+/g, ' ') });
  }
  await pdf.destroy();
  return pages;
}

/** The banner lines of a page: runs that are exactly the banner text, top first. */
const bannerRuns = (page: PlacedPage, banner: string) => page.items.filter((item) => item.text.trim() === banner).sort((first, second) => first.top - second.top);

const background = (number: number) =>
  `${number}. (S//NF) The working-level Extended Deterrence Dialogue (EDD) has met twice a year since 2010; this paragraph is long enough to fill several lines of the page so that the memo runs well onto later pages, where the running header, the banners and the watermark are checked again.`;

const draftSecret = `---
type: action-memo
id: CM-PRINT-DRAFT
title: "(S) Follow-up to the ministerial meeting"
short_title: "(U) Ministerial follow-up"
date: 2024-07-31
to: [The Secretary]
from: { name: "J. Principal", office: "Bureau of East Asian and Pacific Affairs" }
marking:
  level: SECRET//NOFORN
  authority: { classified_by: "J. Principal, EAP", reason: "1.4(b), (d)", declassify_on: 20490731 }
status: draft
bluf: "(S//NF) We recommend three steps."
recommendations:
  - { text: "(S//NF) That you approve a standing ministerial session.", decide_by: 2024-08-09 }
  - { text: "(U) That you approve the talking points." }
  - { text: "(U) That you sign the letter at Tab A." }
glossary: { EAP: "Bureau of East Asian and Pacific Affairs" }
---

## (U) Background

${Array.from({ length: 4 }, (_, index) => background(index + 1)).join('\n\n')}

(U) The ranges are in [@fig:ranges-map]; the offices consulted are in [@tbl:offices].

:::figure{#fig:ranges-map}
![Map of missile ranges](ranges.png)

(U) Ranges of the missiles discussed
:::

Table: (U) Offices consulted {#tbl:offices}

| Consulted office | Position taken |
|---|---|
${Array.from({ length: 55 }, (_, index) => `| (U) Office ${index + 1} | (U) view ${index + 1} |`).join('\n')}
`;

const clearedCui = `---
type: info-memo
id: CM-PRINT-CUI
title: "(CUI) Personnel changes in the alliance coordination office"
short_title: "(U) Coordination office"
date: 2024-07-29
to: [The Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking:
  level: CUI
  cui: { controlled_by: "EAP/J", category: "PRVCY", distribution: "FEDCON", poc: "A. Analyst, 202-555-0100" }
status: cleared
bluf: "(CUI) Two posts change hands in August."
---

${Array.from({ length: 14 }, (_, index) => `(CUI) Paragraph ${index + 1} about the posts that change hands, long enough to take several lines on the page so that this memo runs to a second page where the designation block must not appear again.`).join('\n\n')}
`;

const ukSensitive = `---
type: info-memo
id: CM-PRINT-UK
title: "(OS) Arrangements for the ministerial visit"
short_title: "(O) Ministerial visit"
date: 2024-07-29
lang: en-GB
to: [The Foreign Secretary]
from: { name: "A. Official", office: "Indo-Pacific Department" }
marking: { level: OFFICIAL-SENSITIVE }
bluf: "(OS) The visit goes ahead on the agreed dates."
---

${Array.from({ length: 26 }, (_, index) => `(O) Paragraph ${index + 1} on the arrangements for the visit, long enough to take several lines on the page so that this memo runs to a second page and the banner is checked there too.`).join('\n\n')}
`;

describe('a draft SECRET action memo and a cleared CUI memo, printed', () => {
  const folder = writeTree({ 'draft-secret.md': draftSecret, 'ranges.png': rangesPng, 'cleared-cui.md': clearedCui });
  const out = tempFolder('briefing-content-print-');
  let result: CliResult;
  let draft: PlacedPage[];
  let cleared: PlacedPage[];

  beforeAll(async () => {
    result = await runCli(['build', folder, '--out', out]);
    draft = await readPlacedPdf(path.join(out, 'draft-secret.pdf'));
    cleared = await readPlacedPdf(path.join(out, 'cleared-cui.pdf'));
  });

  it('builds both with no message but the length of the draft (past two pages)', () => {
    expect(result.stderr.trim()).toMatch(/^\S*draft-secret\.md:2:1 {2}warning {2}the action memo runs to \d pages; .* {2}memo-length$/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.code).toBe(0);
    expect(draft.length).toBeGreaterThanOrEqual(3);
    expect(cleared.length).toBeGreaterThanOrEqual(2);
  });

  it('prints the diagonal DRAFT watermark on every page of the draft', () => {
    for (const page of draft) {
      const watermark = page.items.filter((item) => item.text.trim() === 'DRAFT' && item.rotated && item.size > 60);
      expect(watermark).toHaveLength(1);
    }
  });

  it('prints DRAFT beside the top banner, on its line and to its right, never inside it', () => {
    for (const page of draft) {
      const [top, bottom] = bannerRuns(page, 'SECRET//NOFORN');
      expect(top, 'top banner').toBeDefined();
      expect(bottom, 'bottom banner').toBeDefined();
      expect(top!.top).toBeLessThan(page.height / 8);
      expect(bottom!.top).toBeGreaterThan((page.height * 7) / 8);
      // Nothing on the page reads as a banner with DRAFT inside it.
      expect(page.text).not.toMatch(/SECRET\/\/[A-Z/]*DRAFT|DRAFT[A-Z/]*\/\/NOFORN/);
      const beside = page.items.filter((item) => item.text.trim() === 'DRAFT' && !item.rotated);
      expect(beside).toHaveLength(1);
      expect(Math.abs(beside[0]!.top - top!.top)).toBeLessThan(4);
      expect(beside[0]!.x).toBeGreaterThan(top!.x + top!.width);
    }
  });

  it('prints no watermark and nothing beside the banner on a cleared memo', () => {
    for (const page of cleared) {
      expect(page.text).not.toContain('DRAFT');
      expect(bannerRuns(page, 'CUI')).toHaveLength(2);
    }
  });

  it('prints the authority block on page 1 only', () => {
    for (const line of ['Classified By: J. Principal, EAP', 'Reason: 1.4(b), (d)', 'Declassify On: 20490731']) {
      expect(draft[0]!.text).toContain(line);
    }
    for (const page of draft.slice(1)) expect(page.text).not.toMatch(/Classified By|Declassify On/);
  });

  it('prints the CUI designation block on page 1 only', () => {
    for (const line of ['Controlled by: EAP/J', 'CUI Category: PRVCY', 'Distribution/LDC: FEDCON', 'POC: A. Analyst, 202-555-0100']) {
      expect(cleared[0]!.text).toContain(line);
    }
    for (const page of cleared.slice(1)) expect(page.text).not.toMatch(/Controlled by|CUI Category|Distribution\/LDC|POC:/);
    // A memo that is not CUI has no such block.
    expect(draft.map((page) => page.text).join('\n')).not.toContain('CUI Category');
  });

  it('prints Approve, Disapprove and Other lines under each recommendation', () => {
    const all = draft.map((page) => page.text).join('\n');
    const recommendations = ['That you approve a standing ministerial session.', 'That you approve the talking points.', 'That you sign the letter at Tab A.'];
    expect(all.match(/Approve _+ ?Disapprove _+ ?Other _+/g)).toHaveLength(3);
    let from = 0;
    for (const text of recommendations) {
      const at = all.indexOf(text, from);
      expect(at, text).toBeGreaterThanOrEqual(0);
      const lines = all.slice(at).match(/Approve _+ ?Disapprove _+ ?Other _+/);
      expect(lines, `decision lines after "${text}"`).not.toBeNull();
      from = at + text.length + (lines!.index ?? 0);
    }
  });

  it('prints the running header from page 2 on, never on page 1, and "Page X of Y" on every page', () => {
    expect(draft[0]!.text).not.toContain('Ministerial follow-up');
    expect(draft[0]!.text).toContain(`Page 1 of ${draft.length}`);
    draft.slice(1).forEach((page, index) => {
      const header = page.items.find((item) => item.text.includes('(U) Ministerial follow-up'));
      expect(header, `running header on page ${index + 2}`).toBeDefined();
      expect(header!.top).toBeLessThan(page.height / 8);
      expect(page.text).toContain('July 31, 2024');
      expect(page.text).toContain(`Page ${index + 2} of ${draft.length}`);
    });
  });

  it("repeats the table's header row on every page the table spans", () => {
    const first = draft.findIndex((page) => page.text.includes('Office 1 '));
    const last = draft.findIndex((page) => page.text.includes('Office 55 '));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(last, 'the table breaks across pages').toBeGreaterThan(first);
    for (const page of draft.slice(first, last + 1)) expect(page.text).toMatch(/Consulted office ?Position taken/);
    // The header text is the table's own: it appears nowhere before the table.
    for (const page of draft.slice(0, first)) expect(page.text).not.toContain('Consulted office');
  });

  it('numbers the :::figure and resolves the reference to it', () => {
    const all = draft.map((page) => page.text).join('\n');
    expect(all).toContain('(U) Figure 1. Ranges of the missiles discussed');
    expect(all).toContain('The ranges are in Figure 1; the offices consulted are in Table 1.');
  });
});

describe('team settings: the UK marking scheme and DoD page numbering', () => {
  it('builds an OFFICIAL-SENSITIVE memo with no CUI block, prints its banner on every page, and leaves page 1 unnumbered', async () => {
    const cwd = writeTree({ 'briefing.config.yml': 'markings: uk\nnumber_first_page: false\n', 'content/uk.md': ukSensitive });
    const out = tempFolder('briefing-content-print-uk-');
    const result = await runCli(['build', 'content', '--out', out], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pages = await readPlacedPdf(path.join(out, 'uk.pdf'));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const banners = bannerRuns(page, 'OFFICIAL-SENSITIVE');
      expect(banners).toHaveLength(2);
      expect(banners[0]!.top).toBeLessThan(page.height / 8);
      expect(banners[1]!.top).toBeGreaterThan((page.height * 7) / 8);
      expect(page.text).not.toMatch(/CUI Category|Controlled by/);
    }
    expect(pages[0]!.text).toContain('(OS) Arrangements for the ministerial visit');
    expect(pages[0]!.text).toContain('29 July 2024');
    expect(pages[0]!.text).not.toMatch(/Page 1 of/);
    expect(pages[1]!.text).toContain(`Page 2 of ${pages.length}`);
    expect(pages[1]!.text).toContain('(O) Ministerial visit');
  });
});
