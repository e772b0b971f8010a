// Page craft, read back from the printed PDFs (issue 12), and layout regressions caught by
// looking. One build of every sample, their weekly book and the craft and fidelity fixtures:
// - where the marking blocks sit, the banner and the running header on lines of their own, the
//   end matter kept with the text, tabs as each house numbers them, labelled callouts, and the
//   house styles' anatomy (positions and fonts from pdf.js);
// - every page rendered small and compared with its approved image (test/support/page-images.ts;
//   approve new images with `npm run approve-baselines`).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli.js';
import { tempFolder } from '../support/fixtures.js';
import { approving, comparePages, renderPages } from '../support/page-images.js';
import { readingText } from '../support/pdf.js';
import { linesBetween, readPlacedPdf, runsStarting, type PlacedPage } from '../support/placed-pdf.js';

const inch = 72;
/** The text area of a page: what is not in its 1-inch margins (banners, running header, numbers). */
const textArea = (page: PlacedPage) => page.items.filter((item) => item.top > inch && item.top < page.height - inch);
const endMatterHeads = /^(Notes|Endnotes|Sources|Attachments:|Drafted:|Prepared by:)$/;

/** Folders printed as they are; each PDF is known by its file name. */
const folders = ['content/2024-w31', 'test/fixtures/craft', 'test/fixtures/fidelity'];
const out = tempFolder('briefing-craft-');
const file = (name: string) => path.join(out, `${name}.pdf`);
/** Every printed memo, read with positions, by name. */
const pdfs = new Map<string, PlacedPage[]>();
const book = path.join(out, 'books', 'book-2024-W31.pdf');
/** A book of the craft fixtures (a SECRET memo with its authority block, a DoD CUI action memo, a think-tank memo). */
const fixtureBook = path.join(out, 'books', 'book-craft-fixtures.pdf');
let fixtureBookPages: PlacedPage[] = [];

