// The memo lint rules, one fixture per behaviour (test/fixtures/lint/): each message names
// its rule, its severity and the line and column it points at.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../pipeline/lint/linter.js';
import { splitSentences } from '../../pipeline/lint/sentences.js';
import { ConfigError, type LintConfig } from '../../pipeline/source/config.js';
import { loadBriefing } from '../../pipeline/source/load.js';
import { projectRoot } from '../support/cli.js';

const fixtures = path.join(projectRoot, 'test/fixtures/lint');

async function lint(name: string, config: Partial<LintConfig> = {}) {
  const file = path.join(fixtures, name);
  const loaded = loadBriefing({ path: file, root: fixtures, relative: name, bytes: readFileSync(file) }, fixtures);
  expect(loaded.file.messages.map((message) => message.reason)).toEqual([]);
  const linter = await createLinter({ rules: {}, plugins: [], ...config });
  linter.lint(loaded.briefing!);
  return loaded.file.messages.map((message) => ({
    rule: message.ruleId,
    severity: message.fatal ? 'error' : 'warning',
    at: `${message.line}:${message.column}`,
    reason: message.reason,
  }));
}

describe('memo lint rules', () => {
  it('accept a well-formed memo, abbreviations in its BLUF included', async () => {
    expect(await lint('clean.md')).toEqual([]);
  });

  it('bluf-required: a memo without a bottom line is an error at its title', async () => {
    const messages = await lint('bluf-missing.md');
    expect(messages).toEqual([expect.objectContaining({ rule: 'bluf-required', severity: 'error', at: '4:1' })]);
    expect(messages[0]!.reason).toMatch(/add `bluf: "…"`.*or a :::bluf callout/);
  });

  it('bluf-length: five sentences in a :::bluf callout are a warning at the callout', async () => {
    expect(await lint('bluf-callout.md')).toEqual([expect.objectContaining({ rule: 'bluf-length', severity: 'warning', at: '11:1', reason: expect.stringContaining('5 sentences') })]);
  });

  it('bluf-length: five sentences in the frontmatter are a warning at the value; the limit is an option', async () => {
    expect(await lint('bluf-long.md')).toEqual([expect.objectContaining({ rule: 'bluf-length', severity: 'warning', at: '9:7' })]);
    expect(await lint('bluf-long.md', { rules: { 'bluf-length': ['warning', { max: 5 }] } })).toEqual([]);
  });

  it('action-recommendation and recommendation-wording: a placeholder is an error, a recommendation not phrased "That you …" a warning', async () => {
    expect(await lint('action-recommendations.md')).toEqual([
      expect.objectContaining({ rule: 'action-recommendation', severity: 'error', at: '12:11', reason: expect.stringContaining('recommendation 2 is a placeholder ("TBD")') }),
      expect.objectContaining({ rule: 'recommendation-wording', severity: 'warning', at: '13:11', reason: expect.stringContaining('recommendation 3') }),
    ]);
  });

  it('heading-increment, image-alt, no-empty-sections and https-links each report at their node', async () => {
    const messages = await lint('structure.md');
    expect(messages.map(({ rule, severity, at }) => `${at} ${severity} ${rule}`).sort()).toEqual(
      [
        '11:43 warning https-links', // sources[0].url
        '16:20 warning https-links', // the body link
        '18:1 error heading-increment', // #### after ##
        '20:1 error image-alt',
        '22:1 warning no-empty-sections', // ## Empty, then ## Discussion
        '28:1 warning no-empty-sections', // ## Trailing at the end of the file
      ].sort(),
    );
  });

  it('future-date: a date years ahead is a warning at the date; the margin is an option', async () => {
    expect(await lint('future.md')).toEqual([expect.objectContaining({ rule: 'future-date', severity: 'warning', at: '5:7' })]);
    expect(await lint('future.md', { rules: { 'future-date': ['warning', { days: 400_000 }] } })).toEqual([]);
  });

  it('turns a rule off or changes its severity from the config', async () => {
    const messages = await lint('structure.md', { rules: { 'https-links': 'error', 'no-empty-sections': 'off', 'image-alt': 'warning' } });
    expect(messages.filter((message) => message.rule === 'no-empty-sections')).toEqual([]);
    expect(messages.filter((message) => message.rule === 'https-links').map((message) => message.severity)).toEqual(['error', 'error']);
    expect(messages.find((message) => message.rule === 'image-alt')?.severity).toBe('warning');
  });

  it('runs a team rule module named in the config', async () => {
    const file = path.join(fixtures, 'team-rule.mjs');
    expect(await lint('clean.md', { plugins: [file] })).toEqual([]);
    expect(await lint('team-rule.md', { plugins: [file] })).toEqual([expect.objectContaining({ rule: 'no-very', severity: 'warning', at: '14:1' })]);
    const linter = await createLinter({ rules: { 'no-very': 'error' }, plugins: [file] });
    expect(linter.rules.find((rule) => rule.id === 'no-very')).toEqual({ id: 'no-very', severity: 'error', description: 'avoid "very"' });
  });

  it('runs a published remark-lint rule named in the config, its messages as ours with its rule id', async () => {
    const config = { rules: { 'remark-lint-no-duplicate-headings': 'error' as const }, from: projectRoot };
    expect(await lint('clean.md', config)).toEqual([]);
    expect(await lint('duplicate-headings.md', config)).toEqual([
      { rule: 'no-duplicate-headings', severity: 'error', at: '26:1', reason: 'Unexpected heading with equivalent text, expected unique headings' },
    ]);
    expect(await lint('duplicate-headings.md', { rules: { 'remark-lint-no-duplicate-headings': 'warning' }, from: projectRoot })).toEqual([
      expect.objectContaining({ rule: 'no-duplicate-headings', severity: 'warning', at: '26:1' }),
    ]);
    expect(await lint('duplicate-headings.md', { rules: { 'remark-lint-no-duplicate-headings': 'off' }, from: projectRoot })).toEqual([]);
    const linter = await createLinter({ plugins: [], ...config });
    expect(linter.rules.find((rule) => rule.id === 'no-duplicate-headings')).toEqual({ id: 'no-duplicate-headings', severity: 'error', description: 'remark-lint-no-duplicate-headings (published)' });
  });

  it('runs a unified-lint-rule plugin given as a team rule module', async () => {
    const file = path.join(fixtures, 'published-rule.mjs');
    expect(await lint('duplicate-headings.md', { plugins: [file] })).toEqual([expect.objectContaining({ rule: 'no-duplicate-headings', severity: 'warning', at: '26:1' })]);
  });

  it('our rules are unified-lint-rule plugins too: their messages name the source briefing', async () => {
    const linter = await createLinter({ rules: {}, plugins: [] });
    const file = path.join(fixtures, 'structure.md');
    const loaded = loadBriefing({ path: file, root: fixtures, relative: 'structure.md', bytes: readFileSync(file) }, fixtures);
    linter.lint(loaded.briefing!);
    expect(new Set(loaded.file.messages.map((message) => `${message.source}:${message.ruleId}`))).toEqual(new Set(['briefing:https-links', 'briefing:heading-increment', 'briefing:image-alt', 'briefing:no-empty-sections']));
  });

  it('says how to install a published rule it cannot find, and refuses two rules in force under one id', async () => {
    await expect(createLinter({ rules: { 'remark-lint-no-such-rule': 'warning' }, plugins: [], from: projectRoot })).rejects.toThrow(
      /could not load the package remark-lint-no-such-rule .*npm install --save-dev remark-lint-no-such-rule/,
    );
    const twice = { rules: { 'remark-lint-no-duplicate-headings': 'warning' as const }, plugins: [path.join(fixtures, 'published-rule.mjs')], from: projectRoot };
    await expect(createLinter(twice)).rejects.toThrow(/remark-lint-no-duplicate-headings reports as "no-duplicate-headings", as another rule in force does; turn one of them off/);
  });

  it('refuses a rule id it does not know, naming the ones it does', async () => {
    await expect(createLinter({ rules: { 'blf-length': 'off' }, plugins: [] })).rejects.toThrow(ConfigError);
    await expect(createLinter({ rules: { 'blf-length': 'off' }, plugins: [] })).rejects.toThrow(/no rule "blf-length".*bluf-length/);
    await expect(createLinter({ rules: {}, plugins: [path.join(fixtures, 'missing-rule.mjs')] })).rejects.toThrow(/could not load/);
  });
});

describe('sentence counting for the BLUF', () => {
  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(splitSentences('The U.S. and Japan agreed. Amb. Emanuel and A. Analyst were there. On Aug. 5 it begins.')).toHaveLength(3);
    expect(splitSentences('(U) One point. Another point? A third!')).toHaveLength(3);
    expect(splitSentences('日米は合意した。詳細は八月に決まる。')).toHaveLength(2);
  });
});
