// `briefing check` on a broken copy of a sample and on the samples themselves: positioned
// messages with rule ids, a closing count, exit codes, JSON for tools, rules set in the config.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';

const sample = 'content/2024-w31/us-japan-2plus2-extended-deterrence.md';

/** A copy of a sample with a skipped heading level, an image without alt text and an http link. */
function brokenCopy(): { folder: string; file: string; lines: { heading: number; image: number; link: number } } {
  const folder = tempFolder('briefing-check-');
  cpSync(path.join(projectRoot, 'content'), path.join(folder, 'content'), { recursive: true });
  const file = path.join(folder, sample);
  const lines = readFileSync(file, 'utf8').split('\n');
  const background = lines.findIndex((line) => line.startsWith('## '));
  lines.splice(background + 1, 0, '', '#### A level too deep', '', '![](map.png)', '', 'See [the old page](http://example.org/old).');
  writeFileSync(path.join(folder, 'content/2024-w31/map.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  writeFileSync(file, lines.join('\n'));
  return { folder, file, lines: { heading: background + 3, image: background + 5, link: background + 7 } };
}

describe('briefing check', () => {
  it('passes the samples with a closing count and exit 0', async () => {
    // Judged without a last build's page counts (an empty output folder).
    const result = await runCli(['check', '--out', tempFolder('briefing-check-out-')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/0 errors, 0 warnings in 6 briefings/);
  });

  it('reports lint problems of a broken sample at file:line:column with their rule ids, and exits 1', async () => {
    const broken = brokenCopy();
    const result = await runCli(['check'], { cwd: broken.folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${sample}:${broken.lines.heading}:1  error  heading level 4 follows level 2; use ### (level 3) here  heading-increment`);
    expect(result.stderr).toMatch(new RegExp(`${sample}:${broken.lines.image}:1  error  image "map.png" has no alt text.*image-alt`));
    expect(result.stderr).toMatch(new RegExp(`${sample}:${broken.lines.link}:5  warning  link "http://example.org/old" uses http.*https-links`));
    expect(result.stderr).toMatch(/2 errors, 1 warning in 6 briefings/);
  });

  it('prints JSON for tools', async () => {
    const broken = brokenCopy();
    const result = await runCli(['check', '--format', 'json'], { cwd: broken.folder });
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout) as { path: string; messages: { line: number; severity: string; rule: string }[] }[];
    const messages = files.find((file) => file.path === sample)!.messages;
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: broken.lines.heading, severity: 'error', rule: 'heading-increment' }),
        expect.objectContaining({ line: broken.lines.link, severity: 'warning', rule: 'https-links' }),
      ]),
    );
  });

  it('follows the config: a rule off, a warning made an error, a warning failing only with --strict', async () => {
    const broken = brokenCopy();
    writeFileSync(path.join(broken.folder, 'briefing.config.yml'), 'lint:\n  rules:\n    heading-increment: off\n    image-alt: warning\n');
    const relaxed = await runCli(['check'], { cwd: broken.folder });
    expect(relaxed.stderr).not.toContain('heading-increment');
    expect(relaxed.stderr).toMatch(/0 errors, 2 warnings/);
    expect(relaxed.code).toBe(0);
    expect((await runCli(['check', '--strict'], { cwd: broken.folder })).code).toBe(1);

    writeFileSync(path.join(broken.folder, 'briefing.config.yml'), 'lint:\n  rules:\n    https-links: error\n');
    const stricter = await runCli(['check'], { cwd: broken.folder });
    expect(stricter.stderr).toMatch(/error {2}link "http:\/\/example.org\/old" uses http.*https-links/);
  });

  it('runs a team rule module listed in the config', async () => {
    const folder = writeTree({
      'content/memo.md': memo({ body: '## Background\n\nA very good meeting.\n' }),
      'rules/no-very.mjs': readFileSync(path.join(projectRoot, 'test/fixtures/lint/team-rule.mjs'), 'utf8'),
      'briefing.config.yml': 'lint:\n  plugins: [./rules/no-very.mjs]\n  rules:\n    no-very: error\n',
    });
    const result = await runCli(['check'], { cwd: folder });
    expect(result.stderr).toContain('content/memo.md:14:1  error  "very" adds nothing; cut it or say how much  no-very');
    expect(result.code).toBe(1);
  });

  it('is a usage error to name a rule that does not exist', async () => {
    const folder = writeTree({ 'content/memo.md': memo(), 'briefing.config.yml': 'lint:\n  rules:\n    blf-length: off\n' });
    const result = await runCli(['check'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no rule "blf-length"; the rules are .*bluf-length/);
  });

  it('keeps what it checked in node_modules/.cache/briefing, or $BRIEFING_CACHE_DIR; --no-cache keeps nothing', async () => {
    const broken = brokenCopy();
    const first = await runCli(['check'], { cwd: broken.folder });
    expect(existsSync(path.join(broken.folder, 'node_modules/.cache/briefing/check-cache.json'))).toBe(true);
    const second = await runCli(['check'], { cwd: broken.folder });
    expect(second.stderr).toBe(first.stderr);
    expect(second.code).toBe(1);

    const elsewhere = tempFolder('briefing-cache-');
    const uncached = writeTree({ 'content/memo.md': memo() });
    expect((await runCli(['check', '--no-cache'], { cwd: uncached, env: { BRIEFING_CACHE_DIR: elsewhere } })).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(path.join(uncached, 'node_modules'))).toBe(false);
    expect((await runCli(['check'], { cwd: uncached, env: { BRIEFING_CACHE_DIR: elsewhere } })).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual(['check-cache.json']);
  });
});
