// The heading block: a memo's date, "INFORMATION MEMO FOR …" and its fields (THROUGH, FROM, SUBJECT) as a
// borderless two-column table, so the labels stay aligned however a clearer edits the values;
// a policy brief's kind, title, subtitle, byline and date. Same words as memo-heading.hbs.
import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { MemoView } from '../render/view.js';
import { noBorders } from './marking-blocks.js';
import { portionRuns } from './memo-parts.js';
import { characterStyle, paragraphStyle } from './styles.js';

/** One field of the heading block: its label and its value's runs. */
export interface HeadingField {
  label: string;
  value: TextRun[];
  /** The SUBJECT line is the memo's title (Word's outline level 1). */
  subject?: boolean;
}

/** The fields under the addressee line, in order: THROUGH: (when the memo goes through anyone), FROM:, SUBJECT:. */
export function headingFields(view: MemoView): HeadingField[] {
  return [
    ...(view.through ? [{ label: 'THROUGH:', value: [new TextRun(view.through)] }] : []),
    { label: 'FROM:', value: [new TextRun(view.from)] },
    { label: 'SUBJECT:', value: portionRuns(view.subject), subject: true },
  ];
}


export function memoHeadingPart(view: MemoView): (Paragraph | Table)[] {
  const rows = headingFields(view).map(
    (field) =>
      new TableRow({
        children: [
          new TableCell({ width: { size: 1440, type: WidthType.DXA }, children: [new Paragraph({ style: paragraphStyle.memoField, children: [new TextRun({ text: field.label, style: characterStyle.label })] })] }),
          new TableCell({ children: [new Paragraph({ style: field.subject ? paragraphStyle.subject : paragraphStyle.memoField, children: field.value })] }),
        ],
      }),
  );
  return [
    new Paragraph({ style: paragraphStyle.memoDate, children: [new TextRun(view.dateText)] }),
    new Paragraph({ style: paragraphStyle.memoFor, children: [new TextRun(`${view.memoKind} FOR ${view.addressees}`)] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [1440, 7920], borders: noBorders, rows }),
    new Paragraph({ style: paragraphStyle.body, children: [] }),
  ];
}

/** policy-brief.hbs's header: kind, title, subtitle, authors and issuing office, date. */
export function briefHeadingPart(view: MemoView): Paragraph[] {
  return [
    new Paragraph({ style: paragraphStyle.briefKind, children: [new TextRun(view.memoKind)] }),
    new Paragraph({ style: paragraphStyle.briefTitle, children: portionRuns(view.subject) }),
    ...(view.subtitle ? [new Paragraph({ style: paragraphStyle.subtitle, children: [new TextRun(view.subtitle)] })] : []),
    ...view.authors.map((author) => new Paragraph({ style: paragraphStyle.byline, children: [new TextRun(author)] })),
    ...(view.issuedBy ? [new Paragraph({ style: paragraphStyle.byline, children: [new TextRun(view.issuedBy)] })] : []),
    new Paragraph({ style: paragraphStyle.memoDate, children: [new TextRun(view.dateText)] }),
  ];
}
