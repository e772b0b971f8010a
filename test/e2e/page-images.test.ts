// Layout regressions, caught by looking: every sample, their weekly book, and a fixture of each
// memo type and house style, printed, each page rendered small and compared with its approved
// image (test/support/page-images.ts). Approve new images with `npm run approve-baselines`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli.js';
import { tempFolder } from '../support/fixtures.js';
import { approving, comparePages, renderPages } from '../support/page-images.js';

/** Folders printed as they are; each PDF is compared under its file name. */
const folders = ['content/2024-w31', 'test/fixtures/craft', 'test/fixtures/fidelity'];

describe('every page looks as approved', () => {
  const out = tempFolder('briefing-page-images-');
  const documents: { name: string; pdf: string }[] = [];

  beforeAll(async () => {
    for (const [index, folder] of folders.entries()) {
      const target = path.join(out, String(index));
      await runCli(['build', folder, '--out', target, '--quiet']);
      for (const file of readdirSync(target).filter((name) => name.endsWith('.pdf'))) documents.push({ name: file.replace(/\.pdf$/, ''), pdf: path.join(target, file) });
    }
    const book = path.join(out, 'book-2024-W31.pdf');
    await runCli(['book', 'content', '--week', '2024-W31', '--out', book]);
    documents.push({ name: 'book-2024-W31', pdf: book });
  });

  it('prints the samples, the book and the fixtures', () => {
    const names = documents.map((document) => document.name);
    const samples = readdirSync(path.join(projectRoot, 'content/2024-w31')).filter((name) => name.endsWith('.md'));
    for (const sample of samples) expect(names).toContain(sample.replace(/\.md$/, ''));
    expect(names).toEqual(expect.arrayContaining(['book-2024-W31', 'secret-authority', 'dod-action-cui', 'think-tank-info', 'quotations-and-notes']));
  });

  it(approving ? 'writes every page as the approved image' : 'matches every page with its approved image', () => {
    const problems = documents.flatMap((document) => comparePages(document.name, renderPages(document.pdf, document.name)));
    expect(problems).toEqual([]);
  });
});
