// Document-level checkpoints: tagged at all, the XMP metadata with the PDF/UA identifier and a
// title (06-001…06-003), the title shown in the window (07-001/07-002), no suspect tags
// (01-007), a declared language (11-001), and the content checkpoints pdf.js read page by page
// (01-003…01-005).
import { PDFDict, PDFName, PDFRawStream, PDFString, PDFHexString, PDFBool } from 'pdf-lib';
import { streamBytes } from '../streams.js';
import { finding, type Finding } from './finding.js';
import type { PdfReading } from './reading.js';

export function checkDocument(reading: PdfReading): Finding[] {
  const { pdf } = reading;
  const findings: Finding[] = [];
  const catalog = pdf.catalog;

  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (!catalog.has(PDFName.of('StructTreeRoot')) || markInfo?.get(PDFName.of('Marked')) !== PDFBool.True) {
    findings.push(finding('01-005', 'the document is not tagged (no structure tree, or MarkInfo /Marked is not true)'));
  }
  if (markInfo?.get(PDFName.of('Suspects')) === PDFBool.True) findings.push(finding('01-007', 'MarkInfo /Suspects is true'));

  const metadata = catalog.lookup(PDFName.of('Metadata'));
  if (!(metadata instanceof PDFRawStream)) {
    findings.push(finding('06-001', 'the catalog has no XMP metadata stream'));
  } else {
    const xmp = new TextDecoder().decode(streamBytes(pdf, metadata));
    if (!/<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part=["']1["']/.test(xmp)) findings.push(finding('06-002', 'the XMP metadata has no PDF/UA identifier (pdfuaid:part 1)'));
    const title = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(xmp)?.[1]?.replace(/<[^>]+>/g, '').trim();
    if (!title) findings.push(finding('06-003', 'the XMP metadata has no dc:title'));
  }

  const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const displayTitle = preferences?.get(PDFName.of('DisplayDocTitle'));
  if (displayTitle === undefined) findings.push(finding('07-001', 'ViewerPreferences has no DisplayDocTitle'));
  else if (displayTitle !== PDFBool.True) findings.push(finding('07-002', 'ViewerPreferences /DisplayDocTitle is false'));

  const lang = catalog.lookup(PDFName.of('Lang'));
  const langText = lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText().trim() : '';
  if (!langText) findings.push(finding('11-001', 'the catalog declares no language (/Lang)'));

  for (const page of reading.pages) {
    if (page.untaggedPaints > 0) findings.push(finding('01-005', `${page.untaggedPaints} drawing operation(s) neither tagged nor marked as an artifact`, page.number));
    if (page.artifactsInTagged > 0) findings.push(finding('01-003', `${page.artifactsInTagged} artifact(s) inside tagged content`, page.number));
    if (page.taggedInArtifacts > 0) findings.push(finding('01-004', `${page.taggedInArtifacts} tagged sequence(s) inside an artifact`, page.number));
  }
  return findings;
}
