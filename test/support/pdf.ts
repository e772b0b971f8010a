// Reads a printed PDF back the way a person or a screen reader would: text per page (pdf.js),
// the outline, the document information, the structure tree.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  children: OutlineEntry[];
  /** 1-based page the entry points to. */
  page?: number;
}

export interface PdfReading {
  pages: string[];
  outline: OutlineEntry[];
  info: Record<string, unknown>;
  tagged: boolean;
  lang?: string;
  /** Top-level structure element types (Document, H1, P...) in the tag tree. */
  structureRoles: string[];
  /** For each page, the 1-based pages its links point to. */
  linkTargets: number[][];
}

type PdfJsDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

async function destinationPage(pdf: PdfJsDocument, dest: unknown): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[] | null);
  const ref = explicit?.[0];
  if (!ref || typeof ref !== 'object') return undefined;
  return (await pdf.getPageIndex(ref as never)) + 1;
}

async function readOutline(pdf: PdfJsDocument, items: Awaited<ReturnType<PdfJsDocument['getOutline']>> | undefined): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = [];
  for (const item of items ?? []) {
    entries.push({ title: item.title, page: await destinationPage(pdf, item.dest), children: await readOutline(pdf, item.items) });
  }
  return entries;
}

function collectRoles(node: { role?: string; children?: unknown[] } | null, roles: string[]): void {
  if (!node) return;
  if (node.role) roles.push(node.role);
  for (const child of node.children ?? []) collectRoles(child as never, roles);
}

export async function readPdf(source: string | Uint8Array): Promise<PdfReading> {
  const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source;
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const structureRoles: string[] = [];
  const linkTargets: number[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
    collectRoles((await page.getStructTree()) as never, structureRoles);
    const targets: number[] = [];
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype === 'Link' && annotation.dest) {
        const target = await destinationPage(pdf, annotation.dest);
        if (target) targets.push(target);
      }
    }
    linkTargets.push(targets);
  }
  const outline = await readOutline(pdf, await pdf.getOutline());
  const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = document.catalog;
  const tagged = catalog.get(PDFName.of('StructTreeRoot')) !== undefined && catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict) !== undefined;
  const lang = catalog.get(PDFName.of('Lang'))?.toString().replace(/^\(|\)$/g, '');
  await pdf.destroy();
  return { pages, outline, info, tagged, lang, structureRoles, linkTargets };
}

/** Custom (provenance) entries of the document information dictionary, read with pdf-lib. */
export async function readInfoEntry(source: string | Uint8Array, key: string): Promise<string | undefined> {
  const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source;
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
  const value = info.get(PDFName.of(key));
  if (!value) return undefined;
  return 'decodeText' in value ? (value as unknown as { decodeText(): string }).decodeText() : value.toString();
}

/**
 * The text a reader of the document gets, page after page: tagged content only. Page furniture
 * (banners, running heads, page numbers, watermarks) is an artifact or outside any marked
 * content, so it is left out; lines end in "\n".
 */
export async function readingText(source: string | Uint8Array): Promise<string> {
  const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source;
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push((item as { tag?: string }).tag ?? ''); // pdf.js sets it, its types omit it
        else if (item.type === 'endMarkedContent') open.pop();
        continue;
      }
      if (open.length === 0 || open.includes('Artifact')) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    text += '\n';
  }
  await pdf.destroy();
  return text;
}
