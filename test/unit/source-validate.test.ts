// validateFrontmatter: every problem is placed on the YAML key or value it is about and says
// what to write instead. Each case is a whole frontmatter so the line numbers are visible.
import { describe, expect, it } from 'vitest';
import { splitBriefing } from '../../pipeline/source/frontmatter.js';
import { validateFrontmatter } from '../../pipeline/source/validate.js';

/** `line:column  severity  message  rule` for every problem, errors first. */
function problemsOf(lines: string[]): string[] {
  const split = splitBriefing(`---\n${lines.join('\n')}\n---\n\nBody.\n`);
  expect(split.problems).toEqual([]);
  const result = validateFrontmatter(split);
  return [
    ...result.errors.map((problem) => `${problem.place.line}:${problem.place.column}  error  ${problem.message}  ${problem.rule}`),
    ...result.warnings.map((problem) => `${problem.place.line}:${problem.place.column}  warning  ${problem.message}  ${problem.rule}`),
  ];
}

// Line 1 of the file is the opening ---, so the first key below is on line 2.
const infoMemo = [
  'type: info-memo', // 2
  'id: EAP-2024-W31-001', // 3
  'title: "(U) Extended deterrence"', // 4
  'date: 2024-07-28', // 5
  'to: [Secretary]', // 6
  'from: { name: "A. Analyst", office: "Office of Japanese Affairs" }', // 7
  'marking: { level: UNCLASSIFIED }', // 8
];
const replace = (key: string, line: string | undefined, base = infoMemo) =>
  base.flatMap((existing) => (existing.startsWith(`${key}:`) ? (line === undefined ? [] : [line]) : [existing]));

