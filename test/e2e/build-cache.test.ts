// Incremental builds: a briefing is printed again exactly when something that produced its PDF
// changed — its source, a template or stylesheet it uses, an image, the config, the tool or the
// fonts — and a deleted source takes its PDF with it.
import { cpSync, existsSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from '../../pipeline/run/build-run.js';
import { loadConfig } from '../../pipeline/source/config.js';
import { projectRoot, runCli } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';

const actionMemo = `---
type: action-memo
id: CACHE-B
title: "Approve the extended deterrence dialogue schedule"
date: 2024-07-31
to: [Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking: { level: UNCLASSIFIED }
bluf: "Approve a standing schedule."
recommendations:
  - { text: "That you approve the schedule." }
---

## Background

The ministers met in Tokyo.
`;

// A 1×1 PNG, and another with a different colour.
const png = (red: number) =>
  Buffer.from(
    `89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63${red.toString(16).padStart(2, '0')}60600000000400016d7b0d3a0000000049454e44ae426082`,
    'hex',
  );

interface Report {
  browser?: string;
  briefings: { source: string; status: string }[];
}

describe('incremental builds', () => {
  const cwd = tempFolder('briefing-cache-');
  const out = path.join(cwd, 'out');

  const build = async (...extra: string[]) => {
    const result = await runCli(['build', 'content', '--out', out, '--json', ...extra], { cwd });
    expect(result.stderr.replace(/.*warning.*\n?/g, '')).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Report;
  };
  const statuses = (report: Report) => Object.fromEntries(report.briefings.map((briefing) => [path.basename(briefing.source), briefing.status]));

  beforeAll(() => {
    cpSync(path.join(projectRoot, 'templates'), path.join(cwd, 'templates'), { recursive: true });
    writeFileSync(path.join(cwd, 'briefing.config.yml'), 'templates: ./templates\n');
    writeTree(
      {
        'content/a.md': memo({ id: 'CACHE-A', body: '## Background\n\nThe ministers met.\n\n![Map of the region](map.png)\n' }),
        'content/map.png': png(0),
        'content/b.md': actionMemo,
        'content/sub/c.md': memo({ id: 'CACHE-C' }),
      },
      cwd,
    );
  });

  it('prints everything once, then nothing, without starting a browser', async () => {
    expect(statuses(await build())).toEqual({ 'a.md': 'built', 'b.md': 'built', 'c.md': 'built' });
    const again = await build();
    expect(statuses(again)).toEqual({ 'a.md': 'cached', 'b.md': 'cached', 'c.md': 'cached' });
    expect(again.browser).toBeUndefined();
  });

  it('reprints only the briefing whose source changed', async () => {
    appendFileSync(path.join(cwd, 'content/sub/c.md'), '\nOne more paragraph.\n');
    expect(statuses(await build())).toEqual({ 'a.md': 'cached', 'b.md': 'cached', 'c.md': 'built' });
  });

  it('reprints a briefing whose image changed', async () => {
    writeFileSync(path.join(cwd, 'content/map.png'), png(255));
    expect(statuses(await build())).toEqual({ 'a.md': 'built', 'b.md': 'cached', 'c.md': 'cached' });
  });

  it('reprints exactly the briefings whose template uses a changed partial', async () => {
    appendFileSync(path.join(cwd, 'templates/partials/recommendations.hbs'), '\n');
    expect(statuses(await build())).toEqual({ 'a.md': 'cached', 'b.md': 'built', 'c.md': 'cached' });
    appendFileSync(path.join(cwd, 'templates/info-memo.hbs'), '\n');
    expect(statuses(await build())).toEqual({ 'a.md': 'built', 'b.md': 'cached', 'c.md': 'built' });
  });

  it('reprints everything when the stylesheet or the config changes', async () => {
    appendFileSync(path.join(cwd, 'templates/styles/memo.css'), '\n/* changed */\n');
    expect(Object.values(statuses(await build()))).toEqual(['built', 'built', 'built']);
    appendFileSync(path.join(cwd, 'briefing.config.yml'), 'office: "Office of Japanese Affairs"\n');
    expect(Object.values(statuses(await build()))).toEqual(['built', 'built', 'built']);
    expect(Object.values(statuses(await build()))).toEqual(['cached', 'cached', 'cached']);
  });

  it('reprints everything for another tool version or other fonts', async () => {
    const config = loadConfig(cwd);
    const run = (versions: Parameters<typeof runBuild>[0]['versions']) => runBuild({ paths: ['content'], outDir: out, config, cwd, versions });
    const byStatus = (result: BuildResult) => result.outcomes.map((outcome) => outcome.status);
    expect(byStatus(await run({ tool: '99.0.0' }))).toEqual(['built', 'built', 'built']);
    expect(byStatus(await run({ tool: '99.0.0' }))).toEqual(['cached', 'cached', 'cached']);
    expect(byStatus(await run({ tool: '99.0.0', fonts: { '@fontsource/tinos': '9.9.9' } }))).toEqual(['built', 'built', 'built']);
  });

  it('removes the PDF of a deleted source and says so; --force prints everything', async () => {
    await build(); // back to this tool's own version
    rmSync(path.join(cwd, 'content/sub/c.md'));
    const result = await runCli(['build', 'content', '--out', out], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`removed ${path.join('out', 'sub', 'c.pdf')} (its source is gone)`);
    expect(result.stdout).toMatch(/built 0, cached 2, removed 1, failed 0/);
    expect(existsSync(path.join(out, 'sub/c.pdf'))).toBe(false);
    expect(statuses(await build('--force'))).toEqual({ 'a.md': 'built', 'b.md': 'built' });
  });

  it('rebuilds a PDF that was deleted from the output folder', async () => {
    rmSync(path.join(out, 'a.pdf'));
    expect(statuses(await build())).toEqual({ 'a.md': 'built', 'b.md': 'cached' });
  });
});
