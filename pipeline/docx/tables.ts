// A Markdown table → a Word table whose header row repeats on every page it runs onto
// (w:tblHeader), as the PDF repeats <thead>; rows do not split across pages.
import type { Element } from 'hast';
import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType } from 'docx';
import type { BodyWriter } from './blocks.js';
import { inlineRuns } from './inline.js';
import { paragraphStyle } from './styles.js';

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const elements = (parent: Element, ...tags: string[]) => parent.children.filter((child): child is Element => child.type === 'element' && tags.includes(child.tagName));

export function wordTable(table: Element, writer: BodyWriter): Table {
  const head = elements(table, 'thead').flatMap((section) => elements(section, 'tr'));
  const body = [...elements(table, 'tbody').flatMap((section) => elements(section, 'tr')), ...elements(table, 'tr')];
  const row = (tr: Element, header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: elements(tr, 'th', 'td').map((cell) => {
        const align = String(cell.properties?.align ?? '') as keyof typeof alignments;
        return new TableCell({
          shading: header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined,
          children: [
            new Paragraph({
              style: header ? paragraphStyle.tableHeading : paragraphStyle.tableText,
              alignment: alignments[align],
              children: inlineRuns(cell.children, writer.context, writer.inline),
            }),
          ],
        });
      }),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...head.map((tr) => row(tr, true)), ...body.map((tr) => row(tr, false))],
  });
}