beforeAll(async () => {
  for (const folder of folders) {
    const result = await runCli(['build', folder, '--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
  }
  for (const [folder, target] of [['content', book], ['test/fixtures/craft', fixtureBook]] as const) {
    const result = await runCli(['book', folder, '--week', '2024-W31', '--out', target]);
    expect(result.code, result.stderr).toBe(0);
  }
  fixtureBookPages = await readPlacedPdf(fixtureBook);
  for (const name of readdirSync(out).filter((entry) => entry.endsWith('.pdf'))) pdfs.set(name.replace(/\.pdf$/, ''), await readPlacedPdf(path.join(out, name)));
});

describe('page craft of the samples and the craft fixtures', () => {
  const pages = (name: string) => {
    const found = pdfs.get(name);
    if (!found) throw new Error(`${name} was not printed`);
    return found;
  };

  it('prints the classification authority block at the lower left of page 1, under all the text', () => {
    const [first, second] = pages('secret-authority');
    const block = ['Classified By:', 'Reason:', 'Declassify On:'].map((label) => runsStarting(first!, label)[0]!);
    for (const line of block) {
      expect(line.x).toBeLessThan(inch + 2);
      expect(line.top).toBeGreaterThan(first!.height - inch - 1.1 * inch);
      expect(line.top).toBeLessThan(first!.height - inch);
    }
    const blockTop = Math.min(...block.map((line) => line.top)) - 10;
    const text = textArea(first!).filter((item) => !block.includes(item) && !/^(A\. Analyst, Director, EAP\/J|1\.4\(b\), \(d\)|20491231)$/.test(item.text.trim()));
    expect(Math.max(...text.map((item) => item.top))).toBeLessThan(blockTop);
    expect(second!.text).not.toContain('Classified By');
  });

  it('prints the CUI designation block at the lower right of page 1, under all the text', () => {
    const [first, second] = pages('dod-action-cui');
    const labels = ['Controlled by:', 'CUI Category:', 'Distribution/LDC:', 'POC:'].map((label) => runsStarting(first!, label)[0]!);
    for (const line of labels) {
      expect(line.x).toBeGreaterThan(first!.width / 2);
      expect(line.top).toBeGreaterThan(first!.height - inch - 1.2 * inch);
    }
    const blockTop = Math.min(...labels.map((line) => line.top)) - 10;
    const others = textArea(first!).filter((item) => item.x < first!.width / 2 - 10 || item.top < blockTop);
    expect(Math.max(...others.map((item) => item.top))).toBeLessThan(blockTop);
    expect(second!.text).not.toContain('Controlled by');
  });

  it("prints the marking blocks at the foot of each memo's first page in the book too", () => {
    const authority = fixtureBookPages.filter((page) => page.text.includes('Classified By:'));
    const designation = fixtureBookPages.filter((page) => page.text.includes('Controlled by:'));
    expect(authority).toHaveLength(1);
    expect(designation).toHaveLength(1);
    const classified = runsStarting(authority[0]!, 'Classified By:')[0]!;
    expect(classified.x).toBeLessThan(inch + 2);
    expect(classified.top).toBeGreaterThan(authority[0]!.height - 2.2 * inch);
    const controlled = runsStarting(designation[0]!, 'Controlled by:')[0]!;
    expect(controlled.x).toBeGreaterThan(designation[0]!.width / 2);
    expect(controlled.top).toBeGreaterThan(designation[0]!.height - 2.2 * inch);
    // Under the band's top only the blocks' own lines: the text never runs under them.
    for (const [page, line] of [[authority[0]!, classified], [designation[0]!, controlled]] as const) {
      const under = linesBetween(page, line.top - 12, page.height - inch - 1);
      expect(under.length).toBeLessThanOrEqual(4);
      for (const row of under) expect(row.text).toMatch(/Classified By|Reason|Declassify On|Controlled by|CUI Category|Distribution\/LDC|POC/);
      expect(textArea(page).filter((item) => item.top < line.top - 12).length).toBeGreaterThan(10);
    }
  });

  it('reads the marking blocks right after the banner, each block in one piece', async () => {
    const reading = await readingText(file('secret-authority'));
    const authority = reading.indexOf('Classified By: A. Analyst, Director, EAP/J\nReason: 1.4(b), (d)\nDeclassify On: 20491231');
    expect(authority).toBeGreaterThan(reading.indexOf('SECRET'));
    expect(authority).toBeLessThan(reading.indexOf('INFORMATION MEMO'));
  });

  it('gives the banner and the running header lines of their own from page 2', () => {
    let checked = 0;
    for (const [name, document] of pdfs) {
      for (const page of document.slice(1)) {
        const lines = linesBetween(page, 0, inch);
        // A memo in clearance or a draft says so beside the banner, on the banner's line.
        const banner = lines.find((line) => /^(UNCLASSIFIED|SECRET|CUI)\s*(IN CLEARANCE|DRAFT)?$/.test(line.text.trim()));
        expect(banner, `${name}: the top banner`).toBeDefined();
        const header = lines.filter((line) => line !== banner);
        expect(header.length, `${name}: title and date of the running header`).toBe(2);
        for (const line of header) expect(line.top - banner!.top, `${name}: "${line.text}" under the banner, on a line of its own`).toBeGreaterThan(8);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  it('never leaves notes, sources, tabs or clearances alone on a page: the page they start on holds text of the memo', () => {
    for (const [name, document] of pdfs) {
      const start = document.findIndex((page) => page.items.some((item) => endMatterHeads.test(item.text.trim()) && item.top > inch));
      if (start < 0) continue;
      const page = document[start]!;
      const head = page.items.filter((item) => endMatterHeads.test(item.text.trim()) && item.top > inch).sort((a, b) => a.top - b.top)[0]!;
      const above = linesBetween(page, inch + 1, head.top - 2);
      expect(above.length, `${name} page ${start + 1}: lines of text above "${head.text}"`).toBeGreaterThanOrEqual(2);
      for (const later of document.slice(start + 1)) expect(textArea(later).length, `${name}: a page after the end matter starts`).toBeGreaterThan(0);
    }
    // The case: the fidelity fixture's page 2 held only its Sources; now its last paragraph goes with them.
    const last = pages('quotations-and-notes').at(-1)!;
    expect(last.text).toContain('Sources');
    expect(last.text).toContain('The full text is at');
  });

  it('sets the end matter compactly, in 10 pt', () => {
    const page = pages('us-japan-2plus2-extended-deterrence').at(-1)!;
    for (const label of ['Notes', 'Sources', 'Drafted:', 'Cleared:']) expect(runsStarting(page, label)[0]!.size).toBeCloseTo(10, 0);
  });

  it('numbers tabs as each house does, all on the page that says Attachments:, after text of the memo', () => {
    for (const [name, tabs] of [
      ['extended-deterrence-dialogue-action', ['Tab A', 'Tab B']],
      ['trilateral-framework-dod-info-memo', ['Tab 1', 'Tab 2']],
      ['dod-action-cui', ['Tab 1', 'Tab 2']],
    ] as const) {
      const document = pages(name);
      const page = document.find((candidate) => candidate.text.includes('Attachments:'))!;
      for (const tab of tabs) expect(page.text, name).toContain(`${tab} –`);
      const label = runsStarting(page, 'Attachments:')[0]!;
      expect(linesBetween(page, inch + 1, label.top - 2).length, `${name}: text above the tabs`).toBeGreaterThanOrEqual(2);
    }
  });

  it('labels a note callout, and sets a quotation apart from its source, upright', () => {
    const brief = pages('alliance-command-policy-brief').find((page) => page.text.includes('NOTE'))!;
    const label = runsStarting(brief, 'NOTE')[0]!;
    const note = runsStarting(brief, 'Japan’s Joint Operations Command and the new U.S. headquarters')[0]!;
    expect(note.top).toBeGreaterThan(label.top);
    expect(note.top - label.top).toBeLessThan(20);

    const [page] = pages('quotations-and-notes');
    const quote = runsStarting(page!, '“By signing this memorandum')[0]!;
    const source = runsStarting(page!, '— Minister Kihara')[0]!;
    expect(source.top).toBeGreaterThan(quote.top + 8);
    expect(quote.font).not.toMatch(/Italic/);
    expect(source.font).not.toMatch(/Italic/);
  });

  it('prints the DoD style: INFO MEMO centred and bold 2 inches down, page 1 unnumbered, later pages numbered at the bottom centre', () => {
    const [first, second] = pages('trilateral-framework-dod-info-memo');
    const kind = runsStarting(first!, 'INFO MEMO')[0]!;
    expect(Math.abs(kind.x + kind.width / 2 - first!.width / 2)).toBeLessThan(3);
    expect(kind.font).toMatch(/Bold/);
    expect(Math.min(...textArea(first!).map((item) => item.top))).toBeGreaterThanOrEqual(2 * inch);
    expect(first!.text).not.toMatch(/Page \d|^\s*1\s*$/m);
    const number = second!.items.find((item) => item.text.trim() === '2' && item.top > second!.height - inch)!;
    expect(Math.abs(number.x + number.width / 2 - second!.width / 2)).toBeLessThan(3);
    const banner = second!.items.find((item) => item.text.trim() === 'UNCLASSIFIED' && item.top > second!.height - inch)!;
    expect(number.top).toBeLessThan(banner.top);
    expect(second!.text).toMatch(/FOR:|Prepared by:/);
  });

  it('prints the State style: INFORMATION MEMO FOR …, the letterhead with its seal, "Page X of Y" at the bottom right', () => {
    const document = pages('us-japan-2plus2-extended-deterrence');
    const first = document[0]!;
    expect(first.text).toContain('INFORMATION MEMO FOR THE SECRETARY');
    expect(first.text).toMatch(/UNITED STATES DEPARTMENT OF STATE\s+Washington, D\.C\. 20520/);
    expect(first.figures).toContain('Seal of United States Department of State');
    document.forEach((page, index) => {
      const number = runsStarting(page, `Page ${index + 1} of ${document.length}`)[0] ?? page.items.find((item) => item.text.startsWith('Page'))!;
      expect(number.x).toBeGreaterThan(page.width / 2);
      expect(number.top).toBeGreaterThan(page.height - inch);
    });
  });

  it('prints the think-tank style: a masthead with the logo, the name and POLICY BRIEF over the title', () => {
    const first = pages('alliance-command-policy-brief')[0]!;
    const kind = runsStarting(first, 'POLICY BRIEF')[0]!;
    const title = runsStarting(first, 'From alliance manager')[0]!;
    expect(kind.x + kind.width).toBeGreaterThan(first.width - inch - 3);
    expect(kind.top).toBeLessThan(title.top);
    expect(first.figures).toContain('Logo of United States Department of State');
    expect(pages('think-tank-info')[0]!.text).toContain('INFORMATION MEMO FOR PROGRAM DIRECTOR');
  });
});

describe('every page looks as approved', () => {
  it('prints the samples, the book and a fixture of each memo type and house style', () => {
    const samples = readdirSync(path.join(projectRoot, 'content/2024-w31')).filter((name) => name.endsWith('.md'));
    for (const sample of samples) expect([...pdfs.keys()]).toContain(sample.replace(/\.md$/, ''));
    expect([...pdfs.keys()]).toEqual(expect.arrayContaining(['secret-authority', 'dod-action-cui', 'think-tank-info', 'quotations-and-notes']));
  });

  it(approving ? 'writes every page as the approved image' : 'matches every page with its approved image', () => {
    const documents = [...[...pdfs.keys()].sort().map((name) => ({ name, pdf: file(name) })), { name: 'book-2024-W31', pdf: book }, { name: 'book-craft-fixtures', pdf: fixtureBook }];
    const problems = documents.flatMap((document) => comparePages(document.name, renderPages(document.pdf, document.name)));
    expect(problems).toEqual([]);
  });
});
