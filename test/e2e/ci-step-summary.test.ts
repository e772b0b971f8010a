// In GitHub Actions, `build` and `check` append a Markdown summary of the run to the file named
// by $GITHUB_STEP_SUMMARY, which the job's page shows: counts, and a row for each briefing that
// failed or warned with its problems at file:line:column.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { memo, writeTree } from '../support/fixtures.js';

describe('the job summary ($GITHUB_STEP_SUMMARY)', () => {
  const folder = writeTree({
    'content/good.md': memo({ id: 'SUM-1' }),
    'content/warned.md': memo({ id: 'SUM-2', extra: 'colour: blue\n' }),
    'content/bad.md': memo({ id: 'SUM-3', date: '2024-13-01' }),
  });
  const summaryFile = path.join(folder, 'step-summary.md');
  let check: CliResult;
  let build: CliResult;
  let summary = '';
  beforeAll(async () => {
    // GitHub's runner hands each step an existing file: what a step writes is appended to it.
    writeFileSync(summaryFile, '## An earlier step\n');
    const env = { GITHUB_STEP_SUMMARY: summaryFile };
    check = await runCli(['check', 'content'], { cwd: folder, env });
    build = await runCli(['build', 'content', '--out', 'out', '--quiet'], { cwd: folder, env });
    summary = readFileSync(summaryFile, 'utf8');
  });

  it('is appended after what earlier steps wrote, check first, then build', () => {
    expect(check.code).toBe(1);
    expect(build.code).toBe(1);
    expect(summary.startsWith('## An earlier step\n')).toBe(true);
    expect(summary.indexOf('### briefing check')).toBeGreaterThan(0);
    expect(summary.indexOf('### briefing build')).toBeGreaterThan(summary.indexOf('### briefing check'));
  });

  it("gives check's counts and a row per briefing with problems, each problem at file:line:column", () => {
    const part = summary.slice(summary.indexOf('### briefing check'), summary.indexOf('### briefing build'));
    expect(part).toContain('3 briefings checked: 1 error, 1 warning');
    const rows = part.split('\n').filter((line) => line.startsWith('| content/'));
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.startsWith('| content/bad.md | failed |'))).toMatch(/`content\/bad\.md:5:7` error date "2024-13-01" is not a valid date; write YYYY-MM-DD `frontmatter`/);
    expect(rows.find((row) => row.startsWith('| content/warned.md | warned |'))).toMatch(/`content\/warned\.md:10:1` warning .*colour.* `frontmatter-unknown-key`/);
    expect(part).not.toContain('good.md');
  });

  it("gives build's counts and the failed and warned briefings, not the built one", () => {
    const part = summary.slice(summary.indexOf('### briefing build'));
    expect(part).toMatch(/built 2, cached 0, failed 1, removed 0, in \d+\.\d s/);
    expect(part).toContain('| Briefing | Status | Problems |');
    expect(part).toMatch(/\| content\/bad\.md \| failed \| `content\/bad\.md:5:7` error date "2024-13-01"/);
    expect(part).toMatch(/\| content\/warned\.md \| warned \| `content\/warned\.md:10:1` warning /);
    expect(part).not.toContain('good.md');
  });

  it('that cannot be written is one sentence, and the run keeps its own exit code', async () => {
    const good = writeTree({ 'content/good.md': memo({ id: 'SUM-4' }) });
    const result = await runCli(['check', 'content'], { cwd: good, env: { GITHUB_STEP_SUMMARY: good } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`briefing: could not write the job summary to ${good} (`);
  });
});
