// What CI and larger setups use: builds of what changed since a git ref, stable shards for a
// runner matrix, a report file, and printing through a browser that already runs elsewhere.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../pipeline/run/select.js';
import { findBrowser, launchArguments } from '../../pipeline/print/browser.js';
import { runCli } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';

interface Report {
  browser?: string;
  summary: Record<string, number>;
  briefings: { source: string; output: string; status: string; sha256?: string; pages?: number; durationMs: number; printMs?: number; id?: string; diagnostics: { line: number; column: number; severity: string; rule: string; message: string }[] }[];
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd, stdio: 'pipe' }).toString();

describe('--changed-since', () => {
  const repo = tempFolder('briefing-changed-');
  beforeAll(() => {
    writeTree({ 'content/a.md': memo({ id: 'CH-A' }), 'content/b.md': memo({ id: 'CH-B' }), 'content/c.md': memo({ id: 'CH-C' }) }, repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'memos');
  });

  const changedBuild = async (ref: string) => {
    const result = await runCli(['build', 'content', '--out', 'out', '--changed-since', ref, '--json'], { cwd: repo });
    return { ...result, report: result.code === 0 ? (JSON.parse(result.stdout) as Report) : undefined };
  };

  it('builds only the briefings changed since the ref, committed or not', async () => {
    appendFileSync(path.join(repo, 'content/b.md'), '\nA committed edit.\n');
    git(repo, 'commit', '-q', '-am', 'edit b');
    writeFileSync(path.join(repo, 'content/d.md'), memo({ id: 'CH-D' }));
    const { code, report } = await changedBuild('HEAD~1');
    expect(code).toBe(0);
    expect(report!.briefings.map((briefing) => path.basename(briefing.source)).sort()).toEqual(['b.md', 'd.md']);
  });

  it('builds every briefing when a shared file of the content folder changed', async () => {
    writeFileSync(path.join(repo, 'content/glossary.yml'), 'acronyms:\n  EDD: Extended Deterrence Dialogue\n');
    const { report } = await changedBuild('HEAD');
    expect(report!.briefings.map((briefing) => path.basename(briefing.source)).sort()).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
  });

  it('is a usage error for a ref that does not exist', async () => {
    const { code, stderr } = await changedBuild('no-such-ref');
    expect(code).toBe(2);
    expect(stderr).toContain('"no-such-ref" is not a commit');
  });
});

describe('--shard', () => {
  it('gives every briefing to exactly one of N shards, the same way on every runner', () => {
    const names = Array.from({ length: 1000 }, (_, index) => ({ path: `/x/m${index}.md`, root: '/x', relative: `team-${index % 7}/m${index}.md` }));
    const counts = [0, 0, 0, 0];
    for (const briefing of names) {
      const shard = shardOf(briefing, 4);
      expect(shardOf({ ...briefing, path: `/elsewhere/${briefing.relative}`, root: '/elsewhere' }, 4)).toBe(shard);
      counts[shard - 1]! += 1;
    }
    expect(counts.reduce((a, b) => a + b)).toBe(1000);
    for (const count of counts) expect(count).toBeGreaterThan(200);
    expect(parseShard('0/3')).toHaveProperty('error');
    expect(parseShard('4/3')).toHaveProperty('error');
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  });

  it('splits a real build across runners with no briefing built twice or missed', async () => {
    const folder = writeTree(Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`m${index}.md`, memo({ id: `SH-${index}` })])));
    const seen: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const result = await runCli(['build', folder, '--out', path.join(folder, 'out', shard.replace('/', '-')), '--shard', shard, '--json']);
      expect(result.code).toBe(0);
      seen.push(...(JSON.parse(result.stdout) as Report).briefings.map((briefing) => path.basename(briefing.source)));
    }
    expect(seen.sort()).toEqual(['m0.md', 'm1.md', 'm2.md', 'm3.md', 'm4.md', 'm5.md']);
    const usage = await runCli(['build', folder, '--shard', 'two']);
    expect(usage.code).toBe(2);
  });
});

