// The outline (bookmarks) should match the headings: same entries, same words, same order.
// Not a Matterhorn checkpoint, but the issue asks for it and a screen-reader user navigates by
// both. Chromium builds the outline from the headings and the post-pass mends wrapped titles.
import { PDFDict, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { finding, type Finding } from './finding.js';
import type { PdfReading } from './reading.js';
import { elementText, readTree } from './tree.js';

const squeeze = (text: string) => text.replace(/\s+/g, '');

export function checkOutline(reading: PdfReading): Finding[] {
  const headings = readTree(reading).elements.filter((element) => /^H[1-6]?$/.test(element.type)).map((heading) => elementText(heading, reading));
  const titles: string[] = [];
  const visit = (entry: PDFDict | undefined, depth: number) => {
    for (let item = entry; item && depth < 64; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      titles.push(title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '');
      visit(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  visit(reading.pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  if (headings.length === 0) return [];
  if (titles.length === 0) return [finding('outline', `the document has ${headings.length} headings but no outline`)];
  const differs = headings.findIndex((heading, index) => squeeze(heading) !== squeeze(titles[index] ?? ''));
  if (differs >= 0 || titles.length !== headings.length) {
    const at = differs >= 0 ? differs : Math.min(headings.length, titles.length);
    return [finding('outline', `outline entry ${at + 1} is "${titles[at] ?? '(none)'}" but heading ${at + 1} is "${headings[at] ?? '(none)'}" (${titles.length} entries, ${headings.length} headings)`)];
  }
  return [];
}
