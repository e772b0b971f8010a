// Which briefings a week's book binds, leaves out or is stopped by, from what each briefing's
// frontmatter says (or, with errors, what can still be read of it).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectBookMemos } from '../../pipeline/run/book/select-memos.js';
import { statusesLeftOut } from '../../pipeline/run/book/make-book.js';
import { parseWeek, type DateRange } from '../../pipeline/run/book/week.js';
import { loadBriefing } from '../../pipeline/source/load.js';
import { memo } from '../support/fixtures.js';

const week31 = parseWeek('2024-W31') as DateRange;

const load = (relative: string, text: string) => {
  const root = '/content';
  return loadBriefing({ path: path.join(root, relative), root, relative, bytes: Buffer.from(text) }, '/');
};

const names = (files: { path?: string }[]) => files.map((file) => path.basename(file.path ?? ''));

describe('selectBookMemos', () => {
  const loaded = [
    load('2024-w31/cleared.md', memo({ id: 'A', extra: 'status: cleared\n' })),
    load('2024-w31/none.md', memo({ id: 'B' })),
    load('2024-w31/draft.md', memo({ id: 'C', extra: 'status: draft\n' })),
    load('2024-w31/clearing.md', memo({ id: 'D', extra: 'status: in-clearance\n' })),
    load('2024-w31/draft-with-errors.md', memo({ id: 'E', level: 'SEKRET', extra: 'status: draft\n' })),
    load('2024-w31/broken.md', memo({ id: 'F', level: 'SEKRET' })),
    load('2024-w32/next.md', memo({ id: 'G', date: '2024-08-05' })),
    load('2024-w32/next-broken.md', memo({ id: 'H', date: '2024-08-05', level: 'SEKRET' })),
    load('2024-w30/unreadable.md', '---\ntitle: "open\n---\n'),
    load('misc/unreadable.md', '---\ntitle: "open\n---\n'),
    load('2024-w31/undated.md', memo({ id: 'I', date: 'soon' })),
  ];

  it('binds the week’s memos that are not drafts or in clearance, by default', () => {
    const selection = selectBookMemos(loaded, week31, statusesLeftOut({ bookIncludesInClearance: false }));
    expect(selection.bound.map((briefing) => briefing.frontmatter.id)).toEqual(['A', 'B']);
    expect(selection.leftOut.map((memo) => `${memo.id} ${memo.status}`)).toEqual(['C draft', 'D in-clearance', 'E draft']);
    expect(names(selection.blocking)).toEqual(['broken.md', 'unreadable.md', 'undated.md']);
    expect(names(selection.undated)).toEqual(['unreadable.md', 'undated.md']);
    expect(selection.undated[0]!.path).toContain('misc');
    expect(selection.elsewhere.map((other) => `${path.basename(other.file.path)}: ${other.because}`)).toEqual(['next-broken.md: dated 2024-08-05', 'unreadable.md: in the folder of 2024-W30']);
  });

  it('binds memos in clearance when the config says so, and everything with --include-drafts', () => {
    expect(selectBookMemos(loaded, week31, statusesLeftOut({ bookIncludesInClearance: true })).bound.map((briefing) => briefing.frontmatter.id)).toEqual(['A', 'B', 'D']);
    const all = selectBookMemos(loaded, week31, statusesLeftOut({ bookIncludesInClearance: false }, true));
    expect(all.bound.map((briefing) => briefing.frontmatter.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(all.leftOut).toEqual([]);
    // A draft with errors stops the book once drafts are bound.
    expect(names(all.blocking)).toContain('draft-with-errors.md');
  });
});
