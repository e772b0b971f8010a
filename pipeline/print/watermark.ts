// The DRAFT watermark of a memo inside the weekly book. On its own, a draft memo draws the
// watermark with a fixed-position element, which Chromium repeats on every page of the
// document — in a book that would be every page of every memo. So the book draws it here, with
// pdf-lib, on exactly the pages the memo landed on, as an artifact outside the tag tree.
import { PDFDocument, StandardFonts, beginMarkedContent, degrees, endMarkedContent, rgb } from 'pdf-lib';

export interface PageWatermark {
  text: string;
  /** 1-based pages that carry it. */
  pages: number[];
}

export async function stampWatermarks(pdf: PDFDocument, watermarks: PageWatermark[]): Promise<void> {
  if (watermarks.length === 0) return;
  const font = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const pages = pdf.getPages();
  for (const watermark of watermarks) {
    for (const number of watermark.pages) {
      const page = pages[number - 1];
      if (!page) continue;
      const { width, height } = page.getSize();
      const size = Math.min(width, height) / 4.5;
      const textWidth = font.widthOfTextAtSize(watermark.text, size);
      const angle = 35;
      const radians = (angle * Math.PI) / 180;
      // Centre the rotated text on the page.
      const x = width / 2 - (Math.cos(radians) * textWidth) / 2 + (Math.sin(radians) * size) / 3;
      const y = height / 2 - (Math.sin(radians) * textWidth) / 2 - (Math.cos(radians) * size) / 3;
      page.pushOperators(beginMarkedContent('Artifact'));
      page.drawText(watermark.text, { x, y, size, font, color: rgb(0.63, 0, 0), opacity: 0.12, rotate: degrees(angle) });
      page.pushOperators(endMarkedContent());
    }
  }
}
