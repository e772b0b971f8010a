// Reading a .docx back the way its readers do: its XML parts (jszip), its text in reading order
// with the notes after the body (mammoth, as a word processor's "save as text" would), and the
// PDF a real office suite makes of it (LibreOffice, headless, all files in one call).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { tempFolder } from './fixtures.js';

/** Every XML part of the package, by name (`word/document.xml`, `word/footnotes.xml`…). */
export async function docxParts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) parts.set(name, await zip.file(name)!.async('string'));
  return parts;
}

/** The names of the package's files (media included). */
export async function docxFileNames(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
}

/** The text of a part: its w:t runs, paragraph by paragraph. */
export function partText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1]!)).join(''))
    .filter((line) => line !== '')
    .join('\n');
}

const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The reading text as mammoth gives it: body, then the notes (one block a line). */
export async function docxReadingText(file: string): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: readFileSync(file) });
  return decodeXml(
    value
      .replace(/<(\/p|\/h\d|\/li|br ?\/?|\/td|\/th|\/tr)>/g, '\n')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16))),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n');
}

const run = promisify(execFile);

/**
 * Converts .docx files to PDF with LibreOffice in one call (its start-up is most of the time),
 * with a profile of its own so that it never meets a user's or another test's. Returns the PDFs
 * by the .docx they came from; a file LibreOffice could not open has none.
 */
export async function libreOfficePdfs(files: string[]): Promise<Map<string, string>> {
  const profile = tempFolder('briefing-soffice-profile-');
  const out = tempFolder('briefing-soffice-out-');
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files], { timeout: 110_000 });
  const pdfs = new Map<string, string>();
  for (const file of files) pdfs.set(file, path.join(out, `${path.basename(file, '.docx')}.pdf`));
  return pdfs;
}
