// Every link annotation needs a description in /Contents (Matterhorn 28-012) and a place inside
// a Link structure element (28-011). Chromium writes the Link elements with their object
// references but no description. The description is what the link leads to, when the render
// stage named its target ("Note 1", "Source 2: Joint Statement…", "Contents: …, page 5"),
// else the link's own printed text, read from the page, else its web address.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';
import { textOfMarkedContent, type PageContent } from './page-content.js';
import { elementKid, kidsOf, type ParentTree } from './structure.js';

const decode = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : value instanceof PDFName ? value.decodeText() : undefined;

/** Where a link annotation goes: a named destination inside the document, or a web address. */
export function linkTarget(pdf: PDFDocument, annotation: PDFDict): { name?: string; uri?: string } {
  const dest = annotation.get(PDFName.of('Dest'));
  if (dest) return { name: decode(pdf.context.lookup(dest) ?? dest) };
  const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
  const type = action?.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
  if (type === 'URI') return { uri: decode(action!.lookup(PDFName.of('URI'))) };
  if (type === 'GoTo') return { name: decode(action!.lookup(PDFName.of('D'))) };
  return {};
}

/** The (page, MCID) pairs an element's content is drawn with, in order. */
function markedContentOf(pdf: PDFDocument, element: PDFDict, page: PDFRef | undefined, out: { page: PDFRef; mcid: number }[], depth = 0): void {
  if (depth > 50) return;
  const own = element.get(PDFName.of('Pg'));
  const current = own instanceof PDFRef ? own : page;
  for (const kid of kidsOf(element)) {
    if (kid instanceof PDFNumber) {
      if (current) out.push({ page: current, mcid: kid.asNumber() });
      continue;
    }
    const child = elementKid(pdf, kid);
    if (child) {
      markedContentOf(pdf, child.dict, current, out, depth + 1);
      continue;
    }
    const reference = pdf.context.lookup(kid);
    if (reference instanceof PDFDict && reference.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText() === 'MCR') {
      const mcid = reference.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber();
      const pg = reference.get(PDFName.of('Pg'));
      const target = pg instanceof PDFRef ? pg : current;
      if (mcid !== undefined && target) out.push({ page: target, mcid });
    }
  }
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Gives every link annotation a /Contents description. */
export function describeLinks(pdf: PDFDocument, pages: PageContent[], parentTree: ParentTree | undefined, targets: Record<string, string>): void {
  const links: { annotation: PDFDict; element?: PDFDict }[] = [];
  for (const page of pages) {
    const annotations = page.dict.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let index = 0; annotations && index < annotations.size(); index++) {
      const annotation = annotations.lookupMaybe(index, PDFDict);
      if (annotation?.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() !== 'Link') continue;
      const key = annotation.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      const elementRef = key === undefined ? undefined : parentTree?.element(key);
      const element = elementRef ? pdf.context.lookup(elementRef) : undefined;
      links.push({ annotation, element: element instanceof PDFDict ? element : undefined });
    }
  }
  if (links.length === 0) return;

  // Read the printed text of every link element at once, one pass over each page's content.
  const wanted = new Map<PDFRef, Set<number>>();
  const contentOf = new Map<PDFDict, { page: PDFRef; mcid: number }[]>();
  for (const { element } of links) {
    if (!element || contentOf.has(element)) continue;
    const marked: { page: PDFRef; mcid: number }[] = [];
    markedContentOf(pdf, element, undefined, marked);
    contentOf.set(element, marked);
    for (const { page, mcid } of marked) wanted.set(page, (wanted.get(page) ?? new Set()).add(mcid));
  }
  const texts = new Map<PDFRef, Map<number, string>>();
  for (const page of pages) {
    const mcids = wanted.get(page.ref);
    if (mcids) texts.set(page.ref, textOfMarkedContent(page, mcids));
  }

  for (const { annotation, element } of links) {
    const printed = tidy((element ? contentOf.get(element) ?? [] : []).map(({ page, mcid }) => texts.get(page)?.get(mcid) ?? '').join(' '));
    const { name, uri } = linkTarget(pdf, annotation);
    const described = name !== undefined ? targets[name] : undefined;
    // A web address that wrapped across lines reads back with a space in it: use the address.
    const printedAddress = uri !== undefined && printed.replace(/\s+/g, '') === uri.replace(/\s+/g, '');
    const contents = described ?? (printedAddress ? uri : printed || uri || (name ? `Link to ${name}` : 'Link'));
    annotation.set(PDFName.of('Contents'), PDFHexString.fromText(contents));
  }
}
