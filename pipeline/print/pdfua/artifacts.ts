// Content that is neither tagged nor an artifact fails PDF/UA (Matterhorn 01-005). Chromium
// draws the @page margin boxes — banners, the running header, "Page X of Y", DRAFT beside the
// banner — and the fixed DRAFT watermark outside any marked content, so screen readers would
// read "UNCLASSIFIED Page 2 of 3" into the middle of every page. Here each such graphics object
// is wrapped in an /Artifact sequence: a pagination artifact (Header, Footer, Watermark) where
// its place on the page says which, a plain artifact otherwise.
//
// One exception is made on purpose: on page 1 the banner (and DRAFT, for a draft) stays real
// content, tagged as the first paragraph of the document, so a screen-reader user hears the
// overall classification once, before the memo, and not again on every page.
import { PDFArray, PDFName, PDFNumber, type PDFDocument } from 'pdf-lib';
import { isName, type Operation } from './content-lexer.js';
import { shownText, type FontText } from './font-text.js';
import { showsText, type ContentStream, type PageContent } from './page-content.js';
import { replaceStream } from './streams.js';

type Matrix = [number, number, number, number, number, number];
type Region = 'Header' | 'Footer' | 'Watermark' | 'Other';

const identity = (): Matrix => [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const numbers = (operation: Operation): number[] => operation.operands.filter((operand): operand is number => typeof operand === 'number');
const asMatrix = (values: number[]): Matrix | undefined => (values.length === 6 ? (values as Matrix) : undefined);

/** A graphics object drawn outside any marked content. */
interface Unit {
  start: number;
  end: number;
  region: Region;
  /** q-nesting depth where it is drawn. */
  depth: number;
  /** Drawn inside a text object that also holds marked content: it stays a group of its own. */
  partial: boolean;
  /** Its text, for a text object. */
  text?: string;
}

interface Group extends Unit {
  /** Tagged content of page 1 instead of an artifact: the MCID it gets. */
  mcid?: number;
}

export interface PageOneLine {
  /** Text as printed, e.g. `SECRET//NOFORN`. */
  text: string;
  /** MCIDs it was tagged with on page 1 (empty if it was not found there). */
  mcids: number[];
}

const markingOperators = new Set(['BDC', 'BMC', 'EMC']);
const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

const artifactOperator: Record<Region, string> = {
  Header: '/Artifact <</Type /Pagination /Subtype /Header /Attached [/Top]>> BDC',
  Footer: '/Artifact <</Type /Pagination /Subtype /Footer /Attached [/Bottom]>> BDC',
  Watermark: '/Artifact <</Type /Pagination /Subtype /Watermark>> BDC',
  Other: '/Artifact BMC',
};

/** Where on the page a point drawn with this matrix lies: the margins hold headers and footers. */
function regionOf(matrix: Matrix, x: number, y: number, box: [number, number, number, number]): Region {
  const pageY = matrix[1] * x + matrix[3] * y + matrix[5];
  const margin = 72; // the templates' 1-inch margins
  if (pageY >= box[3] - margin) return 'Header';
  if (pageY <= box[1] + margin) return 'Footer';
  // Text or shapes turned on the page, in the body area, are the diagonal watermark.
  const turned = Math.abs(matrix[1]) > 1e-3 || Math.abs(matrix[2]) > 1e-3;
  return turned ? 'Watermark' : 'Other';
}

/** The graphics objects of one stream that are outside marked content. */
function unmarkedUnits(stream: ContentStream, fonts: Map<string, FontText>, box: [number, number, number, number], wantText: boolean): Unit[] {
  const units: Unit[] = [];
  let marked = 0;
  let depth = 0;
  let ctm = identity();
  const saved: Matrix[] = [];
  let text: { start: number; markedAtStart: number; touchedMarks: boolean; shows: { operation: Operation; marked: number; region: Region; font?: FontText }[] } | undefined;
  let lineMatrix = identity();
  let textMatrix = identity();
  let font: FontText | undefined;
  let path: { start: number; x: number; y: number } | undefined;
  let inlineImage: number | undefined;

  for (const operation of stream.operations) {
    const { operator } = operation;
    switch (operator) {
      case 'q':
        saved.push(ctm);
        depth++;
        break;
      case 'Q':
        ctm = saved.pop() ?? identity();
        depth = Math.max(0, depth - 1);
        break;
      case 'cm': {
        const matrix = asMatrix(numbers(operation));
        if (matrix) ctm = multiply(matrix, ctm);
        break;
      }
      case 'BDC':
      case 'BMC':
        marked++;
        if (text) text.touchedMarks = true;
        break;
      case 'EMC':
        marked = Math.max(0, marked - 1);
        if (text) text.touchedMarks = true;
        break;
      case 'BT':
        text = { start: operation.start, markedAtStart: marked, touchedMarks: false, shows: [] };
        lineMatrix = identity();
        textMatrix = identity();
        break;
      case 'Tf': {
        const name = operation.operands[0];
        font = isName(name) ? fonts.get(name) : undefined;
        break;
      }
      case 'Tm': {
        const matrix = asMatrix(numbers(operation));
        if (matrix) lineMatrix = textMatrix = matrix;
        break;
      }
      case 'Td':
      case 'TD': {
        const [tx = 0, ty = 0] = numbers(operation);
        lineMatrix = textMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
        break;
      }
      case 'ET': {
        const current = text;
        text = undefined;
        if (!current || current.shows.length === 0) break;
        if (current.markedAtStart === 0 && !current.touchedMarks) {
          const shown = wantText ? current.shows.map((show) => shownText(show.operation.operands, show.font)).join('') : undefined;
          units.push({ start: current.start, end: operation.end, region: current.shows[0]!.region, depth, partial: false, text: shown });
        } else {
          for (const show of current.shows) {
            if (show.marked === 0) units.push({ start: show.operation.start, end: show.operation.end, region: show.region, depth, partial: true });
          }
        }
        break;
      }
      case 'Do':
      case 'sh':
        if (marked === 0) units.push({ start: operation.start, end: operation.end, region: regionOf(ctm, 0.5, 0.5, box), depth, partial: false });
        break;
      case 'BI':
        inlineImage = operation.start;
        break;
      case 'EI':
        if (marked === 0 && inlineImage !== undefined) units.push({ start: inlineImage, end: operation.end, region: regionOf(ctm, 0.5, 0.5, box), depth, partial: false });
        inlineImage = undefined;
        break;
      case 'n':
        path = undefined; // a clipping path only: nothing is drawn
        break;
      default:
        if (showsText(operator) && text) {
          text.shows.push({ operation, marked, region: regionOf(multiply(textMatrix, ctm), 0, 0, box), font });
        } else if (pathConstruction.has(operator)) {
          if (!path) {
            const values = numbers(operation);
            // A rectangle is placed by its centre, a path by its first point.
            const [x = 0, y = 0, width = 0, height = 0] = values;
            path = operator === 're' ? { start: operation.start, x: x + width / 2, y: y + height / 2 } : { start: operation.start, x, y };
          }
        } else if (pathPainting.has(operator)) {
          if (path && marked === 0) units.push({ start: path.start, end: operation.end, region: regionOf(ctm, path.x, path.y, box), depth, partial: false });
          path = undefined;
        }
    }
  }
  return units;
}

/**
 * Joins neighbouring units of one region into one marked-content sequence, so a header drawn as
 * twenty text objects gets one /Artifact pair, not twenty. Units join only when nothing marked
 * lies between them and the graphics state nesting between them never drops below theirs.
 */
function groupUnits(stream: ContentStream, units: Unit[]): Group[] {
  const groups: Group[] = [];
  let unitIndex = 0;
  let open: Group | undefined;
  let depth = 0;
  let lowest = 0;
  let marksBetween = false;
  for (const operation of stream.operations) {
    while (unitIndex < units.length && units[unitIndex]!.start <= operation.start) {
      const unit = units[unitIndex++]!;
      if (open && !open.partial && !unit.partial && open.region === unit.region && open.text === undefined && unit.text === undefined && !marksBetween && unit.depth === open.depth && lowest >= open.depth) {
        open.end = unit.end;
      } else {
        if (open) groups.push(open);
        open = { ...unit };
      }
      marksBetween = false;
      lowest = depth;
    }
    if (open && operation.start >= open.end) {
      if (markingOperators.has(operation.operator)) marksBetween = true;
    }
    if (operation.operator === 'q') depth++;
    else if (operation.operator === 'Q') {
      depth = Math.max(0, depth - 1);
      lowest = Math.min(lowest, depth);
    }
  }
  if (open) groups.push(open);
  return groups;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** On page 1, the header text objects that spell each line to keep, given an MCID each. */
function tagPageOneLines(groups: Group[], lines: PageOneLine[], nextMcid: () => number): void {
  const header = groups.filter((group) => group.region === 'Header' && group.text !== undefined && !group.partial);
  for (const line of lines) {
    const wanted = squeeze(line.text);
    if (!wanted) continue;
    for (let first = 0; first < header.length && line.mcids.length === 0; first++) {
      let joined = '';
      for (let last = first; last < header.length && joined.length < wanted.length; last++) {
        if (header[last]!.mcid !== undefined) break;
        joined += squeeze(header[last]!.text ?? '');
        if (joined === wanted) {
          for (const group of header.slice(first, last + 1)) {
            group.mcid = nextMcid();
            line.mcids.push(group.mcid);
          }
          break;
        }
      }
    }
  }
}

function rewrite(bytes: Uint8Array, groups: Group[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const group of groups) {
    const open = group.mcid === undefined ? artifactOperator[group.region] : `/P <</MCID ${group.mcid}>> BDC`;
    parts.push(bytes.subarray(at, group.start), encoder.encode(`\n${open}\n`), bytes.subarray(group.start, group.end), encoder.encode('\nEMC\n'));
    at = group.end;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts);
}

function pageBox(page: PageContent): [number, number, number, number] {
  const box = page.dict.lookupMaybe(PDFName.of('CropBox'), PDFArray) ?? page.dict.lookupMaybe(PDFName.of('MediaBox'), PDFArray);
  const values = box?.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
  return values && values.length === 4 ? [Math.min(values[0]!, values[2]!), Math.min(values[1]!, values[3]!), Math.max(values[0]!, values[2]!), Math.max(values[1]!, values[3]!)] : [0, 0, 612, 792];
}

/**
 * Wraps every unmarked graphics object of a page as an artifact; on the page given `lines`,
 * tags those lines instead and returns the MCIDs they got. Streams are rewritten only if they
 * changed.
 */
export function markArtifacts(pdf: PDFDocument, page: PageContent, lines: PageOneLine[] = []): void {
  const box = pageBox(page);
  let next = page.highestMcid + 1;
  for (const stream of page.streams) {
    const units = unmarkedUnits(stream, page.fonts, box, lines.length > 0);
    if (units.length === 0) continue;
    const groups = groupUnits(stream, units);
    if (lines.length > 0) tagPageOneLines(groups, lines, () => next++);
    page.highestMcid = next - 1;
    replaceStream(pdf, stream.ref, stream.stream, rewrite(stream.bytes, groups));
  }
}
