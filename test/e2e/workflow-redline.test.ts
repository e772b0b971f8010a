// `briefing redline` on a scratch git repository with two commits and an uncommitted edit: the
// words inserted and deleted are in the PDF, drawn underlined and struck through where pdf.js
// says the words are, with a bar in the margin beside each changed line; each change is tagged
// for a screen reader; the banner is the higher of the two versions'; the running header names
// the commit; a file new since the commit prints wholly inserted; bad refs are usage errors.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdf, formatFinding } from '../../pipeline/print/pdfua/check/index.js';
import { runCli, type CliResult } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { darkShare, renderGrey } from '../support/page-pixels.js';
import { readPdf, type PdfReading } from '../support/pdf.js';
import { readPlacedText, type PlacedPage, type PlacedText } from '../support/pdf-positions.js';

const discussion = Array.from({ length: 9 }, (_, index) => `(U) Point ${index + 1} of the discussion runs long enough to fill the page, so that the memo needs a second page for its recommendation.`).join('\n\n');

const roundOne = `---
type: action-memo
id: RL-001
title: "(U) Extended deterrence talks in Tokyo"
date: 2024-07-31
to: [The Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking:
  level: CONFIDENTIAL
  authority: { classified_by: "A. Analyst, EAP/J", reason: "1.4(d)", declassify_on: 20490731 }
bluf: "(U) The ministers met and agreed to meet again."
recommendations:
  - { text: "(U) That you approve the plan." }
---

## (U) Background

(U) The ministers met briefly in Tokyo on Sunday.

(U) Unchanged sentence stays here as it was.

(C) A paragraph that the next round deletes entirely.

- (U) First item stays.
- (U) Second item goes.
- (U) Third item stays.

## (U) Discussion

${discussion}
`;

const roundTwo = roundOne
  .replace('  level: CONFIDENTIAL\n  authority: { classified_by: "A. Analyst, EAP/J", reason: "1.4(d)", declassify_on: 20490731 }', '  level: UNCLASSIFIED')
  .replace('(U) Extended deterrence talks in Tokyo"', '(U) Extended deterrence talks in Tokyo conclude"')
  .replace('(U) The ministers met and agreed to meet again.', '(U) The ministers agreed a statement and will meet again.')
  .replace('approve the plan', 'approve the revised plan')
  .replace('met briefly in Tokyo', 'conferred extensively in Tokyo')
  .replace('(C) A paragraph that the next round deletes entirely.\n\n', '')
  .replace('- (U) Second item goes.\n', '')
  .replace('## (U) Discussion', '## (U) Discussion and outlook');

const uncommitted = roundTwo.replace('in Tokyo on Sunday.', 'in Tokyo on Sunday. Uncommitted words arrive last.');

function git(folder: string, args: string[], date: string): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: folder,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  })
    .toString()
    .trim();
}

/** Each structure element that carries /ActualText, and any /Lang still naming a change. */
async function changeTags(file: string): Promise<{ spans: string[]; leftover: string[] }> {
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const spans: string[] = [];
  const leftover: string[] = [];
  const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
  const visit = (node: unknown, depth: number) => {
    if (!(node instanceof PDFDict) || depth > 100) return;
    const actual = text(node.lookup(PDFName.of('ActualText')));
    if (actual) spans.push(`${node.lookup(PDFName.of('S'))?.toString()} ${actual}`);
    const lang = text(node.lookup(PDFName.of('Lang')));
    if (lang?.includes('-x-')) leftover.push(lang);
    const kids = node.lookup(PDFName.of('K'));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids]) visit(pdf.context.lookup(kid as never), depth + 1);
  };
  visit(pdf.catalog.lookup(PDFName.of('StructTreeRoot')), 0);
  return { spans, leftover };
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');
const itemWith = (page: PlacedPage, word: string): PlacedText => {
  const item = page.items.find((candidate) => candidate.text.includes(word));
  if (!item) throw new Error(`no "${word}" on the page`);
  return item;
};

