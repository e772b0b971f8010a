// What every page carries, as Word headers and footers: the banner line at the top and the
// bottom, the page number as the house style numbers pages ("Page X of Y" or the number alone, right or centred) as Word fields, DRAFT (or IN CLEARANCE) on a line of its own under the top banner (never
// inside it, R4), the running header (short title and date) from page 2 on, and the --stamp
// line. Page 1 has its own header and footer (no running header; DoD leaves it unnumbered).
import { Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { MemoView } from '../render/view.js';
import { characterStyle, paragraphStyle } from './styles.js';

const banner = (view: MemoView) => new Paragraph({ style: paragraphStyle.banner, children: [new TextRun(view.banner.text)] });
const draftLine = (view: MemoView) => (view.statusMark ? [new Paragraph({ style: paragraphStyle.draftLine, children: [new TextRun({ text: view.statusMark, style: characterStyle.draft })] })] : []);

function header(view: MemoView, running: boolean): Header {
  const runningHeader = running
    ? [new Paragraph({ style: paragraphStyle.runningHeader, children: [new TextRun(view.runningHeader.title), new TextRun({ text: view.runningHeader.date, break: 1 })] })]
    : [];
  return new Header({ children: [banner(view), ...draftLine(view), ...runningHeader] });
}

/** The page number as the house prints it: "Page 2 of 3", or the number alone (DoD). */
const pageNumberRun = (view: MemoView) =>
  view.pageNumbers.pageOfPages ? new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }) : new TextRun({ children: [PageNumber.CURRENT] });

function footer(view: MemoView, numbered: boolean): Footer {
  const pageNumber = numbered ? [new Paragraph({ style: paragraphStyle.pageNumber, children: [pageNumberRun(view)] })] : [];
  const stamp = view.stamp ? [new Paragraph({ style: paragraphStyle.pageNumber, children: [new TextRun(view.stamp)] })] : [];
  return new Footer({ children: [...pageNumber, banner(view), ...stamp] });
}

export function pageFurniture(view: MemoView) {
  return {
    headers: { first: header(view, false), default: header(view, true) },
    footers: { first: footer(view, view.numberFirstPage), default: footer(view, true) },
  };
}