describe('--report', () => {
  it('records each briefing with its output, sha256, pages, status, duration and diagnostics', async () => {
    const folder = writeTree({
      'good.md': memo({ id: 'REP-1', extra: 'colour: blue\n' }),
      'bad.md': memo({ id: 'REP-2', date: '2024-13-01' }),
    });
    const reportFile = path.join(folder, 'report.json');
    const result = await runCli(['build', folder, '--out', path.join(folder, 'out'), '--report', reportFile, '--quiet']);
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    expect(report.summary).toMatchObject({ built: 1, failed: 1 });
    const good = report.briefings.find((briefing) => briefing.source.endsWith('good.md'))!;
    expect(good.status).toBe('built');
    expect(good.id).toBe('REP-1');
    expect(good.pages).toBe(1);
    expect(good.durationMs).toBeGreaterThan(0);
    // Of its duration, the print itself (browser, post-pass, write): the benchmark splits by it.
    expect(good.printMs).toBeGreaterThan(0);
    expect(good.printMs).toBeLessThanOrEqual(good.durationMs);
    expect(good.sha256).toBe(createHash('sha256').update(readFileSync(good.output)).digest('hex'));
    expect(good.diagnostics).toEqual([expect.objectContaining({ line: 10, column: 1, severity: 'warning', rule: 'frontmatter-unknown-key' })]);
    const bad = report.briefings.find((briefing) => briefing.source.endsWith('bad.md'))!;
    expect(bad.status).toBe('failed');
    expect(bad.sha256).toBeUndefined();
    expect(bad.diagnostics).toEqual([expect.objectContaining({ line: 5, column: 7, severity: 'error', rule: 'frontmatter' })]);
  });
});

describe('--browser-ws-endpoint', () => {
  let chromium: ChildProcess | undefined;
  let endpoint = '';

  beforeAll(async () => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'briefing-remote-profile-'));
    chromium = spawn(await findBrowser(), [...launchArguments(), '--headless', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
    endpoint = await new Promise<string>((resolve, reject) => {
      let seen = '';
      chromium!.stderr!.on('data', (chunk) => {
        seen += chunk;
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
        if (match) resolve(match[1]!);
      });
      chromium!.on('exit', () => reject(new Error(`chromium exited: ${seen}`)));
    });
  });

  afterAll(() => {
    chromium?.kill('SIGKILL');
  });

  it('prints through a browser that is already running, named by the flag or by BRIEFING_BROWSER_WS, and leaves it running', async () => {
    expect(endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    // The running browser's own name for itself, as the report's browser field shows it.
    const running = (await (await fetch(`http://${new URL(endpoint).host}/json/version`)).json()) as { Browser: string };
    // No browser to launch: a build that ignored the endpoint would exit 3 (no usable browser).
    const noLocalBrowser = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' };
    const folder = writeTree({ 'remote.md': memo({ id: 'REMOTE-1' }) });
    const viaFlag = await runCli(['build', folder, '--out', path.join(folder, 'a'), '--browser-ws-endpoint', endpoint, '--json'], { env: noLocalBrowser });
    expect(viaFlag.code, viaFlag.stderr).toBe(0);
    const report = JSON.parse(viaFlag.stdout) as Report;
    expect(report.browser).toBe(running.Browser);
    expect(report.briefings[0]!.status).toBe('built');
    const viaEnv = await runCli(['build', folder, '--out', path.join(folder, 'b'), '--json'], { env: { ...noLocalBrowser, BRIEFING_BROWSER_WS: endpoint } });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    const envReport = JSON.parse(viaEnv.stdout) as Report;
    expect(envReport.browser).toBe(running.Browser);
    expect(envReport.briefings[0]!.status).toBe('built');
    expect(chromium!.exitCode).toBeNull();
  });

  it('says so in one line when nothing listens at the endpoint', async () => {
    const folder = writeTree({ 'remote.md': memo({ id: 'REMOTE-2' }) });
    const result = await runCli(['build', folder, '--out', path.join(folder, 'out'), '--browser-ws-endpoint', 'ws://127.0.0.1:9/devtools/browser/none']);
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('could not connect to the browser at ws://127.0.0.1:9/');
  });
});