describe('briefing redline', () => {
  const repo = tempFolder('briefing-redline-');
  const out = tempFolder('briefing-redline-out-');
  let first = '';
  let second = '';
  let sinceFirst: CliResult;
  let byDefault: CliResult;
  let newFile: CliResult;
  let pdf: PdfReading;
  let placed: PlacedPage[];

  beforeAll(async () => {
    git(repo, ['init', '-q'], '2024-07-30T12:00:00Z');
    writeTree({ 'content/memo.md': roundOne }, repo);
    git(repo, ['add', '.'], '2024-07-30T12:00:00Z');
    git(repo, ['commit', '-q', '-m', 'Round one'], '2024-07-30T12:00:00Z');
    first = git(repo, ['rev-parse', '--short', 'HEAD'], '2024-07-30T12:00:00Z');
    writeTree({ 'content/memo.md': roundTwo, 'content/new-memo.md': memo({ id: 'RL-002', body: '## Background\n\nAll of this memo is new.\n' }) }, repo);
    git(repo, ['add', '.'], '2024-08-01T12:00:00Z');
    git(repo, ['commit', '-q', '-m', 'Round two'], '2024-08-01T12:00:00Z');
    second = git(repo, ['rev-parse', '--short', 'HEAD'], '2024-08-01T12:00:00Z');
    writeFileSync(path.join(repo, 'content/memo.md'), uncommitted);
    [sinceFirst, byDefault, newFile] = await Promise.all([
      runCli(['redline', 'content/memo.md', '--since', first, '--out', path.join(out, 'since-first.pdf')], { cwd: repo }),
      runCli(['redline', 'content/memo.md', '--out', path.join(out, 'default.pdf')], { cwd: repo }),
      runCli(['redline', 'content/new-memo.md', '--since', first, '--out', path.join(out, 'new.pdf')], { cwd: repo }),
    ]);
    pdf = await readPdf(path.join(out, 'since-first.pdf'));
    placed = await readPlacedText(path.join(out, 'since-first.pdf'));
  });

  it('prints the redline and says what it compared', () => {
    expect(sinceFirst.stderr).toBe('');
    expect(sinceFirst.code).toBe(0);
    expect(sinceFirst.stdout).toMatch(new RegExp(`^redline content/memo\\.md since ${first} → .*since-first\\.pdf {2}\\(\\d+ words inserted, \\d+ deleted, 2 pages, `));
  });

  it('has the inserted and the deleted words, the uncommitted edit among them', () => {
    const text = squeeze(pdf.pages.join(' '));
    for (const words of ['conferred extensively', 'met briefly', 'Uncommitted words arrive last.', '(C) A paragraph that the next round deletes entirely.', '(U) Second item goes.', 'Discussion and outlook']) {
      expect(text).toContain(words);
    }
  });

  it('tags each change for a screen reader, inserted and deleted told apart', async () => {
    const { spans, leftover } = await changeTags(path.join(out, 'since-first.pdf'));
    expect(spans).toEqual(
      expect.arrayContaining([
        '/Span [deleted: met briefly]',
        '/Span [inserted: conferred extensively]',
        '/Span [inserted: Uncommitted words arrive last.]',
        '/Span [deleted: (C) A paragraph that the next round deletes entirely.]',
        '/Span [deleted: (U) Second item goes.]',
        '/Span [inserted: and outlook]',
        // In the list of frontmatter changes on top.
        '/Span [deleted: met and]',
        '/Span [inserted: a statement and will]',
        '/Span [deleted: CONFIDENTIAL]',
        '/Span [inserted: UNCLASSIFIED]',
        '/Span [inserted: revised]',
      ]),
    );
    expect(leftover).toEqual([]);
  });

  it('draws a line under an inserted word and through a deleted one, and neither on a kept word', () => {
    const page = placed[0]!;
    const grey = renderGrey(path.join(out, 'since-first.pdf'), 1);
    const scale = grey.dpi / 72;
    /** The best-covered row in a band below (or above) a word's baseline, as a share of its width. */
    const line = (item: PlacedText, from: number, to: number) => {
      const baseline = (page.height - item.y) * scale;
      let best = 0;
      for (let offset = from * item.size * scale; offset <= to * item.size * scale; offset += 0.5) {
        best = Math.max(best, darkShare(grey, baseline + offset, item.x * scale + 1, (item.x + item.width) * scale - 1));
      }
      return best;
    };
    const under = (item: PlacedText) => line(item, 0.05, 0.4);
    const through = (item: PlacedText) => line(item, -0.45, -0.15);
    const inserted = itemWith(page, 'conferred');
    const deleted = itemWith(page, 'briefly');
    const kept = itemWith(page, 'Unchanged');
    expect(under(inserted)).toBeGreaterThan(0.9);
    expect(through(deleted)).toBeGreaterThan(0.9);
    expect(under(kept)).toBeLessThan(0.5);
    expect(through(kept)).toBeLessThan(0.5);
  });

  it('puts a bar in the margin beside each changed line and none beside a kept one', () => {
    const page = placed[0]!;
    const grey = renderGrey(path.join(out, 'since-first.pdf'), 1);
    const scale = grey.dpi / 72;
    // The text column starts 1 in from the edge; the bars stand 0.3 in to the left of it.
    const barAt = (item: PlacedText) => {
      const middle = (page.height - item.y - item.size * 0.35) * scale;
      return darkShare(grey, middle, 0.62 * grey.dpi, 0.78 * grey.dpi);
    };
    expect(barAt(itemWith(page, 'conferred'))).toBeGreaterThan(0.1);
    expect(barAt(itemWith(page, 'Second'))).toBeGreaterThan(0.1);
    expect(barAt(itemWith(page, 'Unchanged'))).toBe(0);
    // The text column stays where the memo has it: its lines start 1 in from the left edge.
    const kept = itemWith(page, 'Unchanged');
    const lineStart = Math.min(...page.items.filter((item) => Math.abs(item.y - kept.y) < 1).map((item) => item.x));
    expect(lineStart).toBeCloseTo(72, 0);
  });

  it('prints under the higher of the two markings, with its authority block, on every page', () => {
    for (const page of placed) {
      // The banners stand in the top and bottom margins (the summary names both markings too).
      const banners = page.items.filter((item) => item.y > page.height - 72 || item.y < 72).filter((item) => /^(UNCLASSIFIED|CONFIDENTIAL)$/.test(item.text));
      expect(banners.map((item) => item.text)).toEqual(['CONFIDENTIAL', 'CONFIDENTIAL']);
    }
    expect(squeeze(pdf.pages[0]!)).toContain('Classified By: A. Analyst, EAP/J');
  });

  it('lists the frontmatter changes on top and names the commit in the running header', () => {
    const top = squeeze(pdf.pages[0]!);
    expect(top).toContain(`REDLINE — changes since ${first} (July 30, 2024)`);
    expect(top).toContain('Title: (U) Extended deterrence talks in Tokyo conclude');
    expect(top).toContain('Marking: CONFIDENTIAL UNCLASSIFIED');
    // Word by word: "met and" and "to" struck, "a statement and will" inserted.
    expect(top).toContain('Bottom line: (U) The ministers met and agreed to a statement and will meet again.');
    expect(top).toContain('Recommendation 1: (U) That you approve the revised plan.');
    expect(squeeze(pdf.pages[1]!)).toContain(`REDLINE — changes since ${first} (July 30, 2024)`);
  });

  it('is a PDF/UA document like every memo', async () => {
    expect((await checkPdf(new Uint8Array(readFileSync(path.join(out, 'since-first.pdf'))))).map(formatFinding)).toEqual([]);
  });

  it('compares with the last commit that touched the file by default, uncommitted edits included', async () => {
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toContain(`since ${second} →`);
    expect(byDefault.stdout).toContain('(4 words inserted, 0 deleted,');
    const { spans } = await changeTags(path.join(out, 'default.pdf'));
    expect(spans).toEqual(['/Span [inserted: Uncommitted words arrive last.]']);
    const reading = await readPdf(path.join(out, 'default.pdf'));
    expect(squeeze(reading.pages[0]!)).toContain('Title, marking, bottom line and recommendations: unchanged.');
    // Both versions are unclassified: so is the banner.
    expect(reading.pages[0]).toContain('UNCLASSIFIED');
    expect(reading.pages[0]).not.toContain('CONFIDENTIAL');
  });

  it('prints a file that is new since the commit wholly as inserted', async () => {
    expect(newFile.code).toBe(0);
    const reading = await readPdf(path.join(out, 'new.pdf'));
    expect(squeeze(reading.pages[0]!)).toContain(`The memo did not exist at ${first}: all of it is inserted.`);
    const { spans } = await changeTags(path.join(out, 'new.pdf'));
    expect(spans).toEqual(['/Span [inserted: Background]', '/Span [inserted: All of this memo is new.]']);
  });

  it.each([
    [['--since', 'no-such-ref'], /--since "no-such-ref" is not a commit in .*; name a commit, branch or tag that exists/],
    [['--since=-x'], /--since "-x" begins with "-"; name a commit, branch or tag \(e\.g\. --since HEAD~1\)/],
    [['--since=--output=pwned.txt'], /--since "--output=pwned\.txt" begins with "-"/],
  ])('refuses a bad ref as a usage error, before any browser: %j', async (args, message) => {
    const result = await runCli(['redline', 'content/memo.md', ...args, '--out', path.join(out, 'refused.pdf')], { cwd: repo, env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/browser' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(path.join(out, 'refused.pdf'))).toBe(false);
    expect(existsSync(path.join(repo, 'pwned.txt'))).toBe(false);
  });

  it('refuses a memo with errors as build does, at their place, before any browser', async () => {
    writeFileSync(path.join(repo, 'content/unfinished.md'), memo({ id: 'RL-003', title: '[[Subject]]' }));
    const result = await runCli(['redline', 'content/unfinished.md', '--out', path.join(out, 'unfinished.pdf')], { cwd: repo, env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/browser' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/unfinished.md:4:9  error  replace the placeholder [[Subject]] with your own text  placeholder');
    expect(result.stderr).toContain('briefing: the redline of content/unfinished.md was not printed; fix the problems above and run it again');
    expect(existsSync(path.join(out, 'unfinished.pdf'))).toBe(false);
  });

  it('is a usage error outside a git repository, for a missing file, and for two files', async () => {
    const loose = writeTree({ 'memo.md': memo() });
    const outside = await runCli(['redline', 'memo.md'], { cwd: loose });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('memo.md is not in a git repository; a redline compares the memo with a commit');
    const missing = await runCli(['redline', 'content/gone.md'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('content/gone.md: no such Markdown file');
    const two = await runCli(['redline', 'content/memo.md', 'content/new-memo.md'], { cwd: repo });
    expect(two.code).toBe(2);
  });
});
