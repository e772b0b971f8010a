// A list item holds a label and a body (ISO 32000-1, Table 336; Matterhorn 09-005): LI → Lbl,
// LBody. Chromium writes LI → Lbl, P (or the text itself), with no LBody. Everything of an
// item but its label moves into a new LBody, and the parent tree follows content that moved.
import { PDFDict, PDFName, PDFNumber, PDFObject, PDFRef, type PDFDocument } from 'pdf-lib';
import { createElement, elementKid, kidsOf, setKids, setParent, typeOf, type ParentTree, type StructElement } from './structure.js';

/** Points the parent tree at `element` for every MCID and annotation directly among `kids`. */
export function reparentContent(pdf: PDFDocument, kids: PDFObject[], pageOf: PDFRef | undefined, element: PDFRef, parentTree: ParentTree): void {
  const key = (page: PDFRef | undefined) => {
    const dict = page ? pdf.context.lookup(page) : undefined;
    return dict instanceof PDFDict ? dict.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber() : undefined;
  };
  for (const kid of kids) {
    if (kid instanceof PDFNumber) {
      const pageKey = key(pageOf);
      if (pageKey !== undefined) parentTree.setMarkedContent(pageKey, kid.asNumber(), element);
      continue;
    }
    if (elementKid(pdf, kid)) continue;
    const reference = pdf.context.lookup(kid);
    if (!(reference instanceof PDFDict)) continue;
    const type = reference.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
    if (type === 'MCR') {
      const mcid = reference.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber();
      const page = reference.get(PDFName.of('Pg'));
      const pageKey = key(page instanceof PDFRef ? page : pageOf);
      if (mcid !== undefined && pageKey !== undefined) parentTree.setMarkedContent(pageKey, mcid, element);
    } else if (type === 'OBJR') {
      const annotation = reference.lookupMaybe(PDFName.of('Obj'), PDFDict);
      const structParent = annotation?.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      if (structParent !== undefined) parentTree.setElement(structParent, element);
    }
  }
}

export function addListBodies(pdf: PDFDocument, elements: StructElement[], parentTree: ParentTree): void {
  for (const item of elements) {
    if (item.type !== 'LI') continue;
    const kids = kidsOf(item.dict);
    const labels: PDFObject[] = [];
    const body: PDFObject[] = [];
    for (const kid of kids) {
      const element = elementKid(pdf, kid);
      const type = element ? typeOf(element.dict) : '';
      if (type === 'Lbl') labels.push(kid);
      else if (type === 'LBody' && body.length === 0 && kids.length - labels.length === 1) body.push(kid);
      else body.push(kid);
    }
    if (body.length === 0) continue;
    if (body.length === 1 && typeOf(elementKid(pdf, body[0]!)?.dict ?? (pdf.context.obj({}) as PDFDict)) === 'LBody') continue;
    const page = item.dict.get(PDFName.of('Pg'));
    const lbody = createElement(pdf, 'LBody', item.ref, body, page instanceof PDFRef ? { Pg: page } : {});
    for (const kid of body) setParent(pdf, kid, lbody.ref);
    reparentContent(pdf, body, page instanceof PDFRef ? page : undefined, lbody.ref, parentTree);
    setKids(pdf, item.dict, [...labels, lbody.ref]);
  }
}
