// Stopping a run half-way loses no work and leaves no debris: SIGTERM/SIGINT end the run with
// 143/130, no temporary file is left, every PDF in the output opens, and the next run finishes.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingBin, type CliResult, runCli } from '../support/cli.js';
import { memo, writeTree } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';

const memoCount = 30;

function manyMemos(): string {
  const files: Record<string, string> = {};
  for (let index = 1; index <= memoCount; index++) {
    const number = String(index).padStart(2, '0');
    files[`content/memo-${number}.md`] = memo({
      id: `SIG-${number}`,
      body: `## Background ${number}\n\n${'The ministers met in Tokyo and agreed to deepen cooperation. '.repeat(40)}\n\n## Outlook\n\n- one\n- two\n`,
    });
  }
  return writeTree(files);
}

/** Chromium's main process: the child of the `briefing` process. */
function browserChild(parent: number): number | undefined {
  const lines = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(parent)], { encoding: 'utf8' }).trim().split('\n');
  const line = lines.find((entry) => /chrom/i.test(entry));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts a build and sends `signal` as soon as the first memo is reported built. */
function buildAndInterrupt(cwd: string, signal: NodeJS.Signals): Promise<CliResult & { builtBeforeSignal: number; browser?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [briefingBin, 'build', 'content', '--out', 'out'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    let builtBeforeSignal = 0;
    let browser: number | undefined;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (!sent && /^built /m.test(stdout)) {
        sent = true;
        builtBeforeSignal = stdout.match(/^built /gm)?.length ?? 0;
        browser = browserChild(child.pid!);
        child.kill(signal);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      resolve({ code, signal: exitSignal, stdout, stderr, builtBeforeSignal, browser });
    });
  });
}

const filesIn = (folder: string) => readdirSync(folder, { recursive: true, encoding: 'utf8' });

async function expectEveryPdfOpens(folder: string): Promise<string[]> {
  const pdfs = filesIn(folder).filter((name) => name.endsWith('.pdf'));
  for (const name of pdfs) {
    const reading = await readPdf(path.join(folder, name));
    expect(reading.pages.length, name).toBeGreaterThan(0);
    expect(reading.pages.join('\n'), name).toContain('Outlook');
  }
  return pdfs;
}

describe.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('a build stopped by %s', (signal, exitCode) => {
  it(`exits ${exitCode}, leaves only whole PDFs, and the next build completes the rest`, async () => {
    const folder = manyMemos();
    const stopped = await buildAndInterrupt(folder, signal);
    expect(stopped.signal).toBeNull();
    expect(stopped.code, stopped.stderr).toBe(exitCode);
    expect(stopped.stderr).toContain(signal === 'SIGINT' ? 'interrupted' : 'terminated');
    expect(stopped.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // It stopped rather than running to the end, and printed no summary of a finished run.
    expect(stopped.stdout).not.toMatch(/^built \d+, failed \d+/m);
    const out = path.join(folder, 'out');
    const left = filesIn(out);
    expect(left.filter((name) => /\.tmp-|\.tmp$/.test(name))).toEqual([]);
    const whole = await expectEveryPdfOpens(out);
    expect(whole.length).toBeGreaterThanOrEqual(stopped.builtBeforeSignal);
    expect(whole.length).toBeLessThan(memoCount);
    // The browser of the stopped run was closed, not left behind.
    expect(stopped.browser).toBeGreaterThan(0);
    expect(isRunning(stopped.browser!)).toBe(false);
    const again: CliResult = await runCli(['build', 'content', '--out', 'out', '--quiet'], { cwd: folder });
    expect(again.code, again.stderr).toBe(0);
    expect(await expectEveryPdfOpens(out)).toHaveLength(memoCount);
    expect(filesIn(out).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});
