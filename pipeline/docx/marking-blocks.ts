// Page 1's marking blocks where the guides put them: the classification authority block at the
// lower left (ISOO booklet, DoDM 5200.01 Vol. 2), the CUI designation block at the lower right
// (DoD CUI guidance). Each is a borderless floating table anchored in page 1's text and aligned
// to the bottom of its text area, so the body flows above and beside it. (A Word frame did
// the same in Word but pushed LibreOffice's body onto page 2; page 1's footer was cut off there.)
import { BorderStyle, Paragraph, RelativeHorizontalPosition, RelativeVerticalPosition, Table, TableAnchorType, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { MemoView } from '../render/view.js';
import { characterStyle, paragraphStyle } from './styles.js';

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
export const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

/** Twips: 3 in, so the two blocks never meet on A4 or Letter. */
const blockWidth = 4320;

function blockLines(lines: { label: string; value: string }[], style: string): Paragraph[] {
  return lines.map((line) => new Paragraph({ style, children: [new TextRun({ text: `${line.label}:`, style: characterStyle.label }), new TextRun(` ${line.value}`)] }));
}

/** One block: a borderless one-cell table floating at the bottom left or right of page 1's text area. */
function floatingBlock(lines: { label: string; value: string }[], side: 'left' | 'right', style: string): Table {
  return new Table({
    width: { size: blockWidth, type: WidthType.DXA },
    columnWidths: [blockWidth],
    borders: noBorders,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: side === 'left' ? RelativeHorizontalPosition.LEFT : RelativeHorizontalPosition.RIGHT,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      topFromText: 240,
    },
    rows: [new TableRow({ children: [new TableCell({ width: { size: blockWidth, type: WidthType.DXA }, children: blockLines(lines, style) })] })],
  });
}

/**
 * marking-blocks.hbs: the authority block (lower left) and the CUI block (lower right), when the
 * memo has them. Two floating tables need a paragraph between them, or Word joins them into one.
 */
export function markingBlocksPart(view: MemoView): (Table | Paragraph)[] {
  const blocks: (Table | Paragraph)[] = [];
  if (view.authority) blocks.push(floatingBlock(view.authority, 'left', paragraphStyle.authorityBlock));
  if (view.authority && view.cuiBlock) blocks.push(new Paragraph({ style: paragraphStyle.body, children: [] }));
  if (view.cuiBlock) blocks.push(floatingBlock(view.cuiBlock, 'right', paragraphStyle.cuiBlock));
  return blocks;
}
