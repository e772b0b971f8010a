// The bad-input corpus: every file in test/fixtures/bad/ is a malformed or hostile briefing,
// and test/fixtures/bad/expected.json says what the source and transform stages must report
// for it — line, column, severity, rule and the words of the message. Errors must match the
// table exactly (no more, no fewer); listed warnings must be present. Nothing may throw.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/cli.js';
import { checkBriefing } from './stages.js';

interface ExpectedMessage {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  messageIncludes: string;
}

const corpus = path.join(projectRoot, 'test/fixtures/bad');
const expected = JSON.parse(readFileSync(path.join(corpus, 'expected.json'), 'utf8')) as Record<string, ExpectedMessage[]>;
const briefings = readdirSync(corpus).filter((name) => name.endsWith('.md')).sort();
/** What a payload in the corpus would write if any frontmatter were ever run. */
const payloadMarker = '/tmp/briefing-corpus-ran';

const placeOf = (message: { line: number; column: number; severity: string; rule: string }) => `${message.line}:${message.column} ${message.severity} ${message.rule}`;

describe('the bad-input corpus', () => {
  it('holds at least 40 briefings, each with its expected messages, and nothing else', () => {
    expect(briefings.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(briefings);
    for (const name of briefings) expect(expected[name]!.length, name).toBeGreaterThan(0);
  });

  it.each(briefings)('%s', async (name) => {
    const checked = await checkBriefing(path.join(corpus, name), corpus);
    const actual = checked.file.messages.map((message) => ({
      line: message.line ?? 0,
      column: message.column ?? 0,
      severity: message.fatal === true ? 'error' : 'warning',
      rule: message.ruleId ?? '',
      reason: message.reason,
    }));
    const wanted = expected[name] ?? [];
    expect(actual.filter((message) => message.severity === 'error').map(placeOf)).toEqual(wanted.filter((message) => message.severity === 'error').map(placeOf));
    for (const message of wanted) {
      const found = actual.find((candidate) => placeOf(candidate) === placeOf(message));
      expect(found, `${name}: ${placeOf(message)}`).toBeDefined();
      expect(found!.reason).toContain(message.messageIncludes);
    }
    // A briefing with an error never reaches the printer.
    if (wanted.some((message) => message.severity === 'error')) expect(checked.briefing === undefined || checked.file.messages.some((message) => message.fatal)).toBe(true);
    expect(existsSync(payloadMarker)).toBe(false);
  });
});
