// A note cited again: Word's own way is a NOTEREF field to a bookmark around the note's first
// reference, which shows the note's number and follows it when a clearer adds a note before it.
// The docx package writes fields only as w:fldSimple, whose result cannot carry the note
// reference's superscript style; this is the same field as begin/instruction/separate/result/end
// runs, the result's run naming the style (the only OOXML written here by hand). Each field
// character has a run of its own, as Word writes them: LibreOffice misreads them in one run.
import { BuilderElement, StringContainer, TextRun } from 'docx';

const fieldCharacter = (type: 'begin' | 'separate' | 'end') => new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

export function noteReferenceField(bookmark: string, number: number): TextRun[] {
  return [
    new TextRun({ children: [fieldCharacter('begin')] }),
    new TextRun({ children: [new StringContainer('w:instrText', `NOTEREF ${bookmark} \\h`)] }),
    new TextRun({ children: [fieldCharacter('separate')] }),
    new TextRun({ text: String(number), style: 'FootnoteReference' }),
    new TextRun({ children: [fieldCharacter('end')] }),
  ];
}
