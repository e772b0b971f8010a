// Chromium tags an HTML <figure> as a Figure element. Ours are groupings: an image with its
// caption, or a table with its caption. A Figure needs alternative text (Matterhorn 13-004), and
// alternative text replaces everything inside it, which would hide a table and its caption
// from a screen reader. So a Figure that holds other structure elements becomes a Div; the
// image inside stays a Figure with its own /Alt (the Markdown image's alt text), the caption a
// Caption. This is why figures came out without /Alt: the outer, grouping Figure had none.
import { PDFName, type PDFDocument } from 'pdf-lib';
import { elementKid, kidsOf, type StructElement } from './structure.js';

export function ungroupFigures(pdf: PDFDocument, elements: StructElement[]): void {
  for (const element of elements) {
    if (element.type !== 'Figure') continue;
    const holdsElements = kidsOf(element.dict).some((kid) => elementKid(pdf, kid) !== undefined);
    if (!holdsElements) continue;
    element.dict.set(PDFName.of('S'), PDFName.of('Div'));
    element.type = 'Div';
  }
}
