// The command line as a user meets it first: --help, --version, and a mistake in the command
// or a flag answered with exit 2 and one line that says what was wrong. No browser starts here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli.js';
import { tempFolder } from '../support/fixtures.js';

const version = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('briefing --help and --version', () => {
  it.each([['--help'], ['-h'], ['help']])('%s prints the usage and exits 0', async (flag) => {
    const result = await runCli([flag]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`briefing ${version}`);
    expect(result.stdout).toMatch(/^\s+briefing build \[PATH\.\.\.\] \[--out DIR\] \[--output-format pdf\|docx\|pdf,docx\]/m);
    expect(result.stdout).toContain('Exit codes: 0 all built, 1 a briefing failed');
  });

  it("build --help prints build's usage, and builds nothing", async () => {
    const cwd = tempFolder();
    const result = await runCli(['build', '--help'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: briefing build');
    expect(result.stdout).not.toMatch(/^built /m);
  });

  it.each([['--version'], ['-v']])('%s prints the version from package.json and exits 0', async (flag) => {
    const result = await runCli([flag]);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('usage errors exit 2 with one line', () => {
  it.each([
    [['frobnicate'], 'briefing: unknown command "frobnicate"; run `briefing --help` for usage\n'],
    [['--frobnicate'], 'briefing: unknown option --frobnicate; run `briefing --help` for usage\n'],
    [['build', '--frobnicate'], 'briefing: unknown option --frobnicate; run `briefing --help` for usage\n'],
    [['build', '--out'], "briefing: Option '-o, --out <value>' argument missing; run `briefing --help` for usage\n"],
  ])('briefing %j', async (args, message) => {
    const cwd = tempFolder();
    const result = await runCli(args, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe('');
  });

  it('briefing with no command prints the usage and exits 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage:');
  });
});

describe('a path that does not exist', () => {
  it('exits 1 and names the path', async () => {
    const cwd = tempFolder();
    const missing = path.join(cwd, 'no-such-folder');
    const result = await runCli(['build', missing, '--out', path.join(cwd, 'out')], { cwd: projectRoot });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`briefing: ${missing}: no such Markdown file or folder\n`);
    expect(result.stdout).toMatch(/^built 0, failed 0, in \d+\.\d s$/m);
  });
});
