// Annotation checkpoints: a link has a description (28-012) and sits in a Link structure
// element through an object reference (28-011); other annotations sit in an Annot element
// (28-002); a page with annotations orders its tabs by structure (28-008, 28-009); and every
// MCID a page draws belongs to a structure element (else it is tagged in name only: 01-005).
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { finding, type Finding } from './finding.js';
import { structParentsOf, type PdfReading } from './reading.js';
import { resolveRole, readTree } from './tree.js';

function parentTreeEntries(reading: PdfReading): Map<number, unknown> {
  const entries = new Map<number, unknown>();
  const root = reading.pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const visit = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let index = 0; nums && index + 1 < nums.size(); index += 2) {
      const key = nums.lookup(index);
      if (key instanceof PDFNumber) entries.set(key.asNumber(), nums.get(index + 1));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let index = 0; kids && index < kids.size(); index++) visit(kids.lookupMaybe(index, PDFDict), depth + 1);
  };
  visit(root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict), 0);
  return entries;
}

const hasText = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString) && value.decodeText().trim() !== '';

export function checkAnnotations(reading: PdfReading): Finding[] {
  const { pdf } = reading;
  const findings: Finding[] = [];
  const tree = readTree(reading);
  const entries = parentTreeEntries(reading);
  for (const page of reading.pages) {
    const key = structParentsOf(page.dict);
    const array = key === undefined ? undefined : pdf.context.lookup(entries.get(key) as never);
    const orphans = [...page.mcids].filter((mcid) => !(array instanceof PDFArray) || !(array.get(mcid) instanceof PDFRef));
    if (orphans.length > 0) findings.push(finding('01-005', `MCID ${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? '…' : ''} belong to no structure element (parent tree)`, page.number));

    const annotations = page.dict.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annotations || annotations.size() === 0) continue;
    const tabs = page.dict.lookupMaybe(PDFName.of('Tabs'), PDFName)?.decodeText();
    if (tabs === undefined) findings.push(finding('28-008', 'a page with annotations has no /Tabs', page.number));
    else if (tabs !== 'S') findings.push(finding('28-009', `/Tabs is ${tabs}, not S`, page.number));
    for (let index = 0; index < annotations.size(); index++) {
      const annotationRef = annotations.get(index);
      const annotation = annotations.lookupMaybe(index, PDFDict);
      if (!annotation) continue;
      const subtype = annotation.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? '';
      if (subtype === 'Popup' || subtype === 'PrinterMark' || subtype === 'Widget') continue;
      const parentKey = annotation.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      const elementRef = parentKey === undefined ? undefined : entries.get(parentKey);
      const element = elementRef instanceof PDFRef ? pdf.context.lookup(elementRef) : undefined;
      const written = element instanceof PDFDict ? element.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() : undefined;
      const type = written ? resolveRole(written, tree.roleMap) : undefined;
      const kids = element instanceof PDFDict ? element.lookup(PDFName.of('K')) : undefined;
      const kidList = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
      const referenced = kidList.some((kid) => {
        const reference = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
        return reference instanceof PDFDict && reference.get(PDFName.of('Obj'))?.toString() === annotationRef.toString();
      });
      if (subtype === 'Link') {
        if (type !== 'Link' || !referenced) findings.push(finding('28-011', 'a link annotation is not inside a Link structure element', page.number));
        if (!hasText(annotation.lookup(PDFName.of('Contents')))) findings.push(finding('28-012', 'a link annotation has no description (/Contents)', page.number));
      } else if (type !== 'Annot' || !referenced) {
        findings.push(finding('28-002', `a ${subtype} annotation is not inside an Annot structure element`, page.number));
      }
    }
  }
  return findings;
}
