// Text of a printed PDF with where it sits (pdf.js): each run's text, its left edge, the
// distance of its baseline from the top of the page, its size and the name of its font — for
// tests about place ("lower left of page 1") and look ("not italic").
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PlacedText {
  text: string;
  x: number;
  /** Distance of the baseline from the top of the page, in points. */
  top: number;
  width: number;
  size: number;
  /** The font's PostScript name, e.g. Tinos-Italic (subset prefix removed). */
  font: string;
}

export interface PlacedPage {
  width: number;
  height: number;
  items: PlacedText[];
  /** All text of the page, runs joined as a reader would see them. */
  text: string;
  /** Figures of the tag tree on the page, with their alternative text. */
  figures: string[];
}

export async function readPlacedPdf(file: string): Promise<PlacedPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PlacedPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    await page.getOperatorList(); // loads the fonts into commonObjs, with their names
    const fontName = (id: string) => {
      try {
        return String((page.commonObjs.get(id) as { name?: string }).name ?? id).replace(/^[A-Z]{6}\+/, '');
      } catch {
        return id;
      }
    };
    const items: PlacedText[] = [];
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() === '') continue;
      const [a, b, , , e, f] = item.transform as number[];
      items.push({ text: item.str, x: e!, top: height - f!, width: item.width, size: Math.hypot(a!, b!), font: fontName(item.fontName) });
    }
    const figures: string[] = [];
    const visit = (node: { role?: string; alt?: string; children?: unknown[] } | null) => {
      if (!node) return;
      if (node.role === 'Figure') figures.push(node.alt ?? '');
      for (const child of node.children ?? []) visit(child as never);
    };
    visit((await page.getStructTree()) as never);
    pages.push({ width, height, items, text: text.replace(/[ \t]+/g, ' '), figures });
  }
  await pdf.destroy();
  return pages;
}

/** Runs whose text starts with `start` (trimmed), top first. */
export const runsStarting = (page: PlacedPage, start: string) => page.items.filter((item) => item.text.trim().startsWith(start)).sort((a, b) => a.top - b.top);

/** The distinct baselines of a page's runs within [from, to] points from the top, with their texts joined. */
export function linesBetween(page: PlacedPage, from: number, to: number): { top: number; text: string }[] {
  const lines = new Map<number, string[]>();
  for (const item of page.items) {
    if (item.top < from || item.top > to) continue;
    const key = [...lines.keys()].find((top) => Math.abs(top - item.top) < 2) ?? item.top;
    lines.set(key, [...(lines.get(key) ?? []), item.text]);
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([top, texts]) => ({ top, text: texts.join('') }));
}
