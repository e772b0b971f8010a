// discoverBriefings: files and folders, each briefing keeping the root it was found under so
// that outputs mirror the tree; anything that is not Markdown is left alone.
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputPathFor } from '../../pipeline/run/build-run.js';
import { discoverBriefings } from '../../pipeline/source/discover.js';
import { tempFolder, writeTree } from '../support/fixtures.js';

describe('discoverBriefings', () => {
  it('finds Markdown in a folder tree, sorted, relative to the folder given', async () => {
    const folder = writeTree({
      'b.md': 'x',
      'a/b.md': 'x',
      'a/deeper/c.markdown': 'x',
      'a/notes.txt': 'x',
      'a/map.png': 'x',
      'README': 'x',
      '.hidden/secret.md': 'x',
      'node_modules/pkg/readme.md': 'x',
      '.draft.md': 'x',
    });
    const found = await discoverBriefings([folder]);
    expect(found.missing).toEqual([]);
    expect(found.briefings.map((briefing) => briefing.relative)).toEqual(['a/b.md', 'a/deeper/c.markdown', 'b.md']);
    expect(found.briefings.every((briefing) => briefing.root === folder)).toBe(true);
    expect(found.briefings[0]!.path).toBe(path.join(folder, 'a/b.md'));
  });

  it('mirrors the tree under the folder given: ROOT/a/b.md becomes OUT/a/b.pdf', async () => {
    const folder = writeTree({ 'a/b.md': 'x', 'c.MD': 'x' });
    const found = await discoverBriefings([folder]);
    expect(found.briefings.map((briefing) => outputPathFor(briefing, '/out'))).toEqual(['/out/a/b.pdf', '/out/c.pdf']);
  });

  it('takes a file named directly with its own folder as root', async () => {
    const folder = writeTree({ 'a/b.md': 'x' });
    const found = await discoverBriefings([path.join(folder, 'a/b.md')]);
    expect(found.briefings).toEqual([{ path: path.join(folder, 'a/b.md'), root: path.join(folder, 'a'), relative: 'b.md' }]);
  });

  it('resolves relative paths against the working folder and builds a file named twice once', async () => {
    const folder = writeTree({ 'content/x.md': 'x', 'content/y.md': 'x' });
    const found = await discoverBriefings(['content', 'content/x.md'], folder);
    expect(found.briefings.map((briefing) => briefing.path)).toEqual([path.join(folder, 'content/x.md'), path.join(folder, 'content/y.md')]);
  });

  it('reports paths that do not exist or are not Markdown', async () => {
    const folder = writeTree({ 'notes.txt': 'x' });
    const found = await discoverBriefings(['missing', 'notes.txt'], folder);
    expect(found.briefings).toEqual([]);
    expect(found.missing).toEqual(['missing', 'notes.txt']);
  });

  it('does not follow a link that leads out of the content folder', async () => {
    const outside = writeTree({ 'secret.md': 'x' });
    const folder = writeTree({ 'in.md': 'x' });
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'link.md'));
    const found = await discoverBriefings([folder]);
    expect(found.briefings.map((briefing) => briefing.relative)).toEqual(['in.md']);
    expect(found.skippedLinks).toEqual([path.join(folder, 'link.md')]);
  });

  it('finds nothing, and no error, in an empty folder', async () => {
    const found = await discoverBriefings([tempFolder()]);
    expect(found).toEqual({ briefings: [], missing: [], skippedLinks: [] });
  });
});
