// Which folder's ids a run must know (content-ids.ts), and how another briefing's id is read
// from its frontmatter alone, however the id is written.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFolderOf, idsElsewhere } from '../../pipeline/source/content-ids.js';
import { memo, writeTree } from '../support/fixtures.js';

describe('the content folder of a briefing', () => {
  const cwd = '/work/project';
  it('is the working folder\'s content/ when the briefing is inside it, however it was named', () => {
    expect(contentFolderOf({ path: '/work/project/content/2024-w31/b.md', root: '/work/project/content/2024-w31' }, cwd)).toBe('/work/project/content');
    expect(contentFolderOf({ path: '/work/project/content/2024-w31/b.md', root: '/work/project/content' }, cwd)).toBe('/work/project/content');
  });

  it('is the folder named otherwise, or a file\'s own folder', () => {
    expect(contentFolderOf({ path: '/work/project/drafts/x/b.md', root: '/work/project/drafts' }, cwd)).toBe('/work/project/drafts');
    expect(contentFolderOf({ path: '/elsewhere/b.md', root: '/elsewhere' }, cwd)).toBe('/elsewhere');
  });
});

describe('ids of the other briefings', () => {
  it('reads every way of writing an id, skips the run\'s own files and what is not a briefing', async () => {
    const folder = writeTree({
      'content/checked.md': memo({ id: 'CHECKED' }),
      'content/plain.md': memo({ id: 'PLAIN-1' }),
      'content/quoted.md': memo({ id: '"QUOTED.2" # a comment' }),
      'content/single.md': memo({ id: "'SINGLE_3'" }),
      // Not a plain id line: the frontmatter is parsed in full.
      'content/flow.md': '---\n{ type: info-memo, id: FLOW-4 }\n---\n\nText.\n',
      'content/nested/indented.md': memo({ id: 'NESTED-5' }).replace('\nid: NESTED-5\n', '\nsources:\n  - { id: not-this, title: "A" }\nid: NESTED-5\n'),
      'content/no-id.md': memo().replace(/^id: .*\n/m, ''),
      'content/number.md': memo({ id: '42' }),
      'content/binary.md': Buffer.from([0, 1, 2, 3]),
      'content/notes.txt': 'id: NOT-A-BRIEFING\n',
    });
    const checked = { path: path.join(folder, 'content/checked.md'), root: path.join(folder, 'content') };
    const ids = await idsElsewhere([checked], folder);
    expect(ids.map((entry) => [entry.shownPath, entry.id]).sort()).toEqual([
      ['content/flow.md', 'FLOW-4'],
      ['content/nested/indented.md', 'NESTED-5'],
      ['content/plain.md', 'PLAIN-1'],
      ['content/quoted.md', 'QUOTED.2'],
      ['content/single.md', 'SINGLE_3'],
    ]);
  });
});
