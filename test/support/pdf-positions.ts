// Text on a printed page with its place: where a word was drawn, for tests that check what sits
// beside what (a status beside the banner, a line through a deleted word, a change bar).
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PlacedText {
  text: string;
  /** Left edge and baseline, in points from the page's lower left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

export interface PlacedPage {
  width: number;
  height: number;
  items: PlacedText[];
}

export async function readPlacedText(source: string | Uint8Array): Promise<PlacedPage[]> {
  const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source;
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PlacedPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: PlacedText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, , , x, y] = item.transform as number[];
      items.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) });
    }
    pages.push({ width, height, items });
  }
  await pdf.destroy();
  return pages;
}
