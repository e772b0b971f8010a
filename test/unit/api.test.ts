// The API without a browser: check returns the problems the command prints (placed, with their
// rule), a mistake in the options is a UsageError, an aborted check stops, schema gives both
// schemas, and a bad config throws every problem at once.
import { describe, expect, it } from 'vitest';
import { build, check, ConfigError, schema, UsageError } from '../../pipeline/index.js';
import { memo, writeTree } from '../support/fixtures.js';

describe('the API', () => {
  it('check returns each briefing with its placed problems, and the missing paths', async () => {
    const cwd = writeTree({ 'content/memo.md': memo({ body: '## Background\n\n![Map](https://example.org/map.png)\n' }) });
    const result = await check({ cwd, paths: ['content', 'nowhere'], cache: false });
    expect(result.missing).toEqual(['nowhere']);
    expect(result.files.map((file) => file.path)).toEqual(['content/memo.md']);
    expect(result.errors).toBeGreaterThan(0);
    const image = result.files[0]!.messages.find((message) => message.ruleId === 'image-path');
    expect(image).toMatchObject({ line: 14, column: 1, fatal: true });
  });

  it('an aborted check stops before it reads anything', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the caller'));
    await expect(check({ cwd: writeTree({ 'content/memo.md': memo() }), signal: controller.signal })).rejects.toThrow('stopped by the caller');
  });

  it('a shard that is no share is a UsageError; a bad config a ConfigError with every problem', async () => {
    await expect(build({ cwd: writeTree({}), shard: '3/2' })).rejects.toBeInstanceOf(UsageError);
    const cwd = writeTree({ 'team.yml': 'pool_size: 0\nstyle: navy\n' });
    const error = await check({ cwd, configPath: 'team.yml' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((problem) => problem.split('  ')[0])).toEqual(['team.yml:1:12', 'team.yml:2:8']);
  });

  it("schema gives the frontmatter's and the config's JSON Schema", async () => {
    expect(JSON.stringify(await schema())).toContain('"bluf"');
    expect(Object.keys((await schema('config')).properties as object)).toContain('new');
  });
});
