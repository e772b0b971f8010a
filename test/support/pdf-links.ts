// Follows a PDF's internal links the way a reader's click would: each link annotation with its
// page, the text it covers (the note number, "Table 1"), the named destination it points to and
// the page that destination resolves to (pdf.js).
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface InternalLink {
  /** 1-based page the link is on. */
  page: number;
  /** The text under the link, as printed. */
  text: string;
  /** The named destination, e.g. `memo-2-user-content-fn-1`. */
  name: string;
  /** 1-based page the destination resolves to; none when the name is not in the PDF. */
  target: number | undefined;
}

export interface LinkReading {
  links: InternalLink[];
  /** Every named destination and its page. */
  destinations: Map<string, number>;
}

export async function readInternalLinks(source: string | Uint8Array): Promise<LinkReading> {
  const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source;
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pageOf = async (dest: unknown[] | null) => (dest?.[0] && typeof dest[0] === 'object' ? (await pdf.getPageIndex(dest[0] as never)) + 1 : undefined);
  const destinations = new Map<string, number>();
  for (const [name, dest] of Object.entries((await pdf.getDestinations()) as Record<string, unknown[]>)) {
    const page = await pageOf(dest);
    if (page) destinations.set(name, page);
  }
  const links: InternalLink[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const items = (await page.getTextContent()).items.flatMap((item) => ('str' in item && item.str.trim() ? [item] : []));
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype !== 'Link' || typeof annotation.dest !== 'string') continue;
      const [left, bottom, right, top] = annotation.rect as [number, number, number, number];
      // A text item belongs to the link when its middle lies inside the link's rectangle.
      const text = items
        .filter((item) => {
          const x = item.transform[4] + item.width / 2;
          const y = item.transform[5] + item.height / 3;
          return x >= left && x <= right && y >= bottom && y <= top;
        })
        .map((item) => item.str)
        .join('')
        .trim();
      links.push({ page: number, text, name: annotation.dest, target: destinations.get(annotation.dest) });
    }
  }
  await pdf.destroy();
  return { links, destinations };
}

/** A printed memo's notes, by number: the first line of each as printed ("2. DoD News, …"). */
export function noteLines(memoText: string): Map<number, string> {
  const headings = [...memoText.matchAll(/\n(?:Notes|Endnotes)\n/g)];
  const start = headings.at(-1);
  if (!start) return new Map();
  const list = memoText.slice(start.index + start[0].length).split(/\nSources\n/)[0]!;
  return new Map([...list.matchAll(/^(\d+)\. .*$/gm)].map((match) => [Number(match[1]), match[0]]));
}

/** Where each memo of a book starts (its `memo-N` destination) and which memo (1-based, 0 for none) a page belongs to. */
export function bookParts(reading: LinkReading, pageCount: number) {
  const starts: number[] = [];
  for (let memo = 1; reading.destinations.has(`memo-${memo}`); memo++) starts.push(reading.destinations.get(`memo-${memo}`)!);
  // The index follows the last memo.
  const end = (reading.destinations.get('book-index') ?? pageCount + 1) - 1;
  const memoOn = (page: number) => starts.findIndex((first, index) => page >= first && page <= (starts[index + 1] ?? end + 1) - 1) + 1;
  return { starts, end, memoOn };
}

/**
 * What is wrong with a book's internal links, one sentence each: a link inside a memo must land
 * inside that memo (between its first page and the next part's), on the item it names: a note
 * number on a page that prints that memo's note of that number, "Table 2" on the page of Table 2's
 * caption. Links outside the memos (contents, summary, index) go to a memo or a part of the book.
 */
export function bookLinkProblems(reading: LinkReading, pages: string[], notesOfMemo: (memo: number) => Map<number, string>): string[] {
  const { starts, end, memoOn } = bookParts(reading, pages.length);
  const problems: string[] = [];
  for (const link of reading.links) {
    const where = `page ${link.page}: link "${link.text}" to ${link.name}`;
    if (link.target === undefined) {
      problems.push(`${where} names no destination in the PDF`);
      continue;
    }
    const memo = memoOn(link.page);
    if (memo === 0) {
      if (!/^memo-\d+$|^book-(?:summary|index)$/.test(link.name)) problems.push(`${where} starts outside the memos and goes to no part of the book`);
      continue;
    }
    const first = starts[memo - 1]!;
    const last = (starts[memo] ?? end + 1) - 1;
    if (link.target < first || link.target > last) {
      problems.push(`${where} lands on page ${link.target}, outside memo ${memo} (pages ${first}–${last})`);
      continue;
    }
    const landed = pages[link.target - 1]!;
    const note = /^\d+$/.test(link.text) ? notesOfMemo(memo).get(Number(link.text)) : undefined;
    const caption = /^(Figure|Table) \d+$/.exec(link.text);
    if (note !== undefined) {
      if (!landed.split('\n').includes(note)) problems.push(`${where} lands on page ${link.target}, which does not print memo ${memo}'s note: ${note}`);
    } else if (caption) {
      if (!new RegExp(`^(\\([A-Z/]+\\) )?${link.text}\\. `, 'm').test(landed)) problems.push(`${where} lands on page ${link.target}, which has no caption "${link.text}."`);
    } else {
      problems.push(`${where} is a kind of link this check does not know (memo ${memo} has no note ${link.text})`);
    }
  }
  return problems;
}
