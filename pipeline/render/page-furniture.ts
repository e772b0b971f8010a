// Decisions about what sits around the text of a page, made once per memo for the page rules
// and the marking blocks: how pages are numbered (the house style says), and how much of the
// foot of page 1 the classification authority and CUI designation blocks need.
import type { Paper } from '../types.js';
import type { HouseStyle } from './house-style.js';
import { textWidthIn } from './margin-boxes.js';

export interface PageNumbers {
  /** The CSS `content` of the number: `"Page " counter(page) " of " counter(pages)` or `counter(page)`. */
  content: string;
  /** "Page 2 of 3" (else the number alone): for the Word footer, which builds it from fields. */
  pageOfPages: boolean;
  /** The number prints above the bottom banner, centred (DoD), instead of at the bottom right. */
  centred: boolean;
  /** Page 1 carries its number. */
  firstPage: boolean;
}

/** A weekly book numbers its pages one way throughout, whatever the houses of its memos. */
export const bookPageNumbers: PageNumbers = { content: '"Page " counter(page) " of " counter(pages)', pageOfPages: true, centred: false, firstPage: true };

export function pageNumbers(house: HouseStyle, numberFirstPage: boolean | undefined): PageNumbers {
  const { format, place, firstPage } = house.pageNumbers;
  return {
    content: format === 'number' ? 'counter(page)' : '"Page " counter(page) " of " counter(pages)',
    pageOfPages: format !== 'number',
    centred: place === 'bottom-center',
    firstPage: numberFirstPage ?? firstPage,
  };
}

/** Height of the text area of a page: the paper less the 1-inch margins. */
const pageAreaHeightIn: Record<Paper, number> = { letter: 11 - 2, a4: 11.69 - 2 };
const contentWidthIn: Record<Paper, number> = { letter: 8.5 - 2, a4: 8.27 - 2 };

export interface MarkingBand {
  /** Height reserved at the foot of page 1 for the blocks (CSS length). */
  height: string;
  /** Height of the text area of page 1 (CSS length); a house may start page 1 lower still. */
  pageArea: string;
}

/** 10 pt text at line-height 1.25, in inches. */
const lineIn = (10 * 1.25) / 72;

/**
 * The band at the foot of page 1 that holds the authority block (left) and the CUI block
 * (right), side by side, each at most half the line. Its height is the taller block's lines as
 * they will wrap, plus the space above it that sets it off from the text; the text flows above
 * the band and never under it (templates/partials/marking-blocks.hbs).
 */
export function markingBand(blocks: ({ label: string; value: string }[] | undefined)[], paper: Paper): MarkingBand | undefined {
  const present = blocks.filter((block): block is { label: string; value: string }[] => Boolean(block?.length));
  if (present.length === 0) return undefined;
  const blockWidth = contentWidthIn[paper] / 2 - 0.3;
  const lines = Math.max(
    ...present.map((block) =>
      block.reduce((sum, entry) => sum + Math.max(1, Math.ceil((textWidthIn(`${entry.label}: ${entry.value}`, false) * 1.05) / blockWidth)), 0),
    ),
  );
  const height = lines * lineIn + 0.25;
  return { height: `${height.toFixed(3)}in`, pageArea: `${pageAreaHeightIn[paper].toFixed(2)}in` };
}
