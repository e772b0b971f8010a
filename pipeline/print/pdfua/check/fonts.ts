// Font checkpoints: every font used is embedded (31-009; an artifact's font too) and a
// composite font maps its codes to Unicode (10-001), so the text can be read aloud and copied.
import { PDFArray, PDFDict, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { finding, type Finding } from './finding.js';
import type { PdfReading } from './reading.js';

function fontsIn(pdf: PDFDocument, resources: PDFDict | undefined, found: Map<PDFDict, string>, seen: Set<PDFDict>, depth = 0): void {
  if (!resources || seen.has(resources) || depth > 16) return;
  seen.add(resources);
  for (const [name, value] of resources.lookupMaybe(PDFName.of('Font'), PDFDict)?.entries() ?? []) {
    const font = pdf.context.lookup(value);
    if (font instanceof PDFDict) found.set(font, name.decodeText());
  }
  for (const [, value] of resources.lookupMaybe(PDFName.of('XObject'), PDFDict)?.entries() ?? []) {
    const object = pdf.context.lookup(value);
    if (object instanceof PDFRawStream && object.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Form') {
      fontsIn(pdf, object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), found, seen, depth + 1);
    }
  }
}

const embedded = (descriptor: PDFDict | undefined) => ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));

export function checkFonts(reading: PdfReading): Finding[] {
  const { pdf } = reading;
  const findings: Finding[] = [];
  const reported = new Set<PDFDict>();
  for (const page of reading.pages) {
    const fonts = new Map<PDFDict, string>();
    fontsIn(pdf, page.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), fonts, new Set());
    for (const [font] of fonts) {
      if (reported.has(font)) continue;
      const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
      const baseFont = font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '?';
      if (subtype === 'Type3') continue;
      const descendant = subtype === 'Type0' ? font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict) : font;
      if (!embedded(descendant?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict))) {
        findings.push(finding('31-009', `font ${baseFont} is not embedded`, page.number));
        reported.add(font);
      } else if (subtype === 'Type0' && !font.has(PDFName.of('ToUnicode'))) {
        findings.push(finding('10-001', `font ${baseFont} has no ToUnicode map`, page.number));
        reported.add(font);
      }
    }
  }
  return findings;
}
