// When a linked word (a note marker, say) moves to the next page, Chromium can leave a fragment
// of its link behind: an annotation a couple of points tall at the foot of the page before,
// over no text, that goes where the real link goes. A reader cannot see or click it on purpose,
// and a screen reader announces a link with nothing in it. Such slivers are dropped here, with
// their object references in the Link structure elements, before the links are described.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument } from 'pdf-lib';
import type { PageContent } from './page-content.js';
import { kidsOf, setKids, type ParentTree } from './structure.js';

/** Smaller than any line of text we print (the notes are 8 pt): not a link a reader can use. */
const minimumSide = 3;

function isSliver(annotation: PDFDict): boolean {
  const rect = annotation.lookupMaybe(PDFName.of('Rect'), PDFArray);
  if (!rect || rect.size() !== 4) return false;
  const [x1, y1, x2, y2] = [0, 1, 2, 3].map((index) => rect.lookupMaybe(index, PDFNumber)?.asNumber() ?? 0) as [number, number, number, number];
  return Math.abs(x2 - x1) < minimumSide || Math.abs(y2 - y1) < minimumSide;
}

/** Removes link annotations too small to be used, and their references in the structure tree. */
export function dropSliverLinks(pdf: PDFDocument, pages: PageContent[], parentTree: ParentTree | undefined): void {
  for (const page of pages) {
    const annotations = page.dict.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annotations) continue;
    for (let index = annotations.size() - 1; index >= 0; index--) {
      const annotation = annotations.lookupMaybe(index, PDFDict);
      if (annotation?.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() !== 'Link' || !isSliver(annotation)) continue;
      const ref = annotations.get(index);
      annotations.remove(index);
      const key = annotation.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      const elementRef = key === undefined ? undefined : parentTree?.element(key);
      const element = elementRef ? pdf.context.lookup(elementRef) : undefined;
      if (!(element instanceof PDFDict) || !(ref instanceof PDFRef)) continue;
      const kids = kidsOf(element).filter((kid) => {
        const reference = pdf.context.lookup(kid);
        return !(reference instanceof PDFDict && reference.get(PDFName.of('Obj')) === ref);
      });
      setKids(pdf, element, kids);
    }
  }
}
