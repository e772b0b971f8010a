// Page 1's marking blocks where the guides put them: the classification authority block at the
// lower left (ISOO booklet, DoDM 5200.01 Vol. 2), the CUI designation block at the lower right
// (DoD CUI guidance). Each is a Word frame aligned to the bottom of the first page's text area,
// anchored to a paragraph on page 1, so it stays on page 1 while the text flows past it.
import { FrameAnchorType, HorizontalPositionAlign, Paragraph, TextRun, VerticalPositionAlign } from 'docx';
import type { MemoView } from '../render/view.js';
import { characterStyle, paragraphStyle } from './styles.js';

const blockWidth = 4000; // twips: a little under 2.8 in, so the two blocks never meet
const lineHeight = 240;

function markingBlock(lines: { label: string; value: string }[], side: 'left' | 'right', style: string): Paragraph[] {
  const height = lines.length * lineHeight;
  return lines.map(
    (line) =>
      new Paragraph({
        style,
        frame: {
          type: 'alignment',
          width: blockWidth,
          height,
          anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
          alignment: { x: side === 'left' ? HorizontalPositionAlign.LEFT : HorizontalPositionAlign.RIGHT, y: VerticalPositionAlign.BOTTOM },
        },
        children: [new TextRun({ text: `${line.label}:`, style: characterStyle.label }), new TextRun(` ${line.value}`)],
      }),
  );
}

/** marking-blocks.hbs: the authority block (lower left) and the CUI block (lower right), when the memo has them. */
export function markingBlocksPart(view: MemoView): Paragraph[] {
  return [
    ...(view.authority ? markingBlock(view.authority, 'left', paragraphStyle.authorityBlock) : []),
    ...(view.cuiBlock ? markingBlock(view.cuiBlock, 'right', paragraphStyle.cuiBlock) : []),
  ];
}
