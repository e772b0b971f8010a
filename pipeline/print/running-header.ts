// In the weekly book a memo's first page carries no running header, as in the memo's own PDF:
// it has the memo's heading and date line instead. Chromium cannot select "the first page of a
// named page group", so the header is printed there and taken out here, before the PDF/UA pass:
// on each page given, the text objects outside marked content (page furniture; the memo's own
// text is all tagged) that spell one of the header's lines exactly are cut from the page.
import type { PDFDocument } from 'pdf-lib';
import { isName } from './pdfua/content-lexer.js';
import { shownText, type FontText } from './pdfua/font-text.js';
import { readPageContent, showsText } from './pdfua/page-content.js';
import { replaceStream } from './pdfua/streams.js';

export interface PageWithoutHeader {
  /** 1-based page. */
  page: number;
  /** The running header's lines as printed (short title, date). */
  lines: string[];
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

export function removeRunningHeaders(pdf: PDFDocument, pages: PageWithoutHeader[]): void {
  const pageRefs = pdf.getPages();
  for (const { page: number, lines } of pages) {
    const page = pageRefs[number - 1];
    if (!page) continue;
    const wanted = new Set(lines.map(squeeze).filter(Boolean));
    const content = readPageContent(pdf, page.ref, page.node, number - 1);
    for (const stream of content.streams) {
      const cuts: [number, number][] = [];
      let marked = 0;
      let font: FontText | undefined;
      let object: { start: number; text: string; outside: boolean } | undefined;
      for (const operation of stream.operations) {
        const { operator } = operation;
        if (operator === 'BDC' || operator === 'BMC') {
          marked++;
          if (object) object.outside = false;
        } else if (operator === 'EMC') {
          marked = Math.max(0, marked - 1);
          if (object) object.outside = false;
        } else if (operator === 'BT') object = { start: operation.start, text: '', outside: marked === 0 };
        else if (operator === 'Tf') font = isName(operation.operands[0]) ? content.fonts.get(operation.operands[0]) : undefined;
        else if (showsText(operator) && object) object.text += shownText(operation.operands, font);
        else if (operator === 'ET' && object) {
          if (object.outside && wanted.has(squeeze(object.text))) cuts.push([object.start, operation.end]);
          object = undefined;
        }
      }
      if (cuts.length === 0) continue;
      const kept: Uint8Array[] = [];
      let at = 0;
      for (const [start, end] of cuts) {
        kept.push(stream.bytes.subarray(at, start));
        at = end;
      }
      kept.push(stream.bytes.subarray(at));
      replaceStream(pdf, stream.ref, stream.stream, Buffer.concat(kept));
    }
  }
}
