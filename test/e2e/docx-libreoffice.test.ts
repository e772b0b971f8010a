// Every sample and Word fixture opened in a real office suite: LibreOffice (bin/setup installs
// Debian's libreoffice-writer-nogui) converts each .docx to PDF headlessly, all in one call, and
// the PDF it lays out is read back: a .docx it cannot open has no PDF and fails here. Its pages
// carry the banner at top and bottom, "Page X of Y" with Word's fields filled in, the memo's
// heading and body, and about as many pages as the memo's own PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli.js';
import { libreOfficePdfs } from '../support/docx.js';
import { tempFolder } from '../support/fixtures.js';
import { readPdf, type PdfReading } from '../support/pdf.js';

const hasLibreOffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

interface Opened {
  docx: string;
  /** Pages of the memo's own PDF (Chromium). */
  pdfPages: number;
  reading?: PdfReading;
}

describe('every .docx opens in LibreOffice with the memo on its pages', () => {
  const out = tempFolder('briefing-docx-office-');
  const opened: Opened[] = [];

  beforeAll(async () => {
    if (!hasLibreOffice) return;
    const built = await runCli(['build', 'content', 'test/fixtures/docx', '--output-format', 'pdf,docx', '--out', out, '--json']);
    const report = JSON.parse(built.stdout) as { briefings: { output: string; pages?: number }[] };
    const pages = new Map(report.briefings.map((entry) => [path.resolve(projectRoot, entry.output), entry.pages ?? 0]));
    const docxFiles = [...pages.keys()].filter((file) => file.endsWith('.docx')).sort();
    const pdfs = await libreOfficePdfs(docxFiles);
    for (const docx of docxFiles) {
      const entry: Opened = { docx, pdfPages: pages.get(docx.replace(/\.docx$/, '.pdf')) ?? 0 };
      try {
        entry.reading = await readPdf(new Uint8Array(readFileSync(pdfs.get(docx)!)));
      } catch {
        // No PDF: LibreOffice could not open the .docx (checked below).
      }
      opened.push(entry);
    }
  });

  it('LibreOffice is installed (bin/setup installs libreoffice-writer-nogui)', () => {
    expect(hasLibreOffice, 'soffice not found: run bin/setup, or apt-get install libreoffice-writer-nogui').toBe(true);
  });

  it('opens the six samples and the Word fixtures', () => {
    expect(opened.map((entry) => path.basename(entry.docx)).sort()).toEqual([
      'alliance-command-policy-brief.docx',
      'classified-action.docx',
      'cui-japanese.docx',
      'extended-deterrence-dialogue-action.docx',
      'north-korea-missile-portion-marked.docx',
      'trilateral-defense-moc.docx',
      'trilateral-framework-dod-info-memo.docx',
      'us-japan-2plus2-extended-deterrence.docx',
    ]);
    for (const entry of opened) expect(entry.reading, `${path.basename(entry.docx)}: LibreOffice made no PDF of it`).toBeDefined();
  });

  it('lays each out on about as many pages as its own PDF, every page with banners and its number as the house prints it', () => {
    for (const entry of opened) {
      const name = path.basename(entry.docx);
      const pages = entry.reading!.pages;
      expect(pages.length, name).toBeGreaterThanOrEqual(Math.max(1, entry.pdfPages - 1));
      expect(pages.length, name).toBeLessThanOrEqual(entry.pdfPages + 1);
      const banner = name === 'classified-action.docx' ? 'CONFIDENTIAL' : name === 'cui-japanese.docx' ? 'CUI' : 'UNCLASSIFIED';
      pages.forEach((text, index) => {
        const page = text.replace(/\s+/g, ' ').trim();
        // Top and bottom (pdf.js reads page 1's floating marking blocks after the footer).
        expect(page.startsWith(banner), `${name} page ${index + 1} starts with its banner: ${page.slice(0, 60)}`).toBe(true);
        expect(page.split(banner).length - 1, `${name} page ${index + 1} has its banner twice`).toBeGreaterThanOrEqual(2);
        // The house styles number pages their way: DoD by the number alone from page 2, the
        // think tank (the policy brief's style) by the number alone, State "Page X of Y".
        if (name.includes('-dod-') || name.includes('policy-brief')) {
          if (index > 0 || !name.includes('-dod-')) expect(page, name).toMatch(new RegExp(`(^|\\s)${index + 1}\\s+${banner}\\s*$`));
          expect(page, name).not.toMatch(/Page \d+ of/);
        } else expect(page, name).toContain(`Page ${index + 1} of ${pages.length}`);
      });
    }
  });

  it('shows the heading, the body and the clearance in reading order', () => {
    const action = opened.find((entry) => entry.docx.endsWith('extended-deterrence-dialogue-action.docx'))!;
    const text = action.reading!.pages.join('\n').replace(/\s+/g, ' ');
    const order = ['ACTION MEMO FOR THE SECRETARY', 'FROM:', 'SUBJECT:', 'Bottom line:', 'Issue for Decision', 'Recommendations', 'Approve', 'Disapprove', 'Other', 'Attachments:', 'Sources', 'Drafted:', 'Cleared:'];
    const places = order.map((words) => text.indexOf(words));
    expect(places.every((place) => place >= 0), JSON.stringify(Object.fromEntries(order.map((words, index) => [words, places[index]])))).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
    const japanese = opened.find((entry) => entry.docx.endsWith('cui-japanese.docx'))!;
    // pdf.js puts spaces between runs of Japanese and Latin text; the words are the same.
    const japaneseText = japanese.reading!.pages.join('\n');
    expect(japaneseText.replace(/\s+/g, '')).toContain('2024年7月29日');
    expect(japaneseText.replace(/\s+/g, '')).toContain('東京で開かれた会合で、閣僚は「拡大抑止」について協議した。');
    expect(japaneseText).toMatch(/Controlled by: EAP\/J/);
  });
});
