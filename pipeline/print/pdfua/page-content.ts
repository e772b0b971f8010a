// A page's content, read once per post-pass and shared by the passes that need it: its streams
// decoded and split into operations, and the fonts its text is drawn with.
import { PDFDict, PDFName, PDFNumber, type PDFDocument, type PDFRawStream, type PDFRef } from 'pdf-lib';
import { readOperations, isName, type Operation, type OperandDict } from './content-lexer.js';
import { fontsOf, shownText, type FontText } from './font-text.js';
import { contentStreams, streamBytes } from './streams.js';

export interface ContentStream {
  ref: PDFRef;
  stream: PDFRawStream;
  bytes: Uint8Array;
  operations: Operation[];
}

export interface PageContent {
  ref: PDFRef;
  dict: PDFDict;
  /** 0-based. */
  index: number;
  streams: ContentStream[];
  fonts: Map<string, FontText>;
  /** The page's key in the parent tree, if its content is tagged. */
  structParents?: number;
  /** The highest MCID the page's content uses (-1: none). */
  highestMcid: number;
}

export const showsText = (operator: string) => operator === 'Tj' || operator === 'TJ' || operator === "'" || operator === '"';

/** The MCID a BDC's properties carry, if any. */
export function mcidOf(operation: Operation): number | undefined {
  if (operation.operator !== 'BDC') return undefined;
  const properties = operation.operands[1] as OperandDict | undefined;
  const mcid = properties && typeof properties === 'object' && 'dict' in properties ? properties.dict.get('MCID') : undefined;
  return typeof mcid === 'number' ? mcid : undefined;
}

export function readPageContent(pdf: PDFDocument, ref: PDFRef, dict: PDFDict, index: number): PageContent {
  const streams = contentStreams(pdf, dict).map(({ ref: streamRef, stream }) => {
    const bytes = streamBytes(pdf, stream);
    return { ref: streamRef, stream, bytes, operations: readOperations(bytes) };
  });
  let highestMcid = -1;
  for (const stream of streams) {
    for (const operation of stream.operations) {
      const mcid = mcidOf(operation);
      if (mcid !== undefined && mcid > highestMcid) highestMcid = mcid;
    }
  }
  const key = dict.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
  return { ref, dict, index, streams, fonts: fontsOf(pdf, dict.lookupMaybe(PDFName.of('Resources'), PDFDict)), structParents: key, highestMcid };
}

/** Every page's content, in page order. */
export function readAllPages(pdf: PDFDocument): PageContent[] {
  return pdf.getPages().map((page, index) => readPageContent(pdf, page.ref, page.node, index));
}

/**
 * The text drawn inside each of the given MCIDs of a page. Text objects are joined with a space
 * unless one side already has one: Chromium draws each line (and each run) as its own object.
 */
export function textOfMarkedContent(page: PageContent, wanted: Set<number>): Map<number, string> {
  const texts = new Map<number, string[]>();
  if (wanted.size === 0) return new Map();
  for (const stream of page.streams) {
    const stack: (number | undefined)[] = [];
    let font: FontText | undefined;
    let newObject = false;
    for (const operation of stream.operations) {
      const { operator } = operation;
      if (operator === 'BDC') stack.push(mcidOf(operation));
      else if (operator === 'BMC') stack.push(undefined);
      else if (operator === 'EMC') stack.pop();
      else if (operator === 'BT') newObject = true;
      else if (operator === 'Tf') {
        const name = operation.operands[0];
        font = isName(name) ? page.fonts.get(name) : undefined;
      } else if (showsText(operator)) {
        let mcid: number | undefined;
        for (let level = stack.length - 1; level >= 0 && mcid === undefined; level--) mcid = stack[level];
        if (mcid === undefined || !wanted.has(mcid)) continue;
        const parts = texts.get(mcid) ?? [];
        const text = shownText(operation.operands, font);
        if (newObject && parts.length > 0 && !/\s$/.test(parts.at(-1)!) && !/^\s/.test(text)) parts.push(' ');
        parts.push(text);
        texts.set(mcid, parts);
        newObject = false;
      }
    }
  }
  return new Map([...texts].map(([mcid, parts]) => [mcid, parts.join('')]));
}
