// PDF/UA-1 is built on PDF 1.7, whose standard structure types do not include the PDF 2.0
// types Chromium writes for <strong>, <em> and <aside> (Strong, Em, Aside…). A type that is
// not standard must be role-mapped to one that is (Matterhorn 02-001); standard types must
// never be remapped (02-004). So only the types in use that PDF 1.7 lacks get an entry.
import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import type { StructElement } from './structure.js';

/** The standard structure types of ISO 32000-1 (14.8.4). */
export const standardTypes = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody',
  'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot',
  'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP', 'Figure', 'Formula', 'Form',
]);

/** The nearest PDF 1.7 type for the PDF 2.0 types; anything else unknown becomes NonStruct. */
const pdf17Equivalents: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Aside: 'Div',
  Title: 'P',
  DocumentFragment: 'Div',
};

export function addRoleMap(pdf: PDFDocument, elements: StructElement[]): void {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? (pdf.context.obj({}) as PDFDict);
  let added = false;
  for (const type of new Set(elements.map((element) => element.type))) {
    if (standardTypes.has(type) || roleMap.has(PDFName.of(type))) continue;
    roleMap.set(PDFName.of(type), PDFName.of(pdf17Equivalents[type] ?? 'NonStruct'));
    added = true;
  }
  if (added) root.set(PDFName.of('RoleMap'), roleMap);
}
