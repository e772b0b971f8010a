// The weekly book of the samples, read back: contents page numbers, index pages, outline,
// markings, links, tags, and a page count that adds up.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMemoDate } from '../../pipeline/render/dates.js';
import { loadGlossary } from '../../pipeline/source/glossary.js';
import { loadBriefing } from '../../pipeline/source/load.js';
import { tagKinds, tagLabel } from '../../pipeline/source/tag-labels.js';
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName } from 'pdf-lib';
import { projectRoot, runCli, type CliResult } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf, type PdfReading } from '../support/pdf.js';
import { bookLinkProblems, bookParts, noteLines, readInternalLinks, type LinkReading } from '../support/pdf-links.js';

const sampleFolder = path.join(projectRoot, 'content', '2024-w31');
const samples = readdirSync(sampleFolder)
  .filter((name) => name.endsWith('.md'))
  .map((name) => {
    const file = path.join(sampleFolder, name);
    const loaded = loadBriefing({ path: file, root: sampleFolder, relative: name, bytes: readFileSync(file) });
    return { name, frontmatter: loaded.briefing!.frontmatter };
  })
  .sort((a, b) => (a.frontmatter.priority ?? 99) - (b.frontmatter.priority ?? 99) || a.frontmatter.date.localeCompare(b.frontmatter.date) || a.frontmatter.id.localeCompare(b.frontmatter.id));
const plainTitle = (title: string) => title.replace(/^\([A-Z/]+\)\s*/, '');

