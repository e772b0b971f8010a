// A redline's insertions and deletions in the tag tree. Chromium tags <ins> and <del> as plain
// NonStruct elements, so a screen reader cannot tell a deleted word from a kept one; it keeps an
// element's language, which carries each change's number (change-marks.ts). Each such element
// becomes a Span whose /ActualText says what happened ("[deleted: met briefly]") — what a screen
// reader reads, and what is copied — and gets its own language back.
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { readChangeLang, spokenChange, type MarkedChange } from '../change-marks.js';
import { structureElements } from './pdfua/structure.js';

const Lang = PDFName.of('Lang');

function languageOf(dict: PDFDict): string | undefined {
  const value = dict.lookup(Lang);
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Tags each change Chromium printed; returns how many it found. */
export function tagChanges(pdf: PDFDocument, changes: readonly MarkedChange[]): number {
  if (changes.length === 0) return 0;
  let tagged = 0;
  for (const element of structureElements(pdf)) {
    const lang = languageOf(element.dict);
    const marked = lang ? readChangeLang(lang) : undefined;
    const change = marked ? changes[marked.index] : undefined;
    if (!marked || !change || change.kind !== marked.kind) continue;
    element.dict.set(PDFName.of('S'), PDFName.of('Span'));
    element.dict.set(PDFName.of('ActualText'), PDFHexString.fromText(spokenChange(change)));
    // The language around it is the memo's own unless its parent says otherwise.
    const parentLang = element.parent ? languageOf(element.parent.dict) : undefined;
    if (parentLang === undefined || parentLang === marked.lang) element.dict.delete(Lang);
    else element.dict.set(Lang, PDFString.of(marked.lang));
    tagged += 1;
  }
  return tagged;
}
