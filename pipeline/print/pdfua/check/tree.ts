// The structure tree as the checker sees it: every element with its type resolved through the
// role map, its parent, its language, and the (page, MCID) pairs of its own content.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRef, PDFString } from 'pdf-lib';
import type { PdfReading } from './reading.js';

export interface CheckedElement {
  dict: PDFDict;
  /** As written (`Strong`) and as it resolves through the role map (`Span`). */
  written: string;
  type: string;
  parent?: CheckedElement;
  /** Its own /Lang, or the nearest ancestor's, or the catalog's. */
  lang: string;
  /** Content directly inside it. */
  content: { page: number; mcid: number }[];
  children: CheckedElement[];
}

export interface CheckedTree {
  root?: PDFDict;
  roleMap: Map<string, string>;
  elements: CheckedElement[];
}

const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

export function resolveRole(type: string, roleMap: Map<string, string>): string {
  let current = type;
  for (let step = 0; step < 16 && roleMap.has(current); step++) current = roleMap.get(current)!;
  return current;
}

export function readTree(reading: PdfReading): CheckedTree {
  const { pdf } = reading;
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const roleMap = new Map<string, string>();
  for (const [key, value] of root?.lookupMaybe(PDFName.of('RoleMap'), PDFDict)?.entries() ?? []) {
    const target = pdf.context.lookup(value);
    if (target instanceof PDFName) roleMap.set(key.decodeText(), target.decodeText());
  }
  const catalogLang = text(pdf.catalog.lookup(PDFName.of('Lang'))) ?? '';
  const elements: CheckedElement[] = [];
  const seen = new Set<PDFDict>();
  const visit = (kid: PDFObject, parent: CheckedElement | undefined, page: number | undefined, depth: number): void => {
    const dict = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
    if (!(dict instanceof PDFDict) || seen.has(dict) || depth > 200) return;
    const written = dict.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    if (!written) return;
    seen.add(dict);
    const pg = dict.get(PDFName.of('Pg'));
    const ownPage = pg instanceof PDFRef ? reading.pageNumber(pg) : page;
    const element: CheckedElement = {
      dict,
      written,
      type: resolveRole(written, roleMap),
      parent,
      lang: text(dict.lookup(PDFName.of('Lang'))) || parent?.lang || catalogLang,
      content: [],
      children: [],
    };
    elements.push(element);
    parent?.children.push(element);
    const kids = dict.get(PDFName.of('K'));
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    for (const child of list) {
      if (child instanceof PDFNumber) {
        if (ownPage) element.content.push({ page: ownPage, mcid: child.asNumber() });
        continue;
      }
      const target = child instanceof PDFRef ? pdf.context.lookup(child) : child;
      if (target instanceof PDFDict && target.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText() === 'MCR') {
        const mcid = target.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber();
        const mcrPage = target.get(PDFName.of('Pg'));
        const at = mcrPage instanceof PDFRef ? reading.pageNumber(mcrPage) : ownPage;
        if (mcid !== undefined && at) element.content.push({ page: at, mcid });
        continue;
      }
      visit(child, element, ownPage, depth + 1);
    }
  };
  const top = root?.get(PDFName.of('K'));
  for (const kid of top instanceof PDFArray ? top.asArray() : top ? [top] : []) visit(kid, undefined, undefined, 0);
  return { root, roleMap, elements };
}

/** The text an element and its descendants draw, in order. */
export function elementText(element: CheckedElement, reading: PdfReading): string {
  const own = element.content.map(({ page, mcid }) => reading.pages[page - 1]?.textByMcid.get(mcid) ?? '');
  return [...own, ...element.children.map((child) => elementText(child, reading))].join('').replace(/\s+/g, ' ').trim();
}
