// splitBriefing: YAML only (a ---js block is refused and never run), positions that are the
// file's own lines, and a body padded so Markdown positions are the file's too.
import { describe, expect, it } from 'vitest';
import { splitBriefing } from '../../pipeline/source/frontmatter.js';

const at = (problem: { place: { line: number; column: number }; message: string; rule: string }) =>
  `${problem.place.line}:${problem.place.column}  ${problem.message}  ${problem.rule}`;

describe('splitBriefing', () => {
  it('reads YAML frontmatter and pads the body so its lines are the file\'s lines', () => {
    const split = splitBriefing('---\ntype: info-memo\nid: A-1\n---\n\n# Heading\n');
    expect(split.problems).toEqual([]);
    expect(split.data).toEqual({ type: 'info-memo', id: 'A-1' });
    expect(split.body.split('\n')[5]).toBe('# Heading');
  });

  it('locates keys and values on the lines and columns the author sees', () => {
    const split = splitBriefing('---\ntype: info-memo\nid: A-1\nfrom: { name: "A. Analyst", office: X }\ntags:\n  regions: [EAP, EUR]\n---\nbody\n');
    expect(split.locate(['id'], 'key')).toEqual({ line: 3, column: 1 });
    expect(split.locate(['id'])).toEqual({ line: 3, column: 5 });
    expect(split.locate(['from', 'office'], 'key')).toEqual({ line: 4, column: 29 });
    expect(split.locate(['from', 'office'])).toEqual({ line: 4, column: 37 });
    expect(split.locate(['tags', 'regions', 1])).toEqual({ line: 6, column: 18 });
  });

  it.each([
    ['js', '---js\n{ type: (globalThis.__briefingPwned = "info-memo") }\n---\nbody\n'],
    ['javascript', '---javascript\nglobalThis.__briefingPwned = 1\n---\n'],
    ['coffee', '---coffee\nglobalThis.__briefingPwned = 1\n---\n'],
    ['js', '--- js\n{ type: (globalThis.__briefingPwned = 1) }\n---\n'],
  ])('refuses a ---%s block and never evaluates it', (language, text) => {
    const split = splitBriefing(text);
    expect((globalThis as Record<string, unknown>).__briefingPwned).toBeUndefined();
    expect(split.data).toBeUndefined();
    expect(split.problems.map(at)).toEqual([
      `1:4  frontmatter written as "${language}" is refused and was not run; write YAML between plain --- lines  frontmatter-language`,
    ]);
  });

  it('accepts an explicit ---yaml block', () => {
    const split = splitBriefing('---yaml\ntype: info-memo\n---\n');
    expect(split.problems).toEqual([]);
    expect(split.data).toEqual({ type: 'info-memo' });
    expect(split.locate(['type'])).toEqual({ line: 2, column: 7 });
  });

  it('says what to do when there is no frontmatter, or it is never closed, or empty', () => {
    expect(splitBriefing('# Just Markdown\n').problems.map(at)).toEqual([
      '1:1  the briefing has no frontmatter; start the file with a --- line, the YAML keys, and another --- line  frontmatter',
    ]);
    // Without the closing line the Markdown body must not be read as YAML.
    expect(splitBriefing('---\ntype: info-memo\nid: A-1\n\n# Heading\n\nBody: text.\n').problems.map(at)).toEqual([
      '1:1  the frontmatter is never closed; add a line with --- after the last YAML key  frontmatter',
    ]);
    expect(splitBriefing('---\n---\nbody\n').problems.map(at)).toEqual([
      '1:1  the frontmatter is empty; add at least type, id, title, date and marking  frontmatter',
    ]);
  });

  it('places YAML syntax errors on their line, with advice', () => {
    expect(splitBriefing('---\ntype: info-memo\nid: A-1\nid: A-2\n---\n').problems.map(at)).toEqual([
      '4:1  the frontmatter is not valid YAML: Map keys must be unique; keep only one line with this key  yaml',
    ]);
    expect(splitBriefing('---\ntype: info-memo\nfrom:\n\tname: A\n---\n').problems.map(at)).toEqual([
      '4:1  the frontmatter is not valid YAML: Tabs are not allowed as indentation; indent with spaces, not tabs  yaml',
    ]);
    const colon = splitBriefing('---\ntype: info-memo\ntitle: Japan: a review\n---\n').problems;
    expect(colon).toHaveLength(1);
    expect(colon[0]!.place.line).toBe(3);
    expect(colon[0]!.message).toContain('put quotes around a value that contains ": "');
  });

  it('reads Windows line endings like Unix ones, positions included', () => {
    const split = splitBriefing('---\r\ntype: info-memo\r\nmarking: { level: UNCLASSIFIED }\r\n---\r\n\r\n# Heading\r\n');
    expect(split.problems).toEqual([]);
    expect(split.data).toEqual({ type: 'info-memo', marking: { level: 'UNCLASSIFIED' } });
    expect(split.locate(['marking', 'level'])).toEqual({ line: 3, column: 19 });
    expect(split.body.split('\n')[5]).toBe('# Heading');
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((key, index) => `${key}: &${key} [${Array(9).fill(`*${'abcdefghij'[index]}`).join(', ')}]`), '---', ''].join('\n');
    const split = splitBriefing(bomb);
    expect(split.data).toBeUndefined();
    expect(split.problems.map((problem) => problem.message)).toEqual(['the frontmatter uses YAML aliases (*name) too often; write the values out instead']);
  });
});
