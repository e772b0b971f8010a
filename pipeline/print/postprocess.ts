// The PDF post-pass (pdf-lib): metadata, provenance and reproducibility. Chromium writes the
// print time into the PDF and names tagged elements after DOM node counters that keep growing
// on a reused page; both are rewritten here so the same inputs give byte-identical files.
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFObject,
  PDFRawStream,
  PDFString,
  ParseSpeeds,
} from 'pdf-lib';
import type { MarkedChange } from '../change-marks.js';
import { toolVersion } from '../project.js';
import type { PdfMetadata, PdfResult, RenderedDocument } from '../types.js';
import { tagChanges } from './change-tags.js';
import { makeAccessible } from './pdfua/index.js';
import { removeRunningHeaders, type PageWithoutHeader } from './running-header.js';
import { stampWatermarks, type PageWatermark } from './watermark.js';

const nodeIdPattern = /^node(\d+)$/;

/** Visits every string in the document's objects (dicts and arrays, not stream data). */
function eachString(root: PDFObject, visit: (value: PDFString | PDFHexString, replace: (next: PDFString) => void) => void): void {
  const seen = new Set<PDFObject>();
  const walk = (object: PDFObject, replace: (next: PDFObject) => void) => {
    if (object instanceof PDFString || object instanceof PDFHexString) {
      visit(object, replace);
      return;
    }
    if (seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFDict || object instanceof PDFRawStream) {
      const dict = object instanceof PDFRawStream ? object.dict : object;
      for (const [key, value] of dict.entries()) walk(value, (next) => dict.set(key, next));
    } else if (object instanceof PDFArray) {
      for (let index = 0; index < object.size(); index++) walk(object.get(index), (next) => object.set(index, next));
    }
  };
  walk(root, () => undefined);
}

/**
 * Chromium's tagged PDFs name structure elements `node<DOM node id>`; on a reused page those
 * ids depend on how many documents the page printed before. Renumber them in their original
 * order, so the names (and the sorted IDTree) depend only on this document.
 */
export function renumberStructureIds(pdf: PDFDocument): void {
  const found = new Set<number>();
  const objects = pdf.context.enumerateIndirectObjects().map(([, object]) => object);
  for (const object of objects) {
    eachString(object, (value) => {
      const match = nodeIdPattern.exec(value.decodeText());
      if (match) found.add(Number(match[1]));
    });
  }
  if (found.size === 0) return;
  const order = [...found].sort((a, b) => a - b);
  const width = String(order.length).length;
  const renamed = new Map(order.map((original, index) => [original, `node${String(index + 1).padStart(Math.max(8, width), '0')}`]));
  for (const object of objects) {
    eachString(object, (value, replace) => {
      const match = nodeIdPattern.exec(value.decodeText());
      if (match) replace(PDFString.of(renamed.get(Number(match[1]))!));
    });
  }
}

/**
 * Chromium builds the outline from the headings as laid out, and joins the lines of a heading
 * that wraps without a space ("defensecooperation"). Put back the heading's own text wherever
 * an outline entry is that text with its spaces lost.
 */
export function repairOutlineTitles(pdf: PDFDocument, headingTexts: string[]): void {
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const byShape = new Map(headingTexts.map((text) => [squeeze(text), text.replace(/\s+/g, ' ').trim()]));
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined, depth: number) => {
    for (let entry = item; entry && depth < 64; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = entry.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const current = title.decodeText();
        const proper = byShape.get(squeeze(current));
        if (proper && proper !== current) entry.set(PDFName.of('Title'), PDFHexString.fromText(proper));
      }
      visit(entry.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
}

const producerFor = (creator: string) => `${creator} (Chromium, pdf-lib)`;

function setInfo(pdf: PDFDocument, metadata: PdfMetadata, creator: string): void {
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  pdf.setAuthor(metadata.author);
  pdf.setSubject(metadata.subject);
  pdf.setKeywords(metadata.keywords);
  pdf.setCreator(creator);
  pdf.setProducer(producerFor(creator));
  pdf.setCreationDate(metadata.date);
  pdf.setModificationDate(metadata.date);
  pdf.setLanguage(metadata.lang);
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
  for (const [key, value] of Object.entries(metadata.provenance)) {
    info.set(PDFName.of(key), PDFHexString.fromText(value));
  }
}

/** Chromium's output without what differs from one print of the same document to the next. */
export function stableChromiumBytes(bytes: Uint8Array): Buffer {
  return Buffer.from(
    Buffer.from(bytes)
      .toString('latin1')
      .replace(/\/(CreationDate|ModDate) \([^)]*\)/g, '/$1 ()')
      .replace(/node\d{8,}/g, 'node'),
    'latin1',
  );
}

