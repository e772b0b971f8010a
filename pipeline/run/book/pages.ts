// Where the parts of a printed book landed. Chromium has no target-counter(), so the book is
// printed, then read back: every contents entry is a link to its part, and Chromium writes
// each link with the page it points to. Those pages are the numbers the next pass prints.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import type { PageMap } from './model.js';

/** Destination page (1-based) of every internal link, by the anchor it points to. */
export async function linkTargets(bytes: Uint8Array): Promise<Map<string, number>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pageNumbers = new Map<string, number>();
  pdf.getPages().forEach((page, index) => pageNumbers.set(page.ref.toString(), index + 1));

  // Named destinations: the catalog's /Dests dictionary, or the /Names tree.
  const named = new Map<string, number>();
  const record = (name: string, destination: unknown) => {
    const target = pdf.context.lookup(destination as PDFRef);
    const array = target instanceof PDFDict ? target.lookup(PDFName.of('D')) : target;
    if (array instanceof PDFArray) {
      const page = pageNumbers.get(array.get(0).toString());
      if (page) named.set(name, page);
    }
  };
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) record(key.decodeText(), value);
  const walkNames = (node: PDFDict | undefined) => {
    if (!node) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let index = 0; names && index + 1 < names.size(); index += 2) {
      const key = names.lookup(index);
      if (key instanceof PDFString || key instanceof PDFHexString) record(key.decodeText(), names.get(index + 1));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let index = 0; kids && index < kids.size(); index++) walkNames(kids.lookup(index, PDFDict));
  };
  walkNames(pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict));
  return named;
}

/** The page each memo and each back part starts on, from the printed pass. */
export async function measurePages(bytes: Uint8Array, memoCount: number): Promise<PageMap | { missing: string }> {
  const targets = await linkTargets(bytes);
  const memos: number[] = [];
  for (let number = 1; number <= memoCount; number++) {
    const page = targets.get(`memo-${number}`);
    if (page === undefined) return { missing: `memo-${number}` };
    memos.push(page);
  }
  return { memos, summary: targets.get('book-summary'), index: targets.get('book-index') };
}

export const samePages = (a: PageMap, b: PageMap) => a.summary === b.summary && a.index === b.index && a.memos.join() === b.memos.join();
