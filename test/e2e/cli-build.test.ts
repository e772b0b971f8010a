// `briefing build FOLDER --out DIR` on a folder outside the repository: the tree is mirrored,
// a broken briefing is one exact `file:line:column  error  message  rule` line while every
// other briefing is still printed, images beside a memo appear in its PDF, and the paper size
// is the one the memo asks for.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli, type CliResult } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';

const fixtureTree = fileURLToPath(new URL('../fixtures/issue2/tree', import.meta.url));

/** Every PDF under a folder, relative, with forward slashes. */
function pdfsUnder(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

interface PdfImage {
  width: number;
  height: number;
}

/** Image XObjects drawn on each page, looking inside form XObjects too (Chromium nests them). */
async function imagesIn(file: string): Promise<PdfImage[]> {
  const document = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const found: PdfImage[] = [];
  const seen = new Set<PDFObject>();
  const lookup = (object: PDFObject | undefined) => (object instanceof PDFRef ? document.context.lookup(object) : object);
  const visitResources = (resources: PDFObject | undefined) => {
    const dict = lookup(resources);
    if (!(dict instanceof PDFDict)) return;
    const xobjects = lookup(dict.get(PDFName.of('XObject')));
    if (!(xobjects instanceof PDFDict)) return;
    for (const [, reference] of xobjects.entries()) {
      const stream = lookup(reference);
      if (!(stream instanceof PDFRawStream) || seen.has(stream)) continue;
      seen.add(stream);
      const subtype = stream.dict.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Image')) {
        const number = (key: string) => (lookup(stream.dict.get(PDFName.of(key))) as PDFNumber).asNumber();
        found.push({ width: number('Width'), height: number('Height') });
      } else if (subtype === PDFName.of('Form')) {
        visitResources(stream.dict.get(PDFName.of('Resources')));
      }
    }
  };
  for (const page of document.getPages()) visitResources(page.node.get(PDFName.of('Resources')));
  return found;
}

async function pageSizes(file: string): Promise<string[]> {
  const document = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  return document.getPages().map((page) => {
    const { width, height } = page.getSize();
    return `${Math.round(width)}x${Math.round(height)}`;
  });
}

describe('briefing build on a folder outside the repository', () => {
  const tree = path.join(tempFolder('briefing-outside-'), 'briefings');
  const out = path.join(tempFolder('briefing-out-'), 'pdf');
  let result: CliResult;

  beforeAll(async () => {
    cpSync(fixtureTree, tree, { recursive: true });
    // Run from inside the repository, as a user would: the folder is named by its absolute path.
    result = await runCli(['build', tree, '--out', out], { cwd: projectRoot });
  });

  it('reports the broken briefing as one exact file:line:column line and exits 1', () => {
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines).toContain(`${tree}/a/bad-date.md:4:7  error  date "2024-13-01" is not a valid date; write YYYY-MM-DD  frontmatter`);
    // The good briefings beside it have no errors of their own.
    expect(lines.filter((line) => line.includes('  error  '))).toHaveLength(1);
  });

  it('still prints every good briefing, mirroring the tree under the folder given', () => {
    expect(pdfsUnder(out)).toEqual(['a/b.pdf', 'a4.pdf', 'en-gb.pdf', 'top.pdf', 'week/with-image.pdf']);
    expect(existsSync(path.join(out, 'a/bad-date.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'a/notes.pdf'))).toBe(false);
  });

  it('ends with the summary line', () => {
    const last = result.stdout.trimEnd().split('\n').at(-1);
    expect(last).toMatch(/^built 5, failed 1, in \d+\.\d s$/);
  });

  it('writes PDFs that open, with their memo, banner and page number', async () => {
    for (const [pdf, title] of [
      ['a/b.pdf', 'Alliance ministers meet in Tokyo'],
      ['top.pdf', 'A memo at the top of the tree'],
      ['week/with-image.pdf', 'A memo with a map beside it'],
    ] as const) {
      const reading = await readPdf(path.join(out, pdf));
      expect(reading.info.Title).toBe(title);
      const text = reading.pages.join('\n');
      expect(text).toContain(title);
      expect(text).toContain('INFORMATION MEMO FOR THE SECRETARY');
      expect(text.match(/UNCLASSIFIED/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Page 1 of ${reading.pages.length}`);
    }
  });

  it('draws the image that sits beside the Markdown file', async () => {
    expect(await imagesIn(path.join(out, 'week/with-image.pdf'))).toEqual([{ width: 64, height: 48 }]);
    expect(await imagesIn(path.join(out, 'top.pdf'))).toEqual([]);
  });

  it('prints US Letter by default and A4 for paper: a4 or British English', async () => {
    expect(await pageSizes(path.join(out, 'a/b.pdf'))).toEqual(['612x792']);
    expect(await pageSizes(path.join(out, 'a4.pdf'))).toEqual(['595x842']);
    expect(await pageSizes(path.join(out, 'en-gb.pdf'))).toEqual(['595x842']);
    expect((await readPdf(path.join(out, 'en-gb.pdf'))).pages[0]).toContain('30 July 2024');
  });
});

describe('briefing build with no arguments', () => {
  it('builds content/ into output/ of the working folder; an unknown key is a warning, not a failure', async () => {
    const cwd = writeTree({
      'content/week/memo.md': memo({ id: 'DEFAULT-1', title: 'Default folders', extra: 'sumary: "a misspelt key"\n' }),
      'content/readme.txt': 'not a briefing',
    });
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toContain('content/week/memo.md:10:1  warning  unknown key sumary is ignored; check its spelling or remove it  frontmatter-unknown-key');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^built 1, failed 0, in \d+\.\d s$/);
    expect(pdfsUnder(path.join(cwd, 'output'))).toEqual(['week/memo.pdf']);
    expect((await readPdf(path.join(cwd, 'output/week/memo.pdf'))).info.Title).toBe('Default folders');
  });
});

describe('two briefings with the same id', () => {
  it('fail both, each with a line at its id that names the other file', async () => {
    const folder = writeTree({ 'one.md': memo({ id: 'SAME-ID' }), 'sub/two.md': memo({ id: 'SAME-ID', title: 'Another memo' }) });
    const out = path.join(tempFolder(), 'out');
    const result = await runCli(['build', folder, '--out', out], { cwd: folder });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines).toContain('one.md:3:5  error  id "SAME-ID" is also used by sub/two.md; give each briefing its own id  duplicate-id');
    expect(lines).toContain('sub/two.md:3:5  error  id "SAME-ID" is also used by one.md; give each briefing its own id  duplicate-id');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^built 0, failed 2, in \d+\.\d s$/);
    expect(existsSync(out) ? pdfsUnder(out) : []).toEqual([]);
  });
});
