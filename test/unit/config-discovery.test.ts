// Which briefing.config.yml a run reads: the one --config names, or the nearest one walking up
// from the working folder, stopping at the repository's root. Paths in it are relative to its
// own folder, and every problem it has is named at once, each at its line and column.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipeline/source/config.js';
import { ConfigError } from '../../pipeline/source/config-error.js';
import { findConfigFile } from '../../pipeline/source/find-config.js';
import { writeTree } from '../support/fixtures.js';

function problemsOf(cwd: string, configPath?: string): string[] {
  try {
    loadConfig(cwd, { configPath });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the config was accepted');
}

describe('finding the config', () => {
  it('walks up from a subfolder to the nearest briefing.config.yml', () => {
    const root = writeTree({ 'briefing.config.yml': 'office: Office of the Walk\n', 'content/2024-w31/memo.md': '' });
    const config = loadConfig(path.join(root, 'content', '2024-w31'));
    expect(config.office).toBe('Office of the Walk');
    expect(config.file).toBe(path.join(root, 'briefing.config.yml'));
  });

  it("stops at the repository's root: a config above it is not the project's", () => {
    const outer = writeTree({ 'briefing.config.yml': 'office: Someone Else\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n' });
    mkdirSync(path.join(outer, 'repo', 'content'));
    expect(findConfigFile(path.join(outer, 'repo', 'content'))).toBeUndefined();
    expect(loadConfig(path.join(outer, 'repo', 'content')).office).toBe('Office of the Policy Planning Staff');
  });

  it('reads the file --config names instead, and resolves its paths from its own folder', () => {
    const team = writeTree({
      'shared/team.yml': 'office: Office of the Team\nlint:\n  plugins: [rules/house.js]\n',
      'shared/other.yml': 'templates: ../my-templates\nstyle: navy\n',
      'my-templates/houses/plain/house.yml': 'name: plain\n',
    });
    const cwd = writeTree({ 'briefing.config.yml': 'office: Not This One\n' });
    const config = loadConfig(cwd, { configPath: path.join(team, 'shared/team.yml') });
    expect(config.office).toBe('Office of the Team');
    expect(config.file).toBe(path.join(team, 'shared/team.yml'));
    expect(config.lint?.plugins).toEqual([path.join(team, 'shared/rules/house.js')]);
    // A relative --config is relative to the working folder; the templates folder to the config's.
    const relative = path.relative(cwd, path.join(team, 'shared/other.yml'));
    expect(problemsOf(cwd, relative)).toEqual([`${relative}:2:8  style: there is no house style "navy" in ${path.join(team, 'my-templates')}/houses; the styles are plain`]);
  });

  it('says so when the file --config names cannot be read', () => {
    const cwd = writeTree({});
    expect(problemsOf(cwd, 'nowhere.yml')).toEqual(['nowhere.yml: cannot read the config (ENOENT); check the path given to --config']);
  });
});

describe('config problems', () => {
  it('are all reported at once, each at its line and column', () => {
    const cwd = writeTree({ 'briefing.config.yml': 'office: ""\npool_size: 99\nnew:\n  regoin: EAP\nstyle: navy\n' });
    expect(problemsOf(cwd)).toEqual([
      'briefing.config.yml:1:9  office: Too small: expected string to have >=1 characters',
      'briefing.config.yml:2:12  pool_size: Too big: expected number to be <=16',
      'briefing.config.yml:4:3  new.regoin is not a setting; did you mean region?',
      expect.stringMatching(/^briefing\.config\.yml:5:8  style: there is no house style "navy" in .*houses; the styles are dod, state, think-tank$/),
    ]);
  });

  it('name a config found above the working folder by its path from there', () => {
    const root = writeTree({ 'briefing.config.yml': 'pool_size: 0\n', 'content/memo.md': '' });
    expect(problemsOf(path.join(root, 'content'))).toEqual(['../briefing.config.yml:1:12  pool_size: Too small: expected number to be >=1']);
  });

  it('name every YAML syntax error at its place', () => {
    const cwd = writeTree({ 'briefing.config.yml': 'office: "unclosed\n' });
    const problems = problemsOf(cwd);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^briefing\.config\.yml:\d+:\d+  not valid YAML \(/);
  });
});
