// What a redline says above the memo and which marking it prints under: the frontmatter texts
// word by word, the marking as it was and is, the higher banner with the blocks that go with it.
import { describe, expect, it } from 'vitest';
import { underHigherMarking } from '../../pipeline/run/redline/make-redline.js';
import { ChangeLedger } from '../../pipeline/change-marks.js';
import { redlineView, wordChangesHtml } from '../../pipeline/render/redline-view.js';
import { loadConfig } from '../../pipeline/source/config.js';
import { usMarkings } from '../../pipeline/source/markings.js';
import type { Frontmatter } from '../../pipeline/source/schema.js';
import { writeTree } from '../support/fixtures.js';

/** The HTML with the change elements as <ins>…</ins> and <del>…</del>, without their words' spans. */
const plain = (html: string) => html.replace(/<span class="change-line">([^<]*)<\/span>/g, '$1').replace(/ class="redline-(?:inserted|deleted)" lang="[^"]+"/g, '');

const after = {
  type: 'action-memo',
  id: 'A-1',
  title: '(U) Talks conclude',
  date: '2024-07-31',
  to: ['The Secretary'],
  from: { name: 'A. Analyst' },
  marking: { level: 'UNCLASSIFIED' },
  bluf: '(U) The ministers agreed.',
  recommendations: [{ text: '(U) That you approve the revised plan.' }, { text: '(U) That you sign the letter.' }],
} as Frontmatter;

const since = { shortCommit: '3f2a9c1', date: '2024-07-30', isNew: false };

describe('wordChangesHtml', () => {
  it('keeps the words that stayed and marks the others, spacing as written', () => {
    const ledger = new ChangeLedger();
    expect(plain(wordChangesHtml('The ministers met briefly in Tokyo.', 'The ministers agreed in Tokyo.', ledger, 'en-US'))).toBe('The ministers <del>met briefly</del> <ins>agreed</ins> in Tokyo.');
    expect(ledger.changes).toEqual([
      { kind: 'deleted', text: 'met briefly' },
      { kind: 'inserted', text: 'agreed' },
    ]);
  });
});

describe('redlineView', () => {
  it('lists each changed frontmatter text, and only those', () => {
    const before = { ...after, title: '(U) Talks', marking: { level: 'CONFIDENTIAL' }, recommendations: [{ text: '(U) That you approve the plan.' }] };
    const view = redlineView({ before, after, since, counts: { inserted: 5, deleted: 1 }, ledger: new ChangeLedger(), markings: usMarkings });
    expect(view.heading).toBe('REDLINE — changes since 3f2a9c1 (July 30, 2024)');
    expect(view.runningHeader).toEqual({ title: 'REDLINE — changes since', date: '3f2a9c1 (July 30, 2024)' });
    expect(view.entries.map((entry) => `${entry.label}: ${plain(entry.html)}`)).toEqual([
      'Title: (U) Talks <ins>conclude</ins>',
      'Marking: <del>CONFIDENTIAL</del> <ins>UNCLASSIFIED</ins>',
      'Recommendation 1: (U) That you approve the <ins>revised</ins> plan.',
      'Recommendation 2: <ins>(U) That you sign the letter.</ins>',
    ]);
    expect(view.legend).toContain('5 words inserted, 1 word deleted');
  });

  it('says so when nothing listed changed, and when the memo is new', () => {
    expect(redlineView({ before: after, after, since, counts: { inserted: 0, deleted: 0 }, ledger: new ChangeLedger(), markings: usMarkings }).note).toBe('Title, marking, bottom line and recommendations: unchanged.');
    const created = redlineView({ before: undefined, after, since: { ...since, isNew: true }, counts: { inserted: 9, deleted: 0 }, ledger: new ChangeLedger(), markings: usMarkings });
    expect(created.note).toBe('The memo did not exist at 3f2a9c1: all of it is inserted.');
    expect(created.entries).toEqual([]);
  });
});

describe('underHigherMarking', () => {
  const config = loadConfig(writeTree({}));
  const authority = { classified_by: 'A. Analyst', reason: '1.4(d)', declassify_on: '20490731' };

  it('keeps the memo’s marking when it is the higher', () => {
    expect(underHigherMarking(after, { data: { marking: { level: 'UNCLASSIFIED' } } }, config)).toBe(after);
  });

  it('prints under the earlier, higher level with its authority block', () => {
    const earlier = { ...after, marking: { level: 'SECRET', authority } } as Frontmatter;
    expect(underHigherMarking(after, { data: earlier, frontmatter: earlier }, config).marking).toEqual({ level: 'SECRET', authority, dissem: undefined });
  });

  it('adds the caveats of the other version at the same level, keeping the memo’s own blocks', () => {
    const now = { ...after, marking: { level: 'SECRET', authority } } as Frontmatter;
    const earlier = { ...after, marking: { level: 'SECRET', dissem: ['NOFORN'], authority: { ...authority, reason: '1.4(b)' } } } as Frontmatter;
    expect(underHigherMarking(now, { data: earlier, frontmatter: earlier }, config).marking).toEqual({ level: 'SECRET//NOFORN', authority, dissem: undefined });
  });
});
