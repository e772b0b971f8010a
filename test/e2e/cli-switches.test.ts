// The switches every command shares: its own --help, --format text|json for what it reports
// (build writes its files by --output-format), --config PATH and the config found by walking up,
// and `schema --config`. Builds here write .docx only, so no browser starts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { memo, writeTree } from '../support/fixtures.js';

describe('briefing COMMAND --help', () => {
  it("build --help prints build's usage and options only", async () => {
    const result = await runCli(['build', '--help'], { cwd: writeTree({}) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: briefing build \[PATH\.\.\.\] \[options\]/);
    for (const flag of ['--output-format', '--format text|json', '--json', '--config PATH', '--browser-ws-endpoint URL', '--changed-since REF']) expect(result.stdout).toContain(flag);
    expect(result.stdout).not.toContain('briefing book');
    expect(result.stdout).not.toContain('--include-drafts');
  });

  it.each([
    ['check', '--no-cache'],
    ['book', '--browser-ws-endpoint URL'],
    ['dev', '--browser-ws-endpoint URL'],
    ['schema', '--config '],
  ])('%s --help names %s', async (command, flag) => {
    const result = await runCli([command, '-h'], { cwd: writeTree({}) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: briefing ${command}\\b`));
    expect(result.stdout).toContain(flag);
  });
});

describe('--format text|json is how a command reports', () => {
  it('build --format json prints the run report on stdout; --json is the same', async () => {
    const cwd = writeTree({ 'content/memo.md': memo() });
    const json = await runCli(['build', '--output-format', 'docx', '--format', 'json', '--force'], { cwd });
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { summary: Record<string, number>; briefings: { output: string; status: string }[] };
    expect(report.summary).toMatchObject({ built: 1, failed: 0 });
    expect(report.briefings).toMatchObject([{ output: 'output/memo.docx', status: 'built' }]);
    const alias = await runCli(['build', '--output-format', 'docx', '--json', '--force'], { cwd });
    expect((JSON.parse(alias.stdout) as typeof report).briefings.map((briefing) => briefing.output)).toEqual(['output/memo.docx']);
    const text = await runCli(['build', '--output-format', 'docx', '--format', 'text'], { cwd });
    expect(text.stdout).toMatch(/^built 0, cached 1, failed 0, in /m);
  });

  it('build --format docx still writes the .docx, and says to use --output-format', async () => {
    const cwd = writeTree({ 'content/memo.md': memo() });
    const result = await runCli(['build', '--format', 'docx', '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('briefing: --format docx names what build writes, which is now --output-format docx');
    expect(readFileSync(path.join(cwd, 'output/memo.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses --format with --output-format when both name files, and --json with --format text', async () => {
    const cwd = writeTree({ 'content/memo.md': memo() });
    const both = await runCli(['build', '--format', 'docx', '--output-format', 'pdf'], { cwd });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('name the files to write with --output-format alone');
    const disagree = await runCli(['check', '--json', '--format', 'text'], { cwd });
    expect(disagree.code).toBe(2);
    expect(disagree.stderr).toContain('--json and --format text disagree');
  });

  it('check --json is check --format json', async () => {
    const cwd = writeTree({ 'content/memo.md': memo({ body: '## Background\n\n![Map](https://example.org/map.png)\n' }) });
    const json = await runCli(['check', '--format', 'json', '--no-cache'], { cwd });
    const alias = await runCli(['check', '--json', '--no-cache'], { cwd });
    expect(json.code).toBe(1);
    expect(alias.code).toBe(1);
    expect(JSON.parse(alias.stdout)).toEqual(JSON.parse(json.stdout));
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('image-path');
  });
});

describe('the config a command reads', () => {
  it('is found by walking up from a subfolder, and all its problems are named at once', async () => {
    const root = writeTree({ 'briefing.config.yml': 'office: X\nnew:\n  regoin: EAP\nprint_timeout_seconds: -1\n', 'content/memo.md': memo() });
    const result = await runCli(['check', 'memo.md'], { cwd: path.join(root, 'content') });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'briefing: ../briefing.config.yml:3:3  new.regoin is not a setting; did you mean region?\n' +
        'briefing: ../briefing.config.yml:4:24  print_timeout_seconds: Too small: expected number to be >0; run `briefing --help` for usage\n',
    );
  });

  it('is the file --config names, wherever it is; its paths are relative to its folder', async () => {
    const team = writeTree({ 'team/briefing.yml': 'letterhead: { seal: seal.png }\n' });
    const cwd = writeTree({ 'briefing.config.yml': 'office: Not this one\n', 'content/memo.md': memo() });
    const configPath = path.join(team, 'team/briefing.yml');
    const result = await runCli(['build', '--config', configPath, '--output-format', 'docx'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`briefing: ${configPath}:1:21  letterhead.seal: seal.png does not exist (looked for ${path.join(team, 'team/seal.png')})`);
  });
});

describe('briefing schema --config', () => {
  it("prints the config's JSON Schema: valid, naming every key", async () => {
    const result = await runCli(['schema', '--config'], { cwd: writeTree({}) });
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, { description?: string }> };
    new Ajv2020({ strict: false }).compile(schema);
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['book', 'letterhead', 'lint', 'markings', 'new', 'number_first_page', 'office', 'pool_size', 'print_timeout_seconds', 'style', 'templates'].sort(),
    );
    // Without --config: the frontmatter's, one branch per memo type.
    const frontmatter = JSON.parse((await runCli(['schema'], { cwd: writeTree({}) })).stdout) as { oneOf: { properties: Record<string, unknown> }[] };
    expect(frontmatter.oneOf[0]!.properties).toHaveProperty('bluf');
  });
});
