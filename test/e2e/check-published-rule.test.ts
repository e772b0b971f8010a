// A published remark-lint rule as a team rule: named in briefing.config.yml with a severity,
// loaded from the project's node_modules, its messages printed as ours (file:line:column,
// severity, rule id) and counted by the exit code.
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli.js';
import { memo, writeTree } from '../support/fixtures.js';

describe('briefing check with a published remark-lint rule', () => {
  it('reports a duplicate heading at its line under the rule id remark-lint gives it, and exits 1', async () => {
    const folder = writeTree({
      'content/memo.md': memo({ body: '## Background\n\nThe ministers met.\n\n## Background\n\nAgain.\n' }),
      'briefing.config.yml': 'lint:\n  rules:\n    remark-lint-no-duplicate-headings: error\n',
    });
    // The team's project, where `npm install --save-dev remark-lint-no-duplicate-headings` ran.
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
    const result = await runCli(['check', '--no-cache'], { cwd: folder });
    expect(result.stderr).toContain('content/memo.md:16:1  error  Unexpected heading with equivalent text, expected unique headings  no-duplicate-headings');
    expect(result.stderr).toMatch(/1 error, 0 warnings in 1 briefing/);
    expect(result.code).toBe(1);
  });

  it('checks and builds again when the installed rule package changes (a new version), not from the caches', async () => {
    // A rule package as unified-lint-rule would make it, written by hand: its name is source:rule-id.
    const rulePackage = (says: string) =>
      `export default Object.defineProperty((config) => (tree, file) => { const message = file.message(${JSON.stringify(says)}, { place: { line: 12, column: 1 } }); message.ruleId = 'fake-rule'; message.fatal = config[0] === 'error'; }, 'name', { value: 'remark-lint:fake-rule' });\n`;
    const folder = writeTree({
      'content/memo.md': memo(),
      'briefing.config.yml': 'lint:\n  rules:\n    remark-lint-fake-rule: warning\n',
      'node_modules/remark-lint-fake-rule/package.json': '{ "name": "remark-lint-fake-rule", "version": "1.0.0", "type": "module", "exports": "./index.js" }\n',
      'node_modules/remark-lint-fake-rule/index.js': rulePackage('version one says this'),
    });
    const env = { ...process.env, BRIEFING_CACHE_DIR: path.join(folder, 'cache') };
    expect((await runCli(['check'], { cwd: folder, env })).stderr).toContain('content/memo.md:12:1  warning  version one says this  fake-rule');
    const built = await runCli(['build', '--out', 'out'], { cwd: folder, env });
    expect(built.stdout).toMatch(/^built 1, failed 0/m);
    writeFileSync(path.join(folder, 'node_modules/remark-lint-fake-rule/index.js'), rulePackage('version two says something else'));
    expect((await runCli(['check'], { cwd: folder, env })).stderr).toContain('content/memo.md:12:1  warning  version two says something else  fake-rule');
    // A build does not take the memo from its manifest either: the rule runs, and says so.
    const rebuilt = await runCli(['build', '--out', 'out'], { cwd: folder, env });
    expect(rebuilt.stdout).toMatch(/^built 1, failed 0/m);
    expect(rebuilt.stderr).toContain('version two says something else');
  });

  it('names the package to install when it is not there', async () => {
    const folder = writeTree({ 'content/memo.md': memo(), 'briefing.config.yml': 'lint:\n  rules:\n    remark-lint-no-duplicate-headings: error\n' });
    const result = await runCli(['check', '--no-cache'], { cwd: folder });
    expect(result.stderr).toMatch(/lint\.rules: could not load the package remark-lint-no-duplicate-headings .*npm install --save-dev remark-lint-no-duplicate-headings/);
    expect(result.code).toBe(2);
  });
});
