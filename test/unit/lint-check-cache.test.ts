// The check cache: a second check of unchanged briefings reads what the first one said, with
// the same messages at the same places, and anything a briefing's check depends on (its bytes,
// its glossary, an image it names, the config, a team rule's code, the day) makes it check again.
import { readFile } from 'node:fs/promises';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckCache } from '../../pipeline/lint/check-cache.js';
import { checkSourceFiles } from '../../pipeline/lint/check-run.js';
import { loadConfig } from '../../pipeline/source/config.js';
import { formatDiagnostics } from '../../pipeline/source/diagnostics.js';
import { discoverBriefings } from '../../pipeline/source/discover.js';
import { memo, writeTree } from '../support/fixtures.js';

async function checkFolder(folder: string, options: { cache?: boolean } = {}) {
  const config = loadConfig(folder);
  const discovery = await discoverBriefings(['content'], folder);
  const sources = await Promise.all(discovery.briefings.map(async (found) => ({ ...found, bytes: await readFile(found.path) })));
  const cache = options.cache === false ? undefined : await CheckCache.open(path.join(folder, 'cache'), config, folder, 'check');
  const checked = await checkSourceFiles(sources, folder, config, cache);
  return { cached: checked.map((entry) => entry.cached), report: formatDiagnostics(checked.map((entry) => entry.file)) };
}

/** `check` of some files only (as `briefing check content/w31/new.md` runs it), with the cache. */
async function checkFiles(folder: string, files: string[]) {
  const config = loadConfig(folder);
  const discovery = await discoverBriefings(files, folder);
  const sources = await Promise.all(discovery.briefings.map(async (found) => ({ ...found, bytes: await readFile(found.path) })));
  const cache = await CheckCache.open(path.join(folder, 'cache'), config, folder, 'check');
  return formatDiagnostics((await checkSourceFiles(sources, folder, config, cache)).map((entry) => entry.file));
}

