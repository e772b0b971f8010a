// Page-image regression: each page of a PDF rendered small and grey (pdftoppm, poppler-utils)
// and compared with an approved image in test/baselines/ (pixelmatch). A page that differs by
// more than a small share of its pixels fails, naming the page, and its diff image is written
// to test/.page-image-diffs/. `npm run approve-baselines` writes the current pages as the new
// baselines (BRIEFING_APPROVE_BASELINES=1): look at them before committing them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { projectRoot } from './cli.js';
import { tempFolder } from './fixtures.js';

export const baselineFolder = path.join(projectRoot, 'test', 'baselines');
export const diffFolder = path.join(projectRoot, 'test', '.page-image-diffs');
export const approving = process.env.BRIEFING_APPROVE_BASELINES === '1';

/** Dots per inch of the images: enough to see a line move, small enough to commit. */
const resolution = 30;
/** Per-pixel colour distance pixelmatch ignores (anti-aliasing noise), and the share of pixels a page may differ by. */
const pixelThreshold = 0.1;
const maxDifferentShare = 0.002;

/**
 * Renders every page of `pdf` as a grey PNG: `<name>-<page>.png` (pages numbered 01, 02…) in a
 * new folder. Without anti-aliasing and stored as one grey channel, a page is a few kilobytes:
 * small enough to commit every sample's pages, and a line that moves still moves many pixels.
 */
export function renderPages(pdf: string, name: string): string[] {
  const folder = tempFolder('briefing-pages-');
  execFileSync('pdftoppm', ['-png', '-gray', '-aa', 'no', '-aaVector', 'no', '-r', String(resolution), pdf, path.join(folder, name)]);
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.png'))
    .sort()
    .map((file) => path.join(folder, file));
  for (const file of files) writeFileSync(file, PNG.sync.write(PNG.sync.read(readFileSync(file)), { colorType: 0, inputColorType: 6 }));
  return files;
}

/** The page number pdftoppm wrote into a file name (`name-07.png` → 7). */
const pageOf = (file: string) => Number(/-(\d+)\.png$/.exec(file)?.[1]);

const baselineName = (name: string, page: number) => `${name}-${String(page).padStart(2, '0')}.png`;

/**
 * Compares a document's pages with its baselines; returns one sentence per problem (none when
 * it matches). In approve mode, writes the pages as the baselines instead and returns none.
 */
export function comparePages(name: string, pages: string[]): string[] {
  const expected = readdirSync(baselineFolder).filter((file) => file.startsWith(`${name}-`) && /^-\d+\.png$/.test(file.slice(name.length)));
  if (approving) {
    for (const file of expected) rmSync(path.join(baselineFolder, file));
    for (const page of pages) copyFileSync(page, path.join(baselineFolder, baselineName(name, pageOf(page))));
    return [];
  }
  const problems: string[] = [];
  if (expected.length !== pages.length) problems.push(`${name}: ${pages.length} pages printed, ${expected.length} approved`);
  for (const page of pages) {
    const number = pageOf(page);
    const baseline = path.join(baselineFolder, baselineName(name, number));
    if (!existsSync(baseline)) {
      problems.push(`${name} page ${number}: no approved image (${path.relative(projectRoot, baseline)}); run npm run approve-baselines and look at it`);
      continue;
    }
    const actual = PNG.sync.read(readFileSync(page));
    const approved = PNG.sync.read(readFileSync(baseline));
    if (actual.width !== approved.width || actual.height !== approved.height) {
      problems.push(`${name} page ${number}: ${actual.width}×${actual.height} pixels, approved ${approved.width}×${approved.height} (another paper size?)`);
      continue;
    }
    const diff = new PNG({ width: actual.width, height: actual.height });
    const different = pixelmatch(actual.data, approved.data, diff.data, actual.width, actual.height, { threshold: pixelThreshold });
    const share = different / (actual.width * actual.height);
    if (share > maxDifferentShare) {
      mkdirSync(diffFolder, { recursive: true });
      const diffFile = path.join(diffFolder, baselineName(name, number).replace(/\.png$/, '.diff.png'));
      writeFileSync(diffFile, PNG.sync.write(diff));
      copyFileSync(page, diffFile.replace(/\.diff\.png$/, '.actual.png'));
      problems.push(`${name} page ${number}: ${(share * 100).toFixed(2)} % of its pixels differ from the approved image (at most ${maxDifferentShare * 100} %); see ${path.relative(projectRoot, diffFile)}`);
    }
  }
  return problems;
}