describe('validateFrontmatter', () => {
  it('accepts a complete info memo, with no problems at all', () => {
    const result = validateFrontmatter(splitBriefing(`---\n${infoMemo.join('\n')}\n---\n`));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.frontmatter).toMatchObject({ type: 'info-memo', id: 'EAP-2024-W31-001', date: '2024-07-28', to: ['Secretary'] });
  });

  it('points at the date value and says how to write a date', () => {
    expect(problemsOf(replace('date', 'date: 2024-13-01'))).toEqual([
      '5:7  error  date "2024-13-01" is not a valid date; write YYYY-MM-DD  frontmatter',
    ]);
    expect(problemsOf(replace('date', 'date: 2024-02-30'))).toEqual([
      '5:7  error  date "2024-02-30" is not a valid date; write YYYY-MM-DD  frontmatter',
    ]);
    // YAML reads 20240728 as a number: the message is the same, not "expected string".
    expect(problemsOf(replace('date', 'date: 20240728'))).toEqual(['5:7  error  date 20240728 is not a valid date; write YYYY-MM-DD  frontmatter']);
    expect(problemsOf(replace('date', 'date: July 28, 2024'))).toEqual([
      '5:7  error  date "July 28, 2024" is not a valid date; write YYYY-MM-DD  frontmatter',
    ]);
  });

  it.each([
    ['type', '2:1  error  type is missing; add a line such as type: info-memo (one of info-memo, action-memo, policy-brief)  frontmatter'],
    ['id', '2:1  error  id is missing; add it, e.g. id: EAP-2024-W31-001  frontmatter'],
    ['title', '2:1  error  title is missing; add it, e.g. title: "(U) Subject of the memo"  frontmatter'],
    ['date', '2:1  error  date is missing; add it, e.g. date: 2024-07-28  frontmatter'],
    ['marking', '2:1  error  marking is missing; add it, e.g. marking: { level: UNCLASSIFIED }  frontmatter'],
    ['to', '2:1  error  to is missing; an info-memo needs it, e.g. to: [Secretary]  frontmatter'],
    ['from', '2:1  error  from is missing; an info-memo needs it, e.g. from: { name: "A. Analyst", office: "Office of Japanese Affairs" }  frontmatter'],
  ])('names a missing %s and shows the line to add', (key, expected) => {
    expect(problemsOf(replace(key, undefined))).toEqual([expected]);
  });

  it('places a missing marking.level on the marking key', () => {
    expect(problemsOf(replace('marking', 'marking: { dissem: [NOFORN] }'))).toEqual([
      '8:1  error  marking.level is missing; add it, e.g. level: UNCLASSIFIED  frontmatter',
    ]);
  });

  it('asks an action memo for recommendations and a policy brief for authors', () => {
    const action = replace('type', 'type: action-memo');
    expect(problemsOf(action)).toEqual([
      '2:1  error  recommendations is missing; an action-memo needs it, e.g. recommendations: [{ text: "That you approve ..." }]  frontmatter',
    ]);
    expect(problemsOf([...action, 'recommendations: []'])).toEqual([
      '9:18  error  recommendations is an empty list; an action memo needs at least one recommendation  frontmatter',
    ]);
    expect(problemsOf([...action, 'recommendations:', '  - { text: "That you approve the statement.", decide_by: 2024-08-05 }'])).toEqual([]);

    const brief = ['type: policy-brief', 'id: PB-1', 'title: "Alliance command"', 'date: 2024-07-28', 'marking: { level: UNCLASSIFIED }'];
    expect(problemsOf(brief)).toEqual(['2:1  error  authors is missing; a policy-brief needs it, e.g. authors: [{ name: "A. Analyst" }]  frontmatter']);
    expect(problemsOf([...brief, 'authors: [{ name: "B. Fellow" }]'])).toEqual([]);
  });

  it('says what type a value should have, at the value', () => {
    expect(problemsOf(replace('title', 'title: [one, two]'))).toEqual(['4:8  error  title should be text, not a list  frontmatter']);
    expect(problemsOf(replace('from', 'from: "A. Analyst"'))).toEqual([
      '7:7  error  from should be a group of keys, not "A. Analyst", e.g. from: { name: "A. Analyst", office: "Office of Japanese Affairs" }  frontmatter',
    ]);
    expect(problemsOf(replace('to', 'to: 5'))).toEqual(['6:5  error  to should be text or a list, not 5  frontmatter']);
    expect(problemsOf(replace('id', 'id: 7'))).toEqual(['3:5  error  id should be text, not 7; put it in quotes: "7"  frontmatter']);
    expect(problemsOf([...infoMemo, 'sources: yes'])).toEqual(['9:10  error  sources should be a list, not "yes"  frontmatter']);
    expect(problemsOf([...infoMemo, 'priority: high'])).toEqual(['9:11  error  priority should be a number, not "high"  frontmatter']);
  });

  it('lists the allowed values of an enum', () => {
    expect(problemsOf([...infoMemo, 'status: final', 'paper: legal'])).toEqual([
      '9:9  error  status "final" is not allowed; use one of draft, in-clearance, cleared, approved  frontmatter',
      '10:8  error  paper "legal" is not allowed; use one of letter, a4  frontmatter',
    ]);
    expect(problemsOf(replace('type', 'type: memo'))).toEqual([
      '2:7  error  type "memo" is not a memo type; use one of info-memo, action-memo, policy-brief  frontmatter',
    ]);
  });

  it('explains ids, empty text, addresses and language tags', () => {
    expect(problemsOf(replace('id', 'id: "EAP 2024/1"'))).toEqual([
      '3:5  error  id "EAP 2024/1" is not a valid id; use letters, digits, ".", "_" and "-" only, e.g. EAP-2024-W31-001  frontmatter',
    ]);
    expect(problemsOf(replace('title', 'title: "  "'))).toEqual(['4:8  error  title "  " is empty; write the text  frontmatter']);
    expect(problemsOf(replace('to', 'to: []'))).toEqual(['6:5  error  to is an empty list; name at least one  frontmatter']);
    expect(problemsOf([...infoMemo, 'sources:', '  - { id: scc, title: "Joint Statement", url: "ftp://example.org/x" }'])).toEqual([
      '10:47  error  sources[0].url "ftp://example.org/x" is not a web address; write a full address starting with https://  frontmatter',
    ]);
    expect(problemsOf([...infoMemo, 'sources:', '  - title: "Joint Statement"'])).toEqual(['10:5  error  sources[0].id is missing; add it  frontmatter']);
    expect(problemsOf([...infoMemo, 'lang: English'])).toEqual([
      '9:7  error  lang "English" is not a language tag; write one such as en-US, en-GB or ja-JP  frontmatter',
    ]);
  });

  it('warns about unknown keys of the author\'s own at the key, and still accepts the memo', () => {
    const split = splitBriefing(`---\n${[...infoMemo, 'sumary: "x"', 'reviewer: "B"', 'titel: "Again"'].join('\n')}\n---\n`);
    const result = validateFrontmatter(split);
    expect(result.errors).toEqual([]);
    expect(result.frontmatter?.id).toBe('EAP-2024-W31-001');
    expect(result.warnings.map((problem) => `${problem.place.line}:${problem.place.column}  ${problem.message}`)).toEqual([
      '9:1  unknown key sumary is ignored; check its spelling or remove it',
      '10:1  unknown key reviewer is ignored; check its spelling or remove it',
      // Close to a key, but that key is there already: a leftover, not a slip.
      '11:1  unknown key titel is ignored; title is already given, so remove it or check its spelling',
    ]);
    expect(result.warnings.every((problem) => problem.rule === 'frontmatter-unknown-key')).toBe(true);
  });

  it('names the likely key of a misspelt one, at the key, at any depth, as one error', () => {
    // Its value would be lost: an error at the slip, and no "is missing" for the key it stands for.
    expect(problemsOf(replace('marking', 'marking: { levle: UNCLASSIFIED }'))).toEqual([
      '8:12  error  marking.levle is not a key; did you mean level?  frontmatter-misspelled-key',
    ]);
    expect(problemsOf(replace('marking', 'marking:\n  level: SECRET\n  disem: [NOFORN]'))).toEqual([
      '10:3  error  marking.disem is not a key; did you mean dissem?  frontmatter-misspelled-key',
    ]);
    expect(problemsOf(replace('from', 'from: { name: "A. Analyst", ofice: "OJA" }'))).toEqual([
      '7:29  error  from.ofice is not a key; did you mean office?  frontmatter-misspelled-key',
    ]);
    expect(problemsOf([...infoMemo, 'sources:', '  - { id: scc, titel: "Joint Statement" }'])).toEqual([
      '10:16  error  sources[0].titel is not a key; did you mean title?  frontmatter-misspelled-key',
    ]);
    expect(problemsOf([...infoMemo, 'sorces: []'])).toEqual(['9:1  error  sorces is not a key; did you mean sources?  frontmatter-misspelled-key']);
    // A swap of two letters is one slip.
    expect(problemsOf([...infoMemo, 'bulf: "The alliance is stronger."'])).toEqual(['9:1  error  bulf is not a key; did you mean bluf?  frontmatter-misspelled-key']);
    expect(problemsOf(replace('date', 'dtae: 2024-07-28'))).toEqual(['5:1  error  dtae is not a key; did you mean date?  frontmatter-misspelled-key']);
    expect(problemsOf(replace('type', 'tpye: info-memo'))).toEqual(['2:1  error  tpye is not a key; did you mean type?  frontmatter-misspelled-key']);
  });

  it('makes a key of another memo type an error, not a warning', () => {
    expect(problemsOf([...infoMemo, 'authors: [{ name: B }]'])).toEqual([
      '9:1  error  authors is only used by policy-brief, not info-memo; remove it or change the type  frontmatter-type-field',
    ]);
  });

  it('refuses a frontmatter that is not a group of keys', () => {
    expect(validateFrontmatter(splitBriefing('---\n- a\n- b\n---\n')).errors.map((problem) => problem.message)).toEqual([
      'the frontmatter must be a list of "key: value" lines',
    ]);
  });

  it('names a wrong clearer at its key, inside the list of clearers', () => {
    const cleared = (entry: string) => [...infoMemo, 'clearance:', '  cleared:', '    - "EAP - B. Director (ok)"', `    - ${entry}`];
    expect(problemsOf(cleared('{ office: PM, status: approved }'))).toEqual([
      '12:29  error  clearance.cleared[1].status "approved" is not allowed; use one of ok, edits, info  frontmatter',
    ]);
    expect(problemsOf(cleared('{ name: K. Officer, status: ok }'))).toEqual(['12:7  error  clearance.cleared[1].office is missing; add it, e.g. office: EAP/J  frontmatter']);
    expect(problemsOf(cleared('{ office: PM, date: 30 July 2024 }'))).toEqual([
      '12:27  error  clearance.cleared[1].date "30 July 2024" is not a valid date; write YYYY-MM-DD  frontmatter',
    ]);
  });

  it('keeps through, cc and distribution to memos, and says an empty list names no one', () => {
    expect(problemsOf([...infoMemo, 'through: []'])).toEqual(['9:10  error  through is an empty list; name at least one  frontmatter']);
    const brief = ['type: policy-brief', 'id: PB-1', 'title: "Brief"', 'date: 2024-07-28', 'authors: [{ name: "M. Fellow" }]', 'marking: { level: UNCLASSIFIED }', 'through: [The Deputy Secretary]'];
    expect(problemsOf(brief)).toEqual(['8:1  error  through is only used by info-memo and action-memo, not policy-brief; remove it or change the type  frontmatter-type-field']);
  });
});
