// A note cited again: Word's own way is a NOTEREF field to a bookmark around the note's first
// reference, which shows the note's number and follows it when a clearer adds a note before it.
// The docx package writes fields only as w:fldSimple, whose result cannot carry the note
// reference's superscript style; this is the same field as begin/instruction/separate/result/end
// inside one run that names the style (the only OOXML written here by hand).
import { BuilderElement, StringContainer, TextRun } from 'docx';

const fieldCharacter = (type: 'begin' | 'separate' | 'end') => new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

export function noteReferenceField(bookmark: string, number: number): TextRun {
  return new TextRun({
    style: 'FootnoteReference',
    children: [fieldCharacter('begin'), new StringContainer('w:instrText', `NOTEREF ${bookmark} \\h`), fieldCharacter('separate'), String(number), fieldCharacter('end')],
  });
}
