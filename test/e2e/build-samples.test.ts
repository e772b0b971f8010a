// The sample briefings build into real PDFs; read them back as a reader would.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli, type CliResult } from '../support/cli.js';
import { tempFolder } from '../support/fixtures.js';
import { readInfoEntry, readPdf, type PdfReading } from '../support/pdf.js';

describe('briefing build on the samples', () => {
  const out = tempFolder('briefing-samples-');
  let result: CliResult;
  let memo: PdfReading;
  const memoPdf = path.join(out, '2024-w31/us-japan-2plus2-extended-deterrence.pdf');

  beforeAll(async () => {
    result = await runCli(['build', 'content', '--out', out]);
    memo = await readPdf(memoPdf);
  });

  it('builds every sample, mirroring the content tree, and says so in a summary line', () => {
    // The only messages: two samples run to three pages, which a memo to a principal should not.
    for (const line of result.stderr.split('\n').filter(Boolean)) {
      expect(line).toMatch(/^content\/2024-w31\/\S+\.md:\d+:1 {2}warning {2}the (information|action) memo runs to 3 pages; .* {2}memo-length$/);
    }
    expect(result.code).toBe(0);
    const built = readdirSync(path.join(out, '2024-w31')).filter((name) => name.endsWith('.pdf'));
    const sources = readdirSync(path.join(projectRoot, 'content/2024-w31')).filter((name) => name.endsWith('.md'));
    expect(built.sort()).toEqual(sources.map((name) => name.replace(/\.md$/, '.pdf')).sort());
    expect(result.stdout).toMatch(new RegExp(`^built ${sources.length}, failed 0, in \\d+\\.\\d s$`, 'm'));
  });

  it('carries the banner at top and bottom and "Page X of Y" on every page', () => {
    expect(memo.pages.length).toBeGreaterThan(1);
    memo.pages.forEach((text, index) => {
      expect(text.match(/UNCLASSIFIED/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Page ${index + 1} of ${memo.pages.length}`);
    });
  });

  it('prints the memo anatomy, the body, the table and the Japanese line as real text', () => {
    const all = memo.pages.join('\n');
    expect(all).toContain('INFORMATION MEMO FOR THE SECRETARY');
    expect(all).toContain('FROM:');
    expect(all).toContain('SUBJECT:');
    expect(all).toContain('July 29, 2024');
    expect(all).toMatch(/Bottom line:/);
    expect(all).toContain('日米安全保障協議委員会');
    expect(all).toContain('上川陽子');
    expect(all).toContain('Drafted:');
    expect(all).toContain('Sources');
  });

  it('is tagged, with its language, metadata and provenance', async () => {
    expect(memo.tagged).toBe(true);
    expect(memo.structureRoles).toEqual(expect.arrayContaining(['H1', 'H2', 'P', 'Table']));
    expect(memo.lang).toBe('en-US');
    expect(memo.info.Title).toBe('U.S.-Japan 2+2 in Tokyo commits to strengthen extended deterrence');
    expect(memo.info.Author).toContain('A. Analyst');
    expect(String(memo.info.Subject)).toContain('extended deterrence');
    expect(String(memo.info.Keywords)).toContain('EAP-2024-W31-001');
    expect(String(memo.info.Keywords)).toContain('extended-deterrence');
    expect(await readInfoEntry(memoPdf, 'BriefingId')).toBe('EAP-2024-W31-001');
    expect(await readInfoEntry(memoPdf, 'BriefingSource')).toBe('2024-w31/us-japan-2plus2-extended-deterrence.md');
  });

  it('has an outline built from the headings', () => {
    const [top] = memo.outline;
    expect(top?.title).toBe('U.S.-Japan 2+2 in Tokyo commits to strengthen extended deterrence');
    const titles = memo.outline.flatMap((entry) => [entry.title, ...entry.children.map((child) => child.title)]);
    expect(titles).toEqual(expect.arrayContaining(['Background', 'Discussion', 'Outlook', 'Sources']));
  });
});
