// One shape for a problem: the same bad briefing gives the same diagnostic objects from
// `check --format json`, `build --report`, `build --json` and the dev server's events (which
// its overlay shows), and the same lines from `check`'s text and the dev server's print refusal.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../pipeline/source/diagnostics.js';
import { briefingBin, runCli, type CliResult } from '../support/cli.js';
import { memo, writeTree } from '../support/fixtures.js';

const key = 'content/memo.md';

/** The first `briefing` event the dev server sends for the memo: its state, messages included. */
function firstEvent(url: string): Promise<{ messages: Diagnostic[] }> {
  return new Promise((resolve, reject) => {
    get(`${url}events?briefing=${encodeURIComponent(key)}`, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const data = /event: briefing\ndata: (.*)\n\n/.exec(text)?.[1];
        if (data) {
          response.destroy();
          resolve(JSON.parse(data) as { messages: Diagnostic[] });
        }
      });
    }).on('error', reject);
  });
}

function fetchText(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    }).on('error', reject);
  });
}

/** `briefing dev --port 0`, resolved with the address it prints. */
function startDev(cwd: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [briefingBin, 'dev', '--port', '0', 'content'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) resolve({ child, url });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`briefing dev exited with ${code}:\n${output}`)));
  });
}

describe('one diagnostics shape', () => {
  // A warning in the frontmatter, an error and a warning in the body.
  const folder = writeTree({
    [key]: memo({ extra: 'colour: blue\n', body: '## Background\n\n#### Too deep\n\nSee [the old page](http://example.org/old).\n' }),
  });
  let check: CliResult;
  let checkText: CliResult;
  let build: CliResult;
  let dev: { child: ChildProcess; url: string } | undefined;

  beforeAll(async () => {
    [check, checkText, build, dev] = await Promise.all([
      runCli(['check', '--format', 'json', '--no-cache'], { cwd: folder }),
      runCli(['check', '--no-cache'], { cwd: folder }),
      runCli(['build', '--report', 'report.json', '--json', '--out', 'out'], { cwd: folder }),
      startDev(folder),
    ]);
  });

  afterAll(() => {
    if (dev && dev.child.exitCode === null) dev.child.kill('SIGTERM');
  });

  const fromCheck = () => (JSON.parse(check.stdout) as { path: string; messages: Diagnostic[] }[]).find((file) => file.path === key)!.messages;

  it('check --format json gives each problem its file, place (with its end when the problem spans a node), severity, rule and message', () => {
    expect(check.code).toBe(1);
    expect(fromCheck()).toEqual([
      { file: key, line: 10, column: 1, severity: 'warning', rule: 'frontmatter-unknown-key', message: expect.stringContaining('colour') },
      { file: key, line: 15, column: 1, endLine: 15, endColumn: 14, severity: 'error', rule: 'heading-increment', message: 'heading level 4 follows level 2; use ### (level 3) here' },
      { file: key, line: 17, column: 5, endLine: 17, endColumn: 43, severity: 'warning', rule: 'https-links', message: expect.stringContaining('"http://example.org/old" uses http') },
    ]);
  });

  it('build --report and build --json carry the same objects', () => {
    expect(build.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8')) as { briefings: { source: string; diagnostics: Diagnostic[] }[] };
    const printed = JSON.parse(build.stdout) as typeof report;
    expect(report.briefings.find((briefing) => briefing.source === key)!.diagnostics).toEqual(fromCheck());
    expect(printed.briefings.find((briefing) => briefing.source === key)!.diagnostics).toEqual(fromCheck());
  });

  it('the dev server sends the same objects to its overlay', async () => {
    expect((await firstEvent(dev!.url)).messages).toEqual(fromCheck());
  });

  it('check, the build and the dev server print them as the same lines', async () => {
    const lines = checkText.stderr.split('\n').filter((line) => line.startsWith(`${key}:`));
    expect(lines).toEqual([
      `${key}:10:1  warning  unknown key colour is ignored; check its spelling or remove it  frontmatter-unknown-key`,
      `${key}:15:1  error  heading level 4 follows level 2; use ### (level 3) here  heading-increment`,
      `${key}:17:5  warning  ${fromCheck()[2]!.message}  https-links`,
    ]);
    const refused = await fetchText(`${dev!.url}print/${key}`);
    expect(refused.status).toBe(409);
    expect(refused.text.split('\n').filter((line) => line.startsWith(`${key}:`))).toEqual(lines);
  });
});
