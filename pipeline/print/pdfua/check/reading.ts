// The PDF as the checker reads it, with two independent parsers: pdf-lib for the objects (the
// catalog, the structure tree, annotations, fonts) and pdf.js — the parser the post-pass does
// not use — for what each page's content draws and inside which marked content it is drawn.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';

export interface PageReading {
  /** 1-based. */
  number: number;
  ref: PDFRef;
  dict: PDFDict;
  /** Painting operators (text, paths, images, shadings) drawn outside both an artifact and tagged content. */
  untaggedPaints: number;
  /** Artifacts opened inside tagged content (01-003) and tagged content inside artifacts (01-004). */
  artifactsInTagged: number;
  taggedInArtifacts: number;
  /** Every MCID the page's content uses. */
  mcids: Set<number>;
  /** Text drawn inside each MCID. */
  textByMcid: Map<number, string>;
}

export interface PdfReading {
  pdf: PDFDocument;
  pages: PageReading[];
  /** The page (1-based) of a page object. */
  pageNumber(ref: PDFRef | undefined): number | undefined;
}

const paintOperators = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.shadingFill,
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

type TextItem = { str?: string; type?: string; id?: string | null; tag?: string | null; hasEOL?: boolean };

export async function readForCheck(bytes: Uint8Array): Promise<PdfReading> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const refs = pdf.getPages().map((page) => page.ref);
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PageReading[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const operators = await page.getOperatorList();
      // Each open marked-content sequence: does it make what is inside tagged or an artifact?
      const covering: ('artifact' | 'tagged' | undefined)[] = [];
      let covered = 0;
      let untaggedPaints = 0;
      let artifactsInTagged = 0;
      let taggedInArtifacts = 0;
      const mcids = new Set<number>();
      operators.fnArray.forEach((operator, index) => {
        const args = operators.argsArray[index] as unknown[] | null;
        if (operator === OPS.beginMarkedContent || operator === OPS.beginMarkedContentProps) {
          const mcid = operator === OPS.beginMarkedContentProps && typeof args?.[1] === 'number' ? args[1] : undefined;
          // BDC's tag arrives as a string, BMC's as a Name object.
          const tag = typeof args?.[0] === 'string' ? args[0] : (args?.[0] as { name?: string } | undefined)?.name;
          const kind = tag === 'Artifact' ? 'artifact' : mcid !== undefined ? 'tagged' : undefined;
          if (kind === 'artifact' && covering.includes('tagged')) artifactsInTagged++;
          if (kind === 'tagged' && covering.includes('artifact')) taggedInArtifacts++;
          if (mcid !== undefined) mcids.add(mcid);
          covering.push(kind);
          if (kind) covered++;
        } else if (operator === OPS.endMarkedContent) {
          if (covering.pop()) covered--;
        } else if (covered === 0) {
          const painted = operator === OPS.constructPath ? paintOperators.has(args?.[0] as number) : paintOperators.has(operator);
          if (painted) untaggedPaints++;
        }
      });
      const textByMcid = new Map<number, string>();
      const content = await page.getTextContent({ includeMarkedContent: true });
      const open: (number | undefined)[] = [];
      for (const item of content.items as TextItem[]) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          const match = item.id ? /_mc(\d+)$/.exec(item.id) : null;
          open.push(match ? Number(match[1]) : undefined);
        } else if (item.type === 'endMarkedContent') open.pop();
        else if (typeof item.str === 'string') {
          let mcid: number | undefined;
          for (let level = open.length - 1; level >= 0 && mcid === undefined; level--) mcid = open[level];
          if (mcid !== undefined) textByMcid.set(mcid, (textByMcid.get(mcid) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
        }
      }
      pages.push({ number, ref: refs[number - 1]!, dict: pdf.getPages()[number - 1]!.node, untaggedPaints, artifactsInTagged, taggedInArtifacts, mcids, textByMcid });
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  const byRef = new Map(refs.map((ref, index) => [ref.toString(), index + 1]));
  return { pdf, pages, pageNumber: (ref) => (ref ? byRef.get(ref.toString()) : undefined) };
}

export const structParentsOf = (page: PDFDict) => page.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
