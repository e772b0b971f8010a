// `briefing build --format pdf,docx`: each briefing becomes a .docx beside its PDF, with the same
// cache, report and exit codes, and the .docx carries the memo's anatomy in Word's own terms,
// read back from its XML: banners in every header and footer with Page X of Y fields, footnotes,
// Word numbering, repeating table header rows, marking blocks, named styles, properties.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli, type CliResult } from '../support/cli.js';
import { docxFileNames, docxParts, docxReadingText, partText } from '../support/docx.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';

const fixtures = path.join(projectRoot, 'test/fixtures/docx');
const samples = path.join(projectRoot, 'content');

interface ReportEntry {
  source: string;
  output: string;
  status: string;
  sha256?: string;
  pages?: number;
}

describe('briefing build --format pdf,docx', () => {
  const out = tempFolder('briefing-docx-');
  let first: CliResult;
  let again: CliResult;
  let report: { summary: Record<string, number>; briefings: ReportEntry[]; browser?: string };
  let action: Map<string, string>;
  let japanese: Map<string, string>;
  const actionDocx = path.join(out, 'classified-action.docx');

  beforeAll(async () => {
    first = await runCli(['build', samples, fixtures, '--output-format', 'pdf,docx', '--out', out, '--report', path.join(out, 'report.json'), '--quiet']);
    report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    again = await runCli(['build', samples, fixtures, '--output-format', 'pdf,docx', '--out', out, '--json']);
    action = await docxParts(actionDocx);
    japanese = await docxParts(path.join(out, 'cui-japanese.docx'));
  });

  it('writes name.docx beside name.pdf for every briefing, each its own output in the report', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(report.summary.built).toBe(16);
    const outputs = report.briefings.map((entry) => path.relative(out, path.resolve(projectRoot, entry.output))).sort();
    expect(outputs.filter((name) => name.endsWith('.docx'))).toEqual(outputs.filter((name) => name.endsWith('.pdf')).map((name) => name.replace(/\.pdf$/, '.docx')));
    for (const entry of report.briefings) {
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      // A .docx has no pages until a word processor lays it out; a PDF has its count.
      if (entry.output.endsWith('.docx')) expect(entry.pages).toBeUndefined();
      else expect(entry.pages).toBeGreaterThan(0);
    }
    expect(existsSync(path.join(out, '2024-w31/trilateral-defense-moc.docx'))).toBe(true);
  });

  it('a second build takes every .docx and PDF from the cache', () => {
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as { summary: Record<string, number>; browser?: string };
    expect(second.summary).toEqual({ built: 0, cached: 16, failed: 0, removed: 0 });
    expect(second.browser).toBeUndefined();
  });

  it('puts the banner in the header and the footer of every page, with Page X of Y fields, DRAFT under the top banner', () => {
    const headers = [...action.keys()].filter((name) => /^word\/header\d+\.xml$/.test(name));
    const footers = [...action.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(headers).toHaveLength(2); // page 1 and the others (titlePg)
    expect(footers).toHaveLength(2);
    expect(action.get('word/document.xml')).toContain('<w:titlePg/>');
    for (const name of headers) {
      expect(partText(action.get(name)!).split('\n').slice(0, 2)).toEqual(['CONFIDENTIAL', 'DRAFT']);
      // DRAFT is a line of its own under the banner, never on the banner's colour band.
      expect(action.get(name)).toMatch(/<w:pStyle w:val="DraftLine"\/><\/w:pPr><w:r><w:rPr><w:rStyle w:val="DraftMark"\/><\/w:rPr><w:t[^>]*>DRAFT</);
    }
    for (const name of footers) {
      const xml = action.get(name)!;
      expect(partText(xml).split('\n').at(-1)).toBe('CONFIDENTIAL');
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(xml).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(partText(xml)).toContain('Page  of ');
    }
    // colour_bands: the Banner style is a band of the level's colour (SF 706–712 blue for
    // CONFIDENTIAL) with white text; a memo without it has black banners.
    const bannerStyle = (parts: Map<string, string>) => /<w:style [^>]*w:styleId="Banner">[\s\S]*?<\/w:style>/.exec(parts.get('word/styles.xml')!)![0];
    expect(bannerStyle(action)).toMatch(/<w:shd [^>]*w:fill="0033A0"/);
    expect(bannerStyle(action)).toMatch(/<w:color w:val="FFFFFF"\/>/);
    expect(bannerStyle(japanese)).not.toMatch(/<w:shd /);
    // The running header (short title, date) is on the pages after the first only.
    expect(headers.map((name) => partText(action.get(name)!).includes('July 31, 2024')).sort()).toEqual([false, true]);
  });

  it('makes notes Word footnotes in order of first reference, and a note cited again a NOTEREF to the first', () => {
    const footnotes = action.get('word/footnotes.xml')!;
    const notes = [...footnotes.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)].map((match) => [match[1], partText(match[2]!)]);
    expect(notes).toEqual([
      ['1', 'U.S. Department of Defense, “Joint Statement of the Security Consultative Committee.”'],
      ['2', '(U) A footnote of explanation, not a source.'],
    ]);
    const document = action.get('word/document.xml')!;
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((match) => match[1])).toEqual(['1', '2']);
    expect(document).toMatch(/<w:bookmarkStart w:name="_Note1" w:id="\d+"\/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/);
    expect(document).toMatch(/<w:instrText>NOTEREF _Note1 \\h<\/w:instrText>[\s\S]*?<w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:t[^>]*>1<\/w:t>/);
    // Bookmarks each have an id of their own.
    const ids = [...document.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('numbers paragraphs with Word numbering, continuing the memo\u2019s numbers, never typed numbers', () => {
    const document = action.get('word/document.xml')!;
    const numbering = action.get('word/numbering.xml')!;
    const numbered = [...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>[\s\S]*?<\/w:p>/g)];
    // Paragraphs 1-4 of the memo and the two bullets under the fourth.
    expect(numbered.map((match) => match[1])).toEqual(['0', '0', '0', '0', '1', '1']);
    expect(partText(document)).not.toMatch(/^\d+\. /m);
    // The third paragraph's list starts at 3, the fourth's at 4 (remark writes <ol start>).
    expect(numbering).toMatch(/<w:startOverride w:val="3"\/>/);
    expect(numbering).toMatch(/<w:startOverride w:val="4"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/);
  });

  it('repeats a table\u2019s header row on every page (w:tblHeader) and keeps its caption above it', () => {
    const document = action.get('word/document.xml')!;
    const table = document.slice(document.indexOf('Dialogue rounds'));
    expect(table).toMatch(/^[^]*?<w:tbl>[\s\S]*?<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>[\s\S]*?Round/);
    expect([...table.slice(0, table.indexOf('</w:tbl>')).matchAll(/<w:tblHeader\/>/g)]).toHaveLength(1);
    // A cross-reference links to the caption's bookmark.
    expect(document).toMatch(/<w:bookmarkStart w:name="ref_table_1"/);
    expect(document).toMatch(/<w:hyperlink [^>]*w:anchor="ref_table_1"[^>]*>[\s\S]*?Table 1/);
  });

  it('puts the authority block at the lower left and the CUI block at the lower right of page 1', () => {
    const document = action.get('word/document.xml')!;
    expect(document).toMatch(/<w:tblpPr [^>]*w:horzAnchor="margin" w:tblpXSpec="left" w:tblpYSpec="bottom" w:vertAnchor="margin"\/>[\s\S]*?Classified By:[\s\S]*?Reason:[\s\S]*?Declassify On:/);
    const cui = japanese.get('word/document.xml')!;
    expect(cui).toMatch(/<w:tblpPr [^>]*w:horzAnchor="margin" w:tblpXSpec="right" w:tblpYSpec="bottom" w:vertAnchor="margin"\/>[\s\S]*?Controlled by:[\s\S]*?CUI Category:[\s\S]*?OPSEC, PRVCY/);
    // Page 1's blocks come before the body, so they are anchored on page 1.
    expect(document.indexOf('Classified By:')).toBeLessThan(document.indexOf('Background'));
  });

  it('prints recommendations with Approve / Disapprove / Other lines, attachments, Drafted and Cleared', async () => {
    const text = partText(action.get('word/document.xml')!);
    expect(text).toContain('(U) That you approve the clearance copy.');
    expect(text).toContain('Approve ________Disapprove ________Other ________');
    expect(text).toContain('Decision needed by August 9, 2024');
    expect(text).toContain('Tab A – (U) Draft talking points');
    expect(text).toMatch(/Drafted: EAP\/J - A\. Analyst\nCleared:\nEAP\/J - B\. Director\nPM - K\. Officer/);
    const reading = await docxReadingText(actionDocx);
    expect(reading.indexOf('Bottom line:')).toBeLessThan(reading.indexOf('Background'));
    expect(reading.indexOf('Recommendation')).toBeLessThan(reading.indexOf('Attachments:'));
    expect(reading.indexOf('Sources')).toBeLessThan(reading.indexOf('Drafted:'));
  });

  it('embeds the image the transform allowed, and links nothing outside the package but web addresses', async () => {
    const names = await docxFileNames(actionDocx);
    expect(names.filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    const external = [...action.values()].flatMap((xml) => [...xml.matchAll(/<Relationship [^>]*TargetMode="External"[^>]*>/g)].map((match) => match[0]));
    expect(external.length).toBeGreaterThan(0);
    for (const relationship of external) {
      expect(relationship).toMatch(/relationships\/hyperlink"/);
      expect(relationship).toMatch(/Target="https:\/\//);
    }
  });

  it('sets an East Asian font for Japanese runs, and the Japanese text reads as written', async () => {
    const styles = japanese.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Yu Mincho" w:hAnsi="Times New Roman"\/>/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    const text = await docxReadingText(path.join(out, 'cui-japanese.docx'));
    expect(text).toContain('2024年7月29日');
    expect(text).toContain('(CUI) 東京で開かれた会合で、閣僚は「拡大抑止」について協議した。');
  });

  it('names a style for every paragraph and run instead of formatting them directly', () => {
    const document = action.get('word/document.xml')!;
    const styles = action.get('word/styles.xml')!;
    const defined = new Set([...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"/g)].map((match) => match[1]));
    const used = new Set([...document.matchAll(/<w:(?:pStyle|rStyle) w:val="([^"]+)"\/>/g)].map((match) => match[1]));
    expect([...used].filter((style) => !defined.has(style))).toEqual([]);
    for (const style of ['Heading1', 'BodyText', 'Bluf', 'MemoSubject', 'PortionMark', 'Recommendation', 'DecisionLines', 'Bibliography', 'Clearance', 'AuthorityBlock', 'Caption', 'TableHeading']) expect(used).toContain(style);
    // No bold, italics, size or font set on a run of the body itself.
    const body = document.slice(document.indexOf('<w:body>'));
    expect(body).not.toMatch(/<w:rPr>(?:(?!<\/w:rPr>).)*<w:(?:b|i|sz|rFonts)\b/);
    // Headings are Word's heading styles.
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:rPr><w:rStyle w:val="PortionMark"\/><\/w:rPr><w:t[^>]*>\(U\)<\/w:t><\/w:r><w:r><w:t[^>]*> Background/);
  });

  it('maps each house style onto the named styles: DoD centres the memo kind, the think tank colours it', async () => {
    const style = (styles: string, id: string) => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^]*?</w:style>`))?.[0] ?? '';
    const state = action.get('word/styles.xml')!;
    const dod = (await docxParts(path.join(out, '2024-w31/trilateral-framework-dod-info-memo.docx'))).get('word/styles.xml')!;
    const thinkTank = (await docxParts(path.join(out, '2024-w31/alliance-command-policy-brief.docx'))).get('word/styles.xml')!;
    expect(style(state, 'MemoFor')).not.toContain('<w:jc w:val="center"/>');
    expect(style(dod, 'MemoFor')).toContain('<w:jc w:val="center"/>');
    expect(style(thinkTank, 'BriefKind')).toContain('<w:color w:val="00617F"/>');
    expect(style(state, 'BriefKind')).not.toContain('<w:color');
  });

  it('carries the title, author, subject, keywords, memo id and commit as document properties', () => {
    const core = action.get('docProps/core.xml')!;
    const custom = action.get('docProps/custom.xml')!;
    expect(core).toContain('<dc:title>(C) Word output anatomy for the clearance copy</dc:title>');
    expect(core).toContain('<dc:creator>A. Analyst, Office of Japanese Affairs (EAP/J)</dc:creator>');
    expect(core).toContain('<dc:subject>(U) The clearance copy carries the memo&apos;s markings, notes and numbering.</dc:subject>');
    expect(core).toMatch(/<cp:keywords>DOCX-2024-W31-001, CONFIDENTIAL<\/cp:keywords>/);
    expect(custom).toMatch(/name="BriefingId"><vt:lpwstr>DOCX-2024-W31-001<\/vt:lpwstr>/);
    expect(custom).toMatch(/name="BriefingSource"><vt:lpwstr>classified-action\.md<\/vt:lpwstr>/);
    expect(custom).toMatch(/name="BriefingTool"><vt:lpwstr>briefing \d+\.\d+\.\d+<\/vt:lpwstr>/);
  });
});

describe('briefing build --format docx alone', () => {
  it('needs no browser, and gives the same bytes on a rebuild, dated by SOURCE_DATE_EPOCH', async () => {
    const folder = writeTree({ 'content/memo.md': memo({ body: '## Background\n\n1. The ministers met in Tokyo.[^1]\n\n[^1]: In July.\n' }) });
    const env = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome', PATH: '/usr/bin:/bin', SOURCE_DATE_EPOCH: '1722211200' };
    const built = await runCli(['build', 'content', '--output-format', 'docx', '--out', 'out', '--json'], { cwd: folder, env });
    expect(built.code, built.stderr).toBe(0);
    const reportOf = (result: CliResult) => JSON.parse(result.stdout) as { briefings: ReportEntry[]; browser?: string };
    expect(reportOf(built).browser).toBeUndefined();
    const bytes = readFileSync(path.join(folder, 'out/memo.docx'));
    expect(existsSync(path.join(folder, 'out/memo.pdf'))).toBe(false);
    const forced = await runCli(['build', 'content', '--output-format', 'docx', '--out', 'out', '--force', '--json'], { cwd: folder, env });
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(folder, 'out/memo.docx')).equals(bytes)).toBe(true);
    const core = (await docxParts(path.join(folder, 'out/memo.docx'))).get('docProps/core.xml')!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-07-29T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-07-29T00:00:00Z</dcterms:modified>');
  });

  it('routes a memo as the PDF does: THROUGH: in the heading table, cc: and Distribution: lines, IN CLEARANCE under the top banner', async () => {
    const extra = 'status: in-clearance\nthrough: [The Deputy Secretary]\ncc: [EAP/J]\ndistribution: [S/P, INR]\n';
    const folder = writeTree({ 'content/memo.md': memo({ extra }) });
    const built = await runCli(['build', 'content', '--output-format', 'docx', '--out', 'out', '--quiet'], { cwd: folder });
    expect(built.code, built.stderr).toBe(0);
    const parts = await docxParts(path.join(folder, 'out/memo.docx'));
    const text = await docxReadingText(path.join(folder, 'out/memo.docx'));
    expect(text).toMatch(/INFORMATION MEMO FOR SECRETARY\s+THROUGH:\s+The Deputy Secretary\s+FROM:/);
    expect(text).toMatch(/cc:\s+EAP\/J\s+Distribution:\s+S\/P\s+INR/);
    const headers = [...parts.entries()].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => partText(xml));
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(header).toContain('IN CLEARANCE');
    expect(headers.join(' ')).not.toContain('DRAFT');
  });

  it('shows an SVG image\u2019s description in the .docx, with a warning at its line that says what to do', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="red"/></svg>';
    const folder = writeTree({ 'content/memo.md': memo({ body: '## Background\n\n![Map of the region](map.svg)\n' }), 'content/map.svg': svg });
    const built = await runCli(['build', 'content', '--output-format', 'docx', '--out', 'out', '--json'], { cwd: folder });
    expect(built.code, built.stderr).toBe(0);
    const entry = (JSON.parse(built.stdout) as { briefings: (ReportEntry & { diagnostics: { line: number; column: number; severity: string; rule: string; message: string }[] })[] }).briefings[0]!;
    expect(entry.status).toBe('built');
    expect(entry.diagnostics).toContainEqual(expect.objectContaining({ line: 14, column: 1, severity: 'warning', rule: 'docx-image' }));
    expect(entry.diagnostics.find((message) => message.rule === 'docx-image')!.message).toContain('save a PNG copy to embed it in Word');
    expect(await docxReadingText(path.join(folder, 'out/memo.docx'))).toContain('[Map of the region]');
    expect((await docxFileNames(path.join(folder, 'out/memo.docx'))).filter((name) => name.startsWith('word/media/'))).toEqual([]);
  });

  it('keeps each output in the manifest on its own: a .docx added to a built PDF starts no browser; a deleted source takes both', async () => {
    const folder = writeTree({ 'content/memo.md': memo(), 'content/other.md': memo({ id: 'TEST-002' }) });
    const reportOf = (result: CliResult) => JSON.parse(result.stdout) as { briefings: ReportEntry[]; browser?: string };
    const statuses = (result: CliResult) => Object.fromEntries(reportOf(result).briefings.map((entry) => [path.basename(entry.output), entry.status]));
    expect((await runCli(['build', 'content', '--out', 'out', '--json'], { cwd: folder })).code).toBe(0);
    const both = await runCli(['build', 'content', '--output-format', 'pdf,docx', '--out', 'out', '--json'], { cwd: folder });
    expect(statuses(both)).toEqual({ 'memo.pdf': 'cached', 'memo.docx': 'built', 'other.pdf': 'cached', 'other.docx': 'built' });
    expect(reportOf(both).browser).toBeUndefined();
    rmSync(path.join(folder, 'content/memo.md'));
    const removed = await runCli(['build', 'content', '--output-format', 'pdf,docx', '--out', 'out', '--json'], { cwd: folder });
    expect(statuses(removed)).toEqual({ 'memo.pdf': 'removed', 'memo.docx': 'removed', 'other.pdf': 'cached', 'other.docx': 'cached' });
    expect(existsSync(path.join(folder, 'out/memo.docx'))).toBe(false);
    expect(existsSync(path.join(folder, 'out/other.docx'))).toBe(true);
  });

  it('refuses an unknown format as a usage error (exit 2)', async () => {
    const result = await runCli(['build', 'content', '--output-format', 'pdf,odt', '--out', tempFolder()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"odt" is not a format build writes; use pdf, docx or pdf,docx');
  });

  it('a briefing with errors fails with its positioned messages, once, and no .docx is written', async () => {
    const folder = writeTree({ 'content/memo.md': memo({ body: '## Background\n\n![Map](https://example.org/map.png)\n' }) });
    const result = await runCli(['build', 'content', '--output-format', 'pdf,docx', '--out', 'out'], { cwd: folder });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.includes('image-path'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/content\/memo\.md:14:1 +error +image "https:\/\/example\.org\/map\.png" is on the network/);
    expect(result.stdout).toContain('built 0, failed 2');
    expect(existsSync(path.join(folder, 'out/memo.docx'))).toBe(false);
    expect(existsSync(path.join(folder, 'out/memo.pdf'))).toBe(false);
  });
});