describe('briefing book --week 2024-W31 on the samples', () => {
  const out = tempFolder('briefing-book-');
  const bookFile = path.join(out, 'book.pdf');
  let result: CliResult;
  let book: PdfReading;
  const memoPages = new Map<string, number>();
  /** Each memo's own PDF, as text, in book order. */
  const memoTexts: string[] = [];
  let links: LinkReading;
  let contentsPage = 0;

  beforeAll(async () => {
    // --include-drafts: the whole week, the memo in clearance too.
    result = await runCli(['book', 'content', '--week', '2024-W31', '--out', bookFile, '--include-drafts']);
    book = await readPdf(bookFile);
    // Each memo's own PDF, for the page count.
    const built = await runCli(['build', 'content', '--out', path.join(out, 'memos'), '--quiet']);
    expect(built.code).toBe(0);
    for (const sample of samples) {
      const own = await readPdf(path.join(out, 'memos', '2024-w31', sample.name.replace(/\.md$/, '.pdf')));
      memoPages.set(sample.name, own.pages.length);
      memoTexts.push(own.pages.join('\n'));
    }
    links = await readInternalLinks(bookFile);
    contentsPage = book.pages.findIndex((text) => text.includes('Contents\nTitle Type Marking Page')) + 1;
  });

  // The page numbers the contents page prints, in the order of its rows.
  const contentsNumbers = () => {
    const rows = book.pages[contentsPage - 1]!.split('Title Type Marking Page')[1]!;
    return [...rows.matchAll(/(?:UNCLASSIFIED|CUI|CONFIDENTIAL|SECRET)(?:\/\/\S+)? (\d+)/g)].map((match) => Number(match[1]));
  };

  it('writes the book and says where', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^book {4}2024-W31 → .*book\\.pdf {2}\\(${samples.length} memos, \\d+ pages, \\d+\\.\\d s\\)$`, 'm'));
  });

  it('has a cover that names the week once and its dates once, and a contents page with the overall marking', () => {
    const cover = book.pages[0]!;
    expect(cover).toContain('Weekly Policy Briefing');
    expect(cover.match(/Week 31, 2024/g)).toHaveLength(1);
    expect(cover).toContain('July 29 – August 4, 2024');
    expect(cover).not.toMatch(/2024-W31|Issue No\./);
    // The banners at the top and the foot carry the overall marking; the cover does not repeat it.
    expect(cover.match(/UNCLASSIFIED/g)).toHaveLength(2);
    expect(contentsPage).toBe(2);
    expect(book.pages[1]!.match(/UNCLASSIFIED/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('names, for each memo, the page where that memo starts', () => {
    const numbers = contentsNumbers();
    samples.forEach((sample, index) => {
      const page = numbers[index]!;
      const text = book.pages[page - 1]!;
      const title = plainTitle(sample.frontmatter.title);
      // The memo's own heading is on that page, and not on the page before.
      expect(text.replace(/\s+/g, ' ')).toContain(title.replace(/\s+/g, ' '));
      expect(book.pages[page - 2]!.replace(/\s+/g, ' ')).not.toMatch(new RegExp(`(SUBJECT:|POLICY BRIEF)\\s*(\\(U\\))?\\s*${title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    });
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('links every contents entry to the page it names', () => {
    const numbers = contentsNumbers();
    const targets = new Set(book.linkTargets[contentsPage - 1]);
    for (const page of numbers) expect(targets.has(page)).toBe(true);
  });

  it("lands every memo's note, citation and cross-reference link inside that memo, on the item it names", () => {
    // Every memo has notes, each linked from the text.
    const { memoOn } = bookParts(links, book.pages.length);
    const memosWithNotes = new Set(links.links.filter((link) => /^\d+$/.test(link.text)).map((link) => memoOn(link.page)).filter((memo) => memo > 0));
    expect([...memosWithNotes].sort()).toEqual(samples.map((_, index) => index + 1));
    expect(bookLinkProblems(links, book.pages, (memo) => noteLines(memoTexts[memo - 1]!))).toEqual([]);
  });

  it('numbers pages continuously and adds up: cover, contents, summary, each memo as long as its own PDF, index', () => {
    const total = book.pages.length;
    book.pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${total}`));
    const numbers = contentsNumbers();
    samples.forEach((sample, index) => {
      const next = numbers[index + 1] ?? total; // the index follows the last memo
      expect(next - numbers[index]!).toBe(memoPages.get(sample.name));
    });
    const memoTotal = [...memoPages.values()].reduce((a, b) => a + b, 0);
    const summaryPages = numbers[0]! - 3; // cover, contents, then the summary
    expect(total).toBe(1 + 1 + summaryPages + memoTotal + 1);
  });

  it("prints no running header on a memo's first page (its date line is there), and prints it on the memo's later pages", () => {
    const { starts, end } = bookParts(links, book.pages.length);
    samples.forEach((sample, index) => {
      const first = starts[index]!;
      const last = (starts[index + 1] ?? end + 1) - 1;
      const header = (sample.frontmatter.short_title ?? sample.frontmatter.title).slice(0, 20);
      const date = formatMemoDate(sample.frontmatter.date, 'en-US');
      const top = (page: number) => book.pages[page - 1]!.split('\n').slice(0, 4).join('\n');
      expect(top(first), `${sample.name}, page ${first}`).not.toContain(header);
      expect(book.pages[first - 1]!.split(date).length - 1, `${sample.name}: its date once on page ${first}`).toBe(1);
      for (let page = first + 1; page <= last; page++) expect(top(page), `${sample.name}, page ${page}`).toContain(header);
    });
  });

  it('summarises every BLUF, marked with its memo level', () => {
    const summary = book.pages[2]!.replace(/\s+/g, ' ');
    expect(summary).toContain('Summary');
    for (const sample of samples) expect(summary).toContain(`(U) ${plainTitle(sample.frontmatter.bluf!).slice(0, 40)}`.replace(/\s+/g, ' '));
  });

  it('lists the summary, each memo with its id and date, and the index in page order', () => {
    const contents = book.pages[contentsPage - 1]!.split('Title Type Marking Page')[1]!.replace(/\s+/g, ' ');
    expect(contents.trim()).toMatch(/^Summary 3 /);
    expect(contents.trim()).toMatch(/Index \d+$/);
    let last = -1;
    for (const sample of samples) {
      const at = contents.indexOf(`${sample.frontmatter.id} · ${formatMemoDate(sample.frontmatter.date, 'en-US')}`);
      expect(at, sample.frontmatter.id).toBeGreaterThan(last);
      last = at;
    }
  });

  it('never breaks a summary page reference across lines', () => {
    const summary = book.pages[2]!;
    expect(summary.match(/\(page \d+\)/g)).toHaveLength(samples.length);
  });

  it('indexes every tag by name with the pages of the memos that carry it, never by its code', () => {
    const index = book.pages.at(-1)!;
    expect(index).toContain('Index');
    const numbers = contentsNumbers();
    const tags = new Map<string, number[]>();
    const glossary = loadGlossary([path.join(projectRoot, 'content', 'glossary.yml')]);
    samples.forEach((sample, position) => {
      for (const kind of tagKinds) {
        for (const code of sample.frontmatter.tags?.[kind] ?? []) {
          const term = tagLabel(kind, code, glossary.labels, 'en-US');
          expect(term, `${kind} ${code}`).toBeDefined();
          // "North Korea" is a country and a topic: one index line each, under its own heading.
          const key = `${kind}:${term!}`;
          tags.set(key, [...(tags.get(key) ?? []), numbers[position]!]);
          if (term !== code) expect(index).not.toMatch(new RegExp(`(^|\\s)${code}(\\s|$)`));
        }
      }
    });
    for (const name of ['East Asia and the Pacific', 'North Korea', 'South Korea', 'United States', 'U.S.–Japan alliance']) expect(index).toContain(name);
    expect(tags.size).toBeGreaterThan(5);
    for (const [key, pages] of tags) {
      const [kind, term] = key.split(/:(.*)/s) as [string, string];
      const section = index.split(/\n(?=(?:Regions|Countries|Topics)\n)/).find((part) => part.toLowerCase().startsWith(kind))!;
      const line = new RegExp(`(^|\\s)${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+([\\d, ]+)`).exec(section);
      expect(line, term).not.toBeNull();
      const listed = line![2]!.split(',').map((page) => Number(page.trim())).filter(Boolean);
      expect(listed.slice(0, pages.length), term).toEqual([...pages].sort((a, b) => a - b));
    }
  });

  it('has one outline entry per memo, in order, with its headings nested, plus contents, summary and index', () => {
    const titles = book.outline.map((entry) => entry.title);
    expect(titles[0]).toBe('Contents');
    expect(titles[1]).toBe('Summary');
    expect(titles.at(-1)).toBe('Index');
    const memoEntries = book.outline.slice(2, -1);
    expect(memoEntries.map((entry) => entry.title.replace(/^\(U\)\s*/, ''))).toEqual(samples.map((sample) => plainTitle(sample.frontmatter.title)));
    const numbers = contentsNumbers();
    memoEntries.forEach((entry, index) => {
      expect(entry.page).toBe(numbers[index]);
      expect(entry.children.length).toBeGreaterThan(0);
    });
  });

  it('opens with its bookmarks shown', async () => {
    const document = await PDFDocument.load(readFileSync(bookFile), { updateMetadata: false });
    expect(document.catalog.get(PDFName.of('PageMode'))?.toString()).toBe('/UseOutlines');
  });

  it('is a tagged PDF with its language and title', () => {
    expect(book.tagged).toBe(true);
    expect(book.lang).toBe('en-US');
    expect(book.info.Title).toBe('Weekly Policy Briefing 2024-W31');
    expect(book.structureRoles).toEqual(expect.arrayContaining(['H1', 'H2', 'P', 'Table']));
  });
});

describe('briefing book markings and edge cases', () => {
  it('carries the highest marking of its memos on the cover and contents; each memo keeps its own banner', async () => {
    const folder = writeTree({
      'a.md': memo({ id: 'BK-1', date: '2024-07-29' }),
      'b.md': memo({
        id: 'BK-2',
        date: '2024-07-30',
        level: 'CUI',
        extra: 'tags: { countries: [JP] }\n',
      }).replace('marking: { level: CUI }', 'marking: { level: CUI, cui: { controlled_by: "EAP/J", category: "PRVCY", poc: "A. Analyst, 202-555-0100" } }'),
    });
    const bookFile = path.join(folder, 'out.pdf');
    const result = await runCli(['book', folder, '--from', '2024-07-29', '--to', '2024-07-31', '--out', bookFile]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const book = await readPdf(bookFile);
    // The cover and contents carry the book's banner (the highest: CUI) at top and bottom; the
    // contents names each memo's own marking in its row.
    for (const page of [book.pages[0]!, book.pages[1]!]) {
      expect(page.split('\n')[0]).toBe('CUI');
      expect(page).toMatch(/Page \d of \d+CUI/);
    }
    expect(book.pages[0]).not.toContain('UNCLASSIFIED');
    expect(book.pages[1]!.match(/UNCLASSIFIED/g)).toHaveLength(1);
    // Each memo's pages carry that memo's own banner.
    const memoA = book.pages.find((text) => text.includes('Test memo on extended deterrence') && text.includes('INFORMATION MEMO'))!;
    expect(memoA.match(/UNCLASSIFIED/g)!.length).toBeGreaterThanOrEqual(2);
    expect(memoA).not.toMatch(/^CUI$/m);
    expect(book.pages.some((text) => text.includes('(CUI)'))).toBe(true);
  });

  it("draws a draft memo's DRAFT watermark on its own pages only", async () => {
    const longBody = Array.from({ length: 45 }, (_, index) => `Paragraph ${index + 1} of the draft memo on alliance consultations.`).join('\n\n');
    const folder = writeTree({
      'a-draft.md': memo({ id: 'WM-1', date: '2024-07-29', title: 'Draft memo on consultations', extra: 'status: draft\npriority: 1\n', body: `## Background\n\n${longBody}\n` }),
      'b-final.md': memo({ id: 'WM-2', date: '2024-07-30', title: 'Cleared memo on logistics', extra: 'status: cleared\npriority: 2\n' }),
    });
    const bookFile = path.join(folder, 'out.pdf');
    const result = await runCli(['book', folder, '--week', '2024-W31', '--out', bookFile, '--include-drafts']);
    expect(result.code).toBe(0);
    const book = await readPdf(bookFile);
    const memoStart = book.outline.find((entry) => entry.title === 'Draft memo on consultations')!.page!;
    const nextStart = book.outline.find((entry) => entry.title === 'Cleared memo on logistics')!.page!;
    expect(nextStart - memoStart).toBeGreaterThan(1);
    for (let page = 1; page <= book.pages.length; page++) {
      const drafts = book.pages[page - 1]!.match(/DRAFT/g)?.length ?? 0;
      // On the draft memo's pages: DRAFT beside the banner and the watermark; elsewhere none.
      if (page >= memoStart && page < nextStart) expect(drafts, `page ${page}`).toBe(2);
      else expect(drafts, `page ${page}`).toBe(0);
    }
  });

  it('says clearly that a week has no memos, and exits 1', async () => {
    const result = await runCli(['book', 'content', '--week', '2024-W05', '--out', path.join(tempFolder(), 'x.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no memo in content is dated 2024-01-29 to 2024-02-04 (2024-W05)');
  });

  it('refuses a malformed week as a usage error', async () => {
    const result = await runCli(['book', '--week', '2024-31']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--week takes an ISO week such as 2024-W31');
  });
});