function project(): string {
  return writeTree({
    'content/glossary.yml': 'ROK: Republic of Korea\n',
    'content/good.md': memo({ id: 'GOOD-1', body: '## Background\n\nThe ROK joined the talks.\n\n![Map of the region](map.png)\n' }),
    'content/map.png': Buffer.from('89504e470d0a1a0a', 'hex'),
    // A warning (http link), an error (skipped heading), and an id that the next memo shares.
    'content/flawed.md': memo({ id: 'SHARED', body: '## Background\n\n#### Too deep\n\nSee [the page](http://example.org).\n' }),
    'content/twin.md': memo({ id: 'SHARED' }),
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('check cache', () => {
  it('says the same the second time, from the cache, duplicate ids included', async () => {
    const folder = project();
    const first = await checkFolder(folder);
    expect(first.cached).toEqual([false, false, false]);
    expect(first.report).toMatch(/heading-increment/);
    expect(first.report).toMatch(/https-links/);
    expect(first.report.match(/duplicate-id/g)).toHaveLength(2);
    const second = await checkFolder(folder);
    expect(second.cached).toEqual([true, true, true]);
    expect(second.report).toBe(first.report);
    expect(second.report).toBe((await checkFolder(folder, { cache: false })).report);
  });

  it('checks a briefing again when its source, glossary or image changes', async () => {
    const folder = project();
    await checkFolder(folder);
    writeFileSync(path.join(folder, 'content/twin.md'), memo({ id: 'TWIN' }));
    const edited = await checkFolder(folder);
    // flawed.md's own check is cached; the duplicate id is gone because twin.md changed.
    expect(edited.cached).toEqual([true, true, false]);
    expect(edited.report).not.toMatch(/duplicate-id/);

    writeFileSync(path.join(folder, 'content/glossary.yml'), 'ROK: Republic of Korea\nDPRK: North Korea\n');
    expect((await checkFolder(folder)).cached).toEqual([false, false, false]);

    const image = path.join(folder, 'content/map.png');
    writeFileSync(image, Buffer.from('89504e470d0a1a0a0000', 'hex'));
    expect((await checkFolder(folder)).cached).toEqual([true, false, true]);
  });

  it('notices an image that appears after the check that missed it', async () => {
    const folder = writeTree({ 'content/a.md': memo({ body: '## Background\n\n![A chart](chart.png)\n' }) });
    expect((await checkFolder(folder)).report).toMatch(/image "chart.png" does not exist.*image-missing/);
    writeFileSync(path.join(folder, 'content/chart.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    const after = await checkFolder(folder);
    expect(after.cached).toEqual([false]);
    expect(after.report).toBe('');
  });

  it('checks everything again when the config or a team rule changes', async () => {
    const folder = project();
    const rule = path.join(folder, 'rules/no-tbd.mjs');
    writeTree({ 'rules/no-tbd.mjs': "export default { id: 'no-tbd', severity: 'warning', check() {} };\n" }, folder);
    writeFileSync(path.join(folder, 'briefing.config.yml'), 'lint:\n  plugins: [rules/no-tbd.mjs]\n');
    await checkFolder(folder);
    expect((await checkFolder(folder)).cached).toEqual([true, true, true]);
    writeFileSync(rule, "export default { id: 'no-tbd', severity: 'warning', check(tree, context) { context.report('always'); } };\n");
    expect((await checkFolder(folder)).cached).toEqual([false, false, false]);
    writeFileSync(path.join(folder, 'briefing.config.yml'), 'lint:\n  plugins: [rules/no-tbd.mjs]\n  rules:\n    https-links: off\n');
    const relaxed = await checkFolder(folder);
    expect(relaxed.cached).toEqual([false, false, false]);
    expect(relaxed.report).not.toMatch(/https-links/);
  });

  it('checks again on another day: how far ahead a memo is dated depends on today', async () => {
    const folder = writeTree({ 'content/a.md': memo({ date: '2030-01-20' }) });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    expect((await checkFolder(folder)).report).toMatch(/future-date/);
    expect((await checkFolder(folder)).cached).toEqual([true]);
    vi.setSystemTime(new Date('2030-01-10T12:00:00Z'));
    const later = await checkFolder(folder);
    expect(later.cached).toEqual([false]);
    expect(later.report).not.toMatch(/future-date/);
  });

  it('checks one file against the ids of the whole content folder, the others\' ids coming from the cache', async () => {
    // Last week's memo copied to start this week's, id and all.
    const folder = writeTree({
      'content/w30/old.md': memo({ id: 'COPIED' }),
      'content/w31/new.md': memo({ id: 'COPIED' }),
      'content/w31/other.md': memo({ id: 'OTHER' }),
    });
    const expected = 'content/w31/new.md:3:5  error  id "COPIED" is also used by content/w30/old.md; give each briefing its own id  duplicate-id\n';
    expect(await checkFiles(folder, ['content/w31/new.md'])).toBe(expected);
    const cacheFile = path.join(folder, 'cache/check-cache.json');
    const stored = JSON.parse(await readFile(cacheFile, 'utf8')) as { ids: Record<string, { signature: string; id?: string }> };
    expect(Object.entries(stored.ids).map(([file, entry]) => [path.relative(folder, file), entry.id]).sort()).toEqual([
      ['content/w30/old.md', 'COPIED'],
      ['content/w31/other.md', 'OTHER'],
    ]);
    // An unchanged file's id is taken from the cache, not read again: a (forged) entry is believed.
    stored.ids[path.join(folder, 'content/w31/other.md')]!.id = 'COPIED';
    writeFileSync(cacheFile, JSON.stringify(stored));
    expect(await checkFiles(folder, ['content/w31/new.md'])).toContain('id "COPIED" is also used by content/w30/old.md, content/w31/other.md');
    // A file that changed is read again.
    writeFileSync(path.join(folder, 'content/w31/other.md'), memo({ id: 'OTHER-2' }));
    expect(await checkFiles(folder, ['content/w31/new.md'])).toBe(expected);
    // The copy given its own id is clean, and old.md (not checked) never had a message.
    writeFileSync(path.join(folder, 'content/w31/new.md'), memo({ id: 'NEW' }));
    expect(await checkFiles(folder, ['content/w31/new.md'])).toBe('');
  });

  it('still checks when the cache folder cannot be written', async () => {
    const folder = project();
    writeFileSync(path.join(folder, 'cache'), 'a file where the cache folder would be');
    const result = await checkFolder(folder);
    expect(result.report).toMatch(/heading-increment/);
    expect(existsSync(path.join(folder, 'cache', 'check-cache.json'))).toBe(false);
  });
});
