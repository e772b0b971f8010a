// The DRAFT watermark of a memo inside the weekly book. On its own, a draft memo draws the
// watermark with a fixed-position element, which Chromium repeats on every page of the
// document — in a book that would be every page of every memo. So the book draws it here, with
// pdf-lib, on exactly the pages the memo landed on, as a pagination artifact outside the tag
// tree. PDF/UA wants every font embedded, artifacts' too (Matterhorn 31-009), so the text is
// set in Tinos Bold from the bundled font package — the face the memo's own watermark uses —
// not in an unembedded standard font.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument, PDFName, PDFOperator, PDFOperatorNames, degrees, endMarkedContent, rgb, type PDFFont } from 'pdf-lib';

export interface PageWatermark {
  text: string;
  /** 1-based pages that carry it. */
  pages: number[];
}

const require = createRequire(import.meta.url);

let fontBytes: Buffer | undefined;
const tinosBold = () => (fontBytes ??= readFileSync(path.join(path.dirname(require.resolve('@fontsource/tinos/package.json')), 'files', 'tinos-latin-700-normal.woff')));

async function embedTinosBold(pdf: PDFDocument): Promise<PDFFont> {
  // fontkit is large and only a book with a draft memo needs it: load it then.
  const fontkit = (await import('@pdf-lib/fontkit')).default;
  pdf.registerFontkit(fontkit);
  // A fixed name: pdf-lib would otherwise add a random suffix, and the bytes would differ per run.
  return pdf.embedFont(tinosBold(), { subset: true, customName: 'Tinos-Bold' });
}

// pdf-lib's operand type leaves out dictionaries, but an inline one serialises as BDC wants it.
const beginWatermark = (pdf: PDFDocument) =>
  PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), pdf.context.obj({ Type: 'Pagination', Subtype: 'Watermark' }) as never]);

export async function stampWatermarks(pdf: PDFDocument, watermarks: PageWatermark[]): Promise<void> {
  if (watermarks.length === 0) return;
  const font = await embedTinosBold(pdf);
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
      page.pushOperators(beginWatermark(pdf));
      page.drawText(watermark.text, { x, y, size, font, color: rgb(0.63, 0, 0), opacity: 0.12, rotate: degrees(angle) });
      page.pushOperators(endMarkedContent());
    }
  }
}
