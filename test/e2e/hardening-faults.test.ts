// Faults in the middle of a run: a browser that dies is started again and the rest print; a
// memo that takes too long fails alone; an output folder that takes no file is one error.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrintPool } from '../../pipeline/print/pool.js';
import type { Browser } from 'puppeteer-core';
import type { RenderedDocument } from '../../pipeline/types.js';
import { briefingBin, runCli, type CliResult } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';
import { renderBriefing } from '../hostile/stages.js';

/** The pool's current browser (private: the tests watch what it does, they never drive it). */
const browserOf = (pool: PrintPool) => (pool as unknown as { browser?: Browser }).browser;

/** Resolves when a page of `browser` has loaded a memo's document: the memo is in Chromium now. */
const memoLoadedIn = (browser: Browser) => browser.waitForTarget((target) => /\/document\/\d+\.html$/.test(target.url()), { timeout: 60_000 });

/** Polls `value` until it is defined (a state the pool has no event for); fails after `timeoutMs`. */
async function until<T>(value: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = value();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function memos(count: number, prefix: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 1; index <= count; index++) {
    const number = String(index).padStart(2, '0');
    files[`content/${prefix}-${number}.md`] = memo({ id: `${prefix.toUpperCase()}-${number}`, body: `## Background\n\n${'The ministers met in Tokyo. '.repeat(60)}\n\n## Outlook\n\nSteady.\n` });
  }
  return files;
}

/** A memo whose table runs to dozens of pages: seconds of printing, a few hundred kilobytes. */
function longTableMemo(rows: number): string {
  const table = ['| region | item | note | count |', '|---|---|---|---|'];
  for (let row = 0; row < rows; row++) table.push(`| EAP ${row} | alpha beta gamma | delta epsilon zeta eta | ${row * 7} |`);
  return memo({ id: 'LONG-TABLE', title: 'A very long table', body: `## Table\n\n${table.join('\n')}\n` });
}

const filesIn = (folder: string) => readdirSync(folder, { recursive: true, encoding: 'utf8' });

async function expectEveryPdfOpens(folder: string): Promise<number> {
  const pdfs = filesIn(folder).filter((name) => name.endsWith('.pdf'));
  for (const name of pdfs) expect((await readPdf(path.join(folder, name))).pages.length, name).toBeGreaterThan(0);
  return pdfs.length;
}

/** Chromium's main process: the child of the `briefing` process. */
function browserChild(parent: number): number | undefined {
  const lines = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(parent)], { encoding: 'utf8' }).trim().split('\n');
  const line = lines.find((entry) => /chrom/i.test(entry));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

