// `briefing check --staged` checks what the next commit records: the staged Markdown files
// under the content folder, read from git's index rather than from the working copy.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';

const good = memo({ id: 'STAGED-001' });
const broken = memo({ id: 'STAGED-001', body: '## Background\n\n#### Too deep\n\nText.\n' });

function repository(files: Record<string, string>): string {
  const folder = writeTree(files);
  execFileSync('git', ['init', '-q'], { cwd: folder });
  return folder;
}
const git = (folder: string, ...args: string[]) => execFileSync('git', args, { cwd: folder });

describe('briefing check --staged', () => {
  it('reads the staged content, not the working copy', async () => {
    const folder = repository({ 'content/memo.md': good });
    git(folder, 'add', 'content/memo.md');
    // An unstaged edit that breaks the memo is not what the commit will record.
    writeFileSync(path.join(folder, 'content/memo.md'), broken);
    const clean = await runCli(['check', '--staged'], { cwd: folder });
    expect(clean.stderr).toMatch(/0 errors, 0 warnings in 1 briefing\b/);
    expect(clean.code).toBe(0);

    // Now the broken version is staged and the working copy repaired: the commit would still be broken.
    git(folder, 'add', 'content/memo.md');
    writeFileSync(path.join(folder, 'content/memo.md'), good);
    const failing = await runCli(['check', '--staged'], { cwd: folder });
    expect(failing.stderr).toContain('content/memo.md:14:1  error  heading level 4 follows level 2; use ### (level 3) here  heading-increment');
    expect(failing.code).toBe(1);
  });

  it('checks only staged Markdown under the content folder (or the paths named)', async () => {
    const folder = repository({
      'content/staged.md': memo({ id: 'STAGED-A' }),
      'content/unstaged.md': broken,
      'README.md': '# Not a briefing\n',
      'content/notes.txt': 'not Markdown',
    });
    git(folder, 'add', 'content/staged.md', 'README.md', 'content/notes.txt');
    const result = await runCli(['check', '--staged'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/in 1 briefing\b/);
    // A file named on the command line narrows it further.
    const elsewhere = await runCli(['check', '--staged', 'other'], { cwd: folder });
    expect(elsewhere.stderr).toMatch(/in 0 briefings/);
  });

  it('works from a subfolder and names files relative to where it runs', async () => {
    const folder = repository({ 'content/memo.md': broken });
    git(folder, 'add', '.');
    const result = await runCli(['check', '--staged', '.'], { cwd: path.join(folder, 'content') });
    expect(result.stderr).toContain('memo.md:14:1  error');
    expect(result.stderr).not.toContain('content/memo.md');
    expect(result.code).toBe(1);
  });

  it('is a usage error outside a git repository', async () => {
    const folder = tempFolder();
    const result = await runCli(['check', '--staged'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not inside a git repository; --staged checks the files staged for the next commit/);
  });
});
