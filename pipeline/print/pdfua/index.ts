// The PDF/UA-1 part of the post-pass: what Chromium's tagged PDF lacks, added with pdf-lib.
// Each step is one file; this one orders them. Content is read once (page-content.ts), links
// are described from it before artifacts are marked, and the structure fixes run on the tree
// Chromium wrote.
import { PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument } from 'pdf-lib';
import type { PdfMetadata } from '../../types.js';
import { markArtifacts, type PageOneLine } from './artifacts.js';
import { ungroupFigures } from './figures.js';
import { describeLinks } from './links.js';
import { dropSliverLinks } from './sliver-links.js';
import { addListBodies } from './lists.js';
import { readAllPages } from './page-content.js';
import { addRoleMap } from './role-map.js';
import { createElement, kidsOf, ParentTree, setKids, structureElements } from './structure.js';
import { writeXmp } from './xmp.js';

export interface AccessibilityOptions {
  metadata: PdfMetadata;
  creator: string;
  producer: string;
  /** Lines of page 1's header that stay real content (the banner, DRAFT), read once. */
  pageOneLines?: string[];
  /** Descriptions of link targets, by named destination (element id). */
  linkTargets?: Record<string, string>;
}

/** The overall marking, once: page 1's banner line(s) become the document's first paragraphs. */
function addPageOneParagraphs(pdf: PDFDocument, lines: PageOneLine[], page: PDFRef): void {
  const parentTree = ParentTree.of(pdf);
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const documentRef = root ? kidsOf(root).find((kid): kid is PDFRef => kid instanceof PDFRef) : undefined;
  const documentElement = documentRef ? pdf.context.lookup(documentRef) : undefined;
  const pageDict = pdf.context.lookup(page);
  const key = pageDict instanceof PDFDict ? pageDict.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber() : undefined;
  if (!parentTree || !documentRef || !(documentElement instanceof PDFDict) || key === undefined) return;
  const paragraphs: PDFRef[] = [];
  for (const line of lines) {
    if (line.mcids.length === 0) continue;
    const paragraph = createElement(pdf, 'P', documentRef, line.mcids.map((mcid) => PDFNumber.of(mcid)), { Pg: page });
    for (const mcid of line.mcids) parentTree.setMarkedContent(key, mcid, paragraph.ref);
    paragraphs.push(paragraph.ref);
  }
  if (paragraphs.length === 0) return;
  setKids(pdf, documentElement, [...paragraphs, ...kidsOf(documentElement)]);
  parentTree.save();
}

export function makeAccessible(pdf: PDFDocument, options: AccessibilityOptions): void {
  const pages = readAllPages(pdf);
  const tagged = pdf.catalog.has(PDFName.of('StructTreeRoot'));
  if (tagged) {
    const parentTree = ParentTree.of(pdf);
    dropSliverLinks(pdf, pages, parentTree);
    describeLinks(pdf, pages, parentTree, options.linkTargets ?? {});
  }

  const lines: PageOneLine[] = (options.pageOneLines ?? []).map((text) => ({ text, mcids: [] }));
  pages.forEach((page, index) => markArtifacts(pdf, page, index === 0 && tagged && page.structParents !== undefined ? lines : []));
  if (pages[0]) addPageOneParagraphs(pdf, lines, pages[0].ref);

  if (tagged) {
    const parentTree = ParentTree.of(pdf)!;
    const elements = structureElements(pdf);
    ungroupFigures(pdf, elements);
    addListBodies(pdf, elements, parentTree);
    parentTree.save();
    addRoleMap(pdf, structureElements(pdf));
  }
  writeXmp(pdf, { metadata: options.metadata, creator: options.creator, producer: options.producer });
}