describe('a browser that dies mid-run', () => {
  it('is started again and every remaining memo is printed', async () => {
    const folder = writeTree(memos(16, 'crash'));
    let killed: number | undefined;
    const result = await new Promise<CliResult>((resolve, reject) => {
      const child = spawn(process.execPath, [briefingBin, 'build', 'content', '--out', 'out'], { cwd: folder, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (killed === undefined && /^built /m.test(stdout)) {
          killed = browserChild(child.pid!) ?? -1;
          if (killed > 0) process.kill(killed, 'SIGKILL');
        }
      });
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    expect(killed).toBeGreaterThan(0);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^built 16, failed 0/m);
    expect(await expectEveryPdfOpens(path.join(folder, 'out'))).toBe(16);
  });

  describe('twice while printing the same memo', () => {
    let pool: PrintPool;
    let heavy: RenderedDocument;
    let light: RenderedDocument;
    beforeAll(async () => {
      pool = await PrintPool.start({ size: 1, timeoutMs: 300_000 });
      heavy = await renderBriefing(longTableMemo(2500));
      light = await renderBriefing(memo({ id: 'AFTER-CRASH' }));
    });
    afterAll(async () => pool?.close());

    it('fails that memo with a message saying so, and the next memo prints', async () => {
      const printing = pool.print(heavy);
      printing.catch(() => undefined);
      const first = pool.browserProcessId!;
      await memoLoadedIn(browserOf(pool)!);
      process.kill(first, 'SIGKILL');
      // The new browser, once it has taken the memo again, is killed as well.
      const restarted = await until(() => {
        const browser = browserOf(pool);
        return browser && pool.browserProcessId !== first ? browser : undefined;
      }, 'the browser to be started again');
      const second = pool.browserProcessId!;
      expect(second).not.toBe(first);
      await memoLoadedIn(restarted);
      process.kill(second, 'SIGKILL');
      await expect(printing).rejects.toThrow(/browser crashed twice while printing this memo/);
      const bytes = await pool.print(light);
      expect((await readPdf(bytes)).pages.join('\n')).toContain('The ministers met in Tokyo.');
    });
  });
});

describe('a memo that prints for too long', () => {
  it('fails alone with a clear message when it passes print_timeout_seconds; the rest are built', async () => {
    const folder = writeTree({ ...memos(4, 'quick'), 'content/long-table.md': longTableMemo(4000), 'briefing.config.yml': 'print_timeout_seconds: 5\n' });
    const result = await runCli(['build', 'content', '--out', 'out'], { cwd: folder, timeoutMs: 170_000 });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^built 4, failed 1/m);
    expect(result.stderr).toContain('failed  content/long-table.md');
    expect(result.stderr).toMatch(/long-table\.md.*printing took longer than 5 s and was stopped; shorten the memo.*print_timeout_seconds/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const out = path.join(folder, 'out');
    expect(filesIn(out).filter((name) => name.endsWith('.pdf')).sort()).toEqual(['quick-01.pdf', 'quick-02.pdf', 'quick-03.pdf', 'quick-04.pdf']);
    expect(await expectEveryPdfOpens(out)).toBe(4);
  }, 180_000);
});

describe('an output folder that takes no file', () => {
  const expectOneClearError = (result: CliResult, pattern: RegExp) => {
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(result.stdout).not.toMatch(/^built /m);
  };

  it('under a file (root can write anywhere, but not below a file): one clear error, exit 1', async () => {
    const folder = writeTree({ ...memos(3, 'out'), 'blocker.txt': 'a file, not a folder\n' });
    const result = await runCli(['build', 'content', '--out', 'blocker.txt/pdfs'], { cwd: folder });
    expectOneClearError(result, /^briefing: cannot write the output folder .*blocker\.txt\/pdfs: .*blocker\.txt is a file where a folder is needed; move it away or choose another folder with --out$/m);
  });

  // Mounting needs root (as in CI here); elsewhere these two are skipped.
  const canMount = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = tempFolder('briefing-mount-probe-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  describe.runIf(canMount)('on a mounted file system', () => {
    const mounts: string[] = [];
    afterAll(() => {
      for (const mount of mounts.reverse()) execFileSync('umount', ['-l', mount], { stdio: 'ignore' });
    });

    it('read-only: one clear error, exit 1', async () => {
      const folder = writeTree(memos(3, 'ro'));
      const target = tempFolder('briefing-readonly-');
      execFileSync('mount', ['--bind', '-o', 'ro', tempFolder('briefing-readonly-source-'), target]);
      mounts.push(target);
      const result = await runCli(['build', 'content', '--out', target], { cwd: folder });
      expectOneClearError(result, /^briefing: cannot write the output folder .*: the file system is read-only; choose another folder with --out$/m);
    });

    it('full: the memos that do not fit fail with "the disk is full", no temporary file is left, what is there opens', async () => {
      const folder = writeTree(memos(4, 'full'));
      const target = tempFolder('briefing-full-');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=80k', 'tmpfs', target]);
      mounts.push(target);
      const result = await runCli(['build', 'content', '--out', target], { cwd: folder });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/cannot write .*full-0\d\.pdf: the disk is full; free some space and build again/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(filesIn(target).filter((name) => name.includes('.tmp'))).toEqual([]);
      expect(await expectEveryPdfOpens(target)).toBeLessThan(4);
    });
  });
});

