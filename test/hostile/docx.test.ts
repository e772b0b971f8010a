// The hostile corpus built to Word: every briefing of test/fixtures/bad has the same outcome as a
// .docx as it has as a PDF (built, or failed with the same messages and nothing written), and
// what is built carries nothing it may not: no raw HTML, no image from the network or outside
// the content folder, no relationship to anything but web addresses for links.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli.js';
import { docxFileNames, docxParts, docxReadingText } from '../support/docx.js';
import { tempFolder } from '../support/fixtures.js';

interface ReportEntry {
  source: string;
  output: string;
  status: string;
  diagnostics: { line: number | null; column: number | null; severity: string; rule: string | null; message: string }[];
}

describe('the bad-input corpus built to .docx', () => {
  const out = tempFolder('briefing-bad-docx-');
  let entries: ReportEntry[] = [];

  beforeAll(async () => {
    // A copy in which each briefing has an id of its own: in one folder, the corpus's shared
    // BAD-001 would fail them all as duplicates before anything else is looked at.
    const corpus = tempFolder('briefing-bad-corpus-');
    cpSync(path.join(projectRoot, 'test/fixtures/bad'), corpus, { recursive: true });
    readdirSync(corpus)
      .filter((name) => name.endsWith('.md'))
      .forEach((name, index) => {
        const file = path.join(corpus, name);
        const bytes = readFileSync(file).toString('latin1');
        if (bytes.includes('\nid: BAD-001\n')) writeFileSync(file, Buffer.from(bytes.replace('\nid: BAD-001\n', `\nid: BAD-${1000 + index}\n`), 'latin1'));
      });
    const result = await runCli(['build', corpus, '--output-format', 'pdf,docx', '--out', out, '--json']);
    entries = (JSON.parse(result.stdout) as { briefings: ReportEntry[] }).briefings;
  });

  it('gives each briefing the same outcome and the same messages as a .docx as as a PDF', () => {
    const sources = [...new Set(entries.map((entry) => entry.source))];
    expect(sources.length).toBeGreaterThanOrEqual(40);
    for (const source of sources) {
      const pdf = entries.find((entry) => entry.source === source && entry.output.endsWith('.pdf'));
      const docx = entries.find((entry) => entry.source === source && entry.output.endsWith('.docx'));
      expect(docx, source).toBeDefined();
      expect(docx!.status, source).toBe(pdf!.status);
      expect(docx!.diagnostics, source).toEqual(pdf!.diagnostics);
    }
    expect(entries.filter((entry) => entry.status === 'failed').length).toBeGreaterThan(30);
  });

  it('writes no .docx for a briefing that failed', () => {
    for (const entry of entries.filter((candidate) => candidate.status === 'failed')) expect(existsSync(path.resolve(projectRoot, entry.output)), entry.output).toBe(false);
  });

  it('carries no raw HTML, and no image or relationship that leads out of the package but web links', async () => {
    const built = entries.filter((entry) => entry.status === 'built' && entry.output.endsWith('.docx'));
    expect(built.length).toBeGreaterThan(0);
    for (const entry of built) {
      const file = path.resolve(projectRoot, entry.output);
      const text = await docxReadingText(file);
      expect(text, entry.source).not.toMatch(/<script|alert\(1\)|<iframe|onerror/i);
      for (const [name, xml] of await docxParts(file)) {
        for (const relationship of xml.matchAll(/<Relationship [^>]*>/g)) {
          if (!/TargetMode="External"/.test(relationship[0])) continue;
          expect(relationship[0], `${entry.source} ${name}`).toMatch(/relationships\/hyperlink" Target="https:\/\//);
        }
      }
      expect((await docxFileNames(file)).filter((name) => name.startsWith('word/media/')), entry.source).toEqual([]);
    }
  });

  it('refuses the images the PDF refuses, at the same place', () => {
    for (const name of ['image-remote.md', 'image-climbing-out.md', 'image-absolute.md', 'image-file-url.md', 'image-data-uri.md']) {
      const docx = entries.find((entry) => entry.source.endsWith(name) && entry.output.endsWith('.docx'))!;
      expect(docx.status, name).toBe('failed');
      expect(docx.diagnostics.some((message) => message.severity === 'error' && message.rule === 'image-path'), name).toBe(true);
    }
  });
});
