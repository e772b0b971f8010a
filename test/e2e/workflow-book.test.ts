// The weekly book and drafts: memos whose status is draft or in-clearance are left out and named
// on stderr; --include-drafts binds them, each still marked on its pages. A briefing with errors
// that is not the week's never stops the book; one whose date cannot be read may be the week's
// and stops it, unless its folder is named for another week.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf, type PdfReading } from '../support/pdf.js';

const week = {
  'content/2024-w31/cleared.md': memo({ id: 'W-001', title: 'Cleared memo on the alliance', extra: 'status: cleared\n' }),
  'content/2024-w31/draft.md': memo({ id: 'W-002', title: 'Draft memo on missile defense', date: '2024-07-30', extra: 'status: draft\n' }),
  'content/2024-w31/clearing.md': memo({ id: 'W-003', title: 'Memo in clearance on trade', date: '2024-07-31', extra: 'status: in-clearance\n' }),
  // Next week's memo with an error: its date can be read, so it is not this week's.
  'content/2024-w32/next-week.md': memo({ id: 'W-004', date: '2024-08-05', level: 'SEKRET' }),
  // YAML that cannot be read at all, in the folder of another week.
  'content/2024-w30/broken.md': '---\ntype: info-memo\ntitle: "unclosed\n---\n\nBody.\n',
};

describe('briefing book leaves drafts out unless asked', () => {
  const project = writeTree(week);
  const out = tempFolder('briefing-book-drafts-');
  let plain: CliResult;
  let withDrafts: CliResult;
  let plainBook: PdfReading;
  let fullBook: PdfReading;

  beforeAll(async () => {
    [plain, withDrafts] = await Promise.all([
      runCli(['book', '--week', '2024-W31', '--out', path.join(out, 'plain.pdf')], { cwd: project }),
      runCli(['book', '--week', '2024-W31', '--out', path.join(out, 'full.pdf'), '--include-drafts'], { cwd: project }),
    ]);
    [plainBook, fullBook] = await Promise.all([readPdf(path.join(out, 'plain.pdf')), readPdf(path.join(out, 'full.pdf'))]);
  });

  it('binds only the cleared memo, and names each memo it left out on stderr', () => {
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/\(1 memos?, \d+ pages/);
    expect(plain.stderr).toContain(`briefing: left out ${path.join('content', '2024-w31', 'draft.md')} (W-002): its status is draft; --include-drafts binds it\n`);
    expect(plain.stderr).toContain(`briefing: left out ${path.join('content', '2024-w31', 'clearing.md')} (W-003): its status is in-clearance; --include-drafts binds it\n`);
    const text = plainBook.pages.join('\n');
    expect(text).toContain('Cleared memo on the alliance');
    expect(text).not.toContain('Draft memo on missile defense');
    expect(text).not.toContain('Memo in clearance on trade');
  });

  it('is not stopped by briefings with errors that are not the week’s, and says so', () => {
    expect(plain.stderr).toContain(`briefing: ${path.join('content', '2024-w32', 'next-week.md')} has errors but is dated 2024-08-05, not of 2024-W31; it does not stop this book`);
    expect(plain.stderr).toContain(`briefing: ${path.join('content', '2024-w30', 'broken.md')} has errors but is in the folder of 2024-W30, not of 2024-W31; it does not stop this book`);
    // Their own errors are briefing check's to show, not the book's.
    expect(plain.stderr).not.toMatch(/ error /);
  });

  it('binds all three with --include-drafts, leaves none out, and marks each on its own pages', () => {
    expect(withDrafts.code).toBe(0);
    expect(withDrafts.stdout).toMatch(/\(3 memos, \d+ pages/);
    expect(withDrafts.stderr).not.toContain('left out');
    const pageOf = (title: string) => fullBook.pages.findIndex((page, index) => index > 2 && page.includes(title));
    const draftPage = fullBook.pages[pageOf('Draft memo on missile defense')]!;
    const clearingPage = fullBook.pages[pageOf('Memo in clearance on trade')]!;
    const clearedPage = fullBook.pages[pageOf('Cleared memo on the alliance')]!;
    // DRAFT beside the banner and the watermark; IN CLEARANCE beside the banner.
    expect(draftPage.match(/DRAFT/g)?.length).toBeGreaterThanOrEqual(2);
    expect(clearingPage).toContain('IN CLEARANCE');
    expect(clearingPage).not.toContain('DRAFT');
    expect(clearedPage).not.toMatch(/DRAFT|IN CLEARANCE/);
  });
});

describe('a briefing whose date cannot be read', () => {
  it('stops the book when it may be the week’s, naming it and what to do; nothing is printed', async () => {
    const project = writeTree({
      'content/2024-w31/cleared.md': memo({ id: 'W-001', extra: 'status: cleared\n' }),
      'content/loose/undated.md': memo({ id: 'W-009', date: 'sometime' }),
    });
    const result = await runCli(['book', '--week', '2024-W31', '--out', 'book.pdf'], { cwd: project, env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/browser' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join('content', 'loose', 'undated.md')}:5:7  error  date "sometime" is not a valid date; write YYYY-MM-DD  frontmatter`);
    expect(result.stderr).toContain(
      `briefing: ${path.join('content', 'loose', 'undated.md')}: its date cannot be read, so it may be a memo of 2024-W31; the book waits for it: fix the problems above, or move it into its week's folder (content/2024-w31/ is this week's)`,
    );
  });

  it('says when every memo of the week was left out', async () => {
    const project = writeTree({ 'content/2024-w31/draft.md': memo({ id: 'W-002', extra: 'status: draft\n' }) });
    const result = await runCli(['book', '--week', '2024-W31'], { cwd: project, env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/browser' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('briefing: no memo dated 2024-07-29 to 2024-08-04 (2024-W31) is ready to bind; the memo left out above is bound with --include-drafts');
  });
});
