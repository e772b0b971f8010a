// The fidelity property over every sample and every buildable memo of the test fixtures: the
// PDF's reading text, and the .docx's (mammoth: body, then notes), holds every word of the Markdown body in order and every quotation exactly
// as written, and adds nothing but what the README documents (frontmatter fields, the
// templates' labels, first-use acronym expansions, note and page numbers).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { glossaryFilesFor } from '../../pipeline/source/glossary.js';
import { loadBriefing } from '../../pipeline/source/load.js';
import { projectRoot, runCli } from '../support/cli.js';
import { tempFolder } from '../support/fixtures.js';
import { authoredText, compareFidelity, frontmatterVocabulary, glossaryVocabulary, templateVocabulary } from '../support/fidelity.js';
import { docxReadingText } from '../support/docx.js';
import { readingText } from '../support/pdf.js';

/** Folders of memos, each built as one tree. Memos with errors fail to build and are left out. */
const corpora = ['content', 'test/fixtures/fidelity', 'test/fixtures/issue2/tree', 'test/fixtures/lint', 'test/fixtures/bad', 'test/fixtures/docx'];

/**
 * Words the TypeScript side prints around the author's text (render/view.ts and the transform
 * plugins), besides the templates' own: memo kinds, labels, month names of written-out dates.
 */
const toolWords = [
  'INFORMATION MEMO ACTION POLICY BRIEF FOR',
  'Figure Table Notes Endnotes Sources accessed',
  'Classified By Derived From Reason Declassify On Controlled by CUI Category Distribution LDC POC',
  'Tab Decision needed by Recommended Opposed Bottom line up front Key judgments Recommendation Note Quotation',
  // The house styles' memo kinds (templates/houses/*/house.yml) and the samples' letterhead (briefing.config.yml).
  'INFO Recommendations United States Department of State Washington D C D.C. 20520',
  'January February March April May June July August September October November December',
  // A Japanese memo's date: 2024年7月29日.
  '年 月 日',
];

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

interface Built {
  source: string;
  pdf: string;
  docx: string;
}

describe('every word the author wrote is printed, in order; quotations exactly; additions only documented ones', () => {
  const out = tempFolder('briefing-fidelity-');
  const built: Built[] = [];
  const templateWords = templateVocabulary(path.join(projectRoot, 'templates'));

  beforeAll(async () => {
    for (const [index, corpus] of corpora.entries()) {
      const folder = path.join(projectRoot, corpus);
      const target = path.join(out, String(index));
      await runCli(['build', folder, '--out', target, '--output-format', 'pdf,docx', '--quiet']);
      for (const source of markdownFiles(folder)) {
        const pdf = path.join(target, path.relative(folder, source)).replace(/\.md$/, '.pdf');
        const docx = pdf.replace(/\.pdf$/, '.docx');
        if (existsSync(pdf) && statSync(pdf).size > 0) built.push({ source, pdf, docx });
      }
    }
  });

  it('builds the samples, the fidelity fixture and the buildable fixtures', () => {
    const names = built.map((entry) => path.relative(projectRoot, entry.source));
    expect(names.filter((name) => name.startsWith('content/'))).toHaveLength(6);
    expect(names).toContain('test/fixtures/fidelity/quotations-and-notes.md');
    expect(built.length).toBeGreaterThanOrEqual(15);
  });

  it('builds a .docx of each of them too', () => {
    expect(built.filter((entry) => !existsSync(entry.docx)).map((entry) => entry.source)).toEqual([]);
  });

  it.each(['pdf', 'docx'] as const)('holds for the %s of each of them', async (format) => {
    const failures: string[] = [];
    for (const entry of built) {
      const root = path.dirname(entry.source);
      const loaded = loadBriefing({ path: entry.source, root, relative: path.basename(entry.source), bytes: readFileSync(entry.source) }, root);
      const briefing = loaded.briefing!;
      const allowed = new Set([...templateWords, ...frontmatterVocabulary(briefing.frontmatter), ...toolWords.flatMap((line) => line.split(' '))]);
      for (const glossary of glossaryFilesFor(entry.source, projectRoot, projectRoot)) {
        for (const word of glossaryVocabulary(glossary)) allowed.add(word);
      }
      const printed = format === 'pdf' ? await readingText(entry.pdf) : await docxReadingText(entry.docx);
      const report = compareFidelity(authoredText(briefing.body), printed, allowed);
      const name = path.relative(projectRoot, entry.source);
      if (report.missing) failures.push(`${name}: "${report.missing.word}" after "${report.missing.before.join(' ')}" is not printed (printed there: ${report.missing.printedAfter.join(' ')})`);
      for (const quote of report.alteredQuotes) failures.push(`${name}: the quotation "${quote}" is not printed as written`);
      if (report.additions.length > 0) failures.push(`${name}: printed words that come from nowhere documented: ${report.additions.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });
});