export interface FinishOptions {
  metadata: PdfMetadata;
  /** Written as the PDF's Creator, e.g. `briefing 0.1.0`. */
  creator: string;
  /** The headings' own texts, to mend outline entries of headings that wrapped. */
  headingTexts?: string[];
  /** Watermarks drawn on given pages (a draft memo inside a book). */
  watermarks?: PageWatermark[];
  /** Open with the bookmarks panel shown (PageMode UseOutlines): a book is read by its outline. */
  showOutline?: boolean;
  /** Page 1's header lines that a screen reader should hear once (the banner, DRAFT). */
  pageOneLines?: string[];
  /** Pages that print without their running header (a memo's first page in a book). */
  withoutRunningHeader?: PageWithoutHeader[];
  /** What each internal link leads to, by target id: the links' descriptions. */
  linkTargets?: Record<string, string>;
  /** A redline's insertions and deletions, by the number their elements carry (change-marks.ts). */
  changes?: MarkedChange[];
}

/** Chromium bytes → the final PDF: metadata, provenance, stable ids, PDF/UA, a content-derived /ID. */
export async function finishPdf(chromiumBytes: Uint8Array, options: FinishOptions): Promise<PdfResult> {
  // pdf-lib yields to the event loop (a timer) every 100 objects when parsing and every 50 when
  // saving, and a tagged memo has thousands: that made the post-pass ~60% waiting. It is ~15 ms
  // of work a memo; do it in one go.
  const pdf = await PDFDocument.load(chromiumBytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  renumberStructureIds(pdf);
  repairOutlineTitles(pdf, options.headingTexts ?? []);
  setInfo(pdf, options.metadata, options.creator);
  removeRunningHeaders(pdf, options.withoutRunningHeader ?? []);
  tagChanges(pdf, options.changes ?? []);
  makeAccessible(pdf, {
    metadata: options.metadata,
    creator: options.creator,
    producer: producerFor(options.creator),
    pageOneLines: options.pageOneLines,
    linkTargets: options.linkTargets,
  });
  await stampWatermarks(pdf, options.watermarks ?? []);
  if (options.showOutline) pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  // The file identifier is a hash of the content (PDF 14.4), not random: Chromium's bytes with
  // the only parts that vary between prints (print time, DOM node counters) blanked out, plus
  // the metadata written here. One hash instead of saving the document twice.
  const digest = createHash('sha256')
    .update(stableChromiumBytes(chromiumBytes))
    .update(JSON.stringify({ ...options.metadata, date: options.metadata.date.toISOString() }))
    .update(options.creator)
    .update(JSON.stringify(options.headingTexts ?? []))
    .update(JSON.stringify(options.watermarks ?? []))
    .update(options.showOutline ? 'UseOutlines' : '')
    .update(JSON.stringify([options.pageOneLines ?? [], options.linkTargets ?? {}]))
    .update(JSON.stringify(options.withoutRunningHeader ?? []))
    .update(JSON.stringify(options.changes ?? []))
    .digest('hex')
    .slice(0, 32);
  const id = PDFHexString.of(digest);
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  const bytes = await pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes, pages: pdf.getPageCount() };
}

/** A rendered document's Chromium bytes → its final PDF: everything the post-pass needs comes with the document. */
export function finishDocument(chromiumBytes: Uint8Array, document: RenderedDocument, extra: Pick<FinishOptions, 'watermarks' | 'showOutline' | 'withoutRunningHeader'> = {}): Promise<PdfResult> {
  return finishPdf(chromiumBytes, {
    metadata: document.metadata,
    creator: `briefing ${toolVersion}`,
    headingTexts: document.headingTexts,
    pageOneLines: document.pageOneLines,
    linkTargets: document.linkTargets,
    changes: document.changes,
    ...extra,
  });
}
