// The page-image comparison itself: a page like its approved image passes; a page where a few
// lines moved fails, naming the document and the page, and leaves a diff image to look at.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/fixtures.js';
import { approving, baselineFolder, comparePages } from '../support/page-images.js';

describe.skipIf(approving)('comparing a page with its approved image', () => {
  const name = 'think-tank-info';
  const approved = path.join(baselineFolder, `${name}-01.png`);

  it('passes the approved image itself', () => {
    const same = path.join(tempFolder('briefing-compare-'), `${name}-01.png`);
    writeFileSync(same, readFileSync(approved));
    expect(comparePages(name, [same])).toEqual([]);
  });

  it('fails a page whose text moved, naming the page, and writes the diff image', () => {
    const image = PNG.sync.read(readFileSync(approved));
    // Move a band of the page (about six lines of text) down by three pixels.
    const row = image.width * 4;
    const moved = Buffer.from(image.data);
    for (let y = 120; y < 170; y++) image.data.copy(moved, (y + 3) * row, y * row, (y + 1) * row);
    image.data = moved;
    const changed = path.join(tempFolder('briefing-compare-'), `${name}-01.png`);
    writeFileSync(changed, PNG.sync.write(image));
    const problems = comparePages(name, [changed]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^think-tank-info page 1: \d+\.\d\d % of its pixels differ from the approved image \(at most 0\.2 %\); see test\/\.page-image-diffs\/think-tank-info-01\.diff\.png$/);
    expect(existsSync(path.join(baselineFolder, '..', '.page-image-diffs', 'think-tank-info-01.diff.png'))).toBe(true);
  });
});
