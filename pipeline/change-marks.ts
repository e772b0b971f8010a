// How a redline's inserted and deleted words reach a screen reader. Chromium writes <ins> and
// <del> into the PDF's tag tree as plain NonStruct elements, with nothing that tells them apart
// (checked with the headless shell of Chromium 156; aria-label, title and role=insertion change
// nothing); it does keep an element's language as its /Lang. So each <ins>/<del> carries its
// number in a private-use language subtag (`en-US-x-ins-3`, BCP 47 §2.2.7: still English to
// every reader), and the post-pass (print/change-tags.ts) finds the element by it, makes it a
// Span whose /ActualText says "[inserted: …]" or "[deleted: …]", and puts the language back.
// The transform and the render stage write the numbers; the print stage reads them.

export type ChangeKind = 'inserted' | 'deleted';

export interface MarkedChange {
  kind: ChangeKind;
  /** The words, as printed. */
  text: string;
}

const subtags: Record<ChangeKind, string> = { inserted: 'ins', deleted: 'del' };

/** The language of a change's element: the text's own language with the change's number. */
export const changeLang = (lang: string, kind: ChangeKind, index: number) => `${lang}-x-${subtags[kind]}-${index}`;

/** A change's kind and number, and the language it was written in, from its element's /Lang. */
export function readChangeLang(lang: string): { lang: string; kind: ChangeKind; index: number } | undefined {
  const match = /^(.+)-x-(ins|del)-(\d+)$/.exec(lang);
  if (!match) return undefined;
  return { lang: match[1]!, kind: match[2] === 'ins' ? 'inserted' : 'deleted', index: Number(match[3]) };
}

/** What a screen reader hears for a change, instead of the bare words. */
export const spokenChange = (change: MarkedChange) => `[${change.kind}: ${change.text}]`;

/** The changes of one document, numbered in the order they are marked. */
export class ChangeLedger {
  readonly changes: MarkedChange[] = [];

  /** Records a change and returns the `lang` its element carries. */
  mark(kind: ChangeKind, text: string, lang: string): string {
    this.changes.push({ kind, text: text.replace(/\s+/g, ' ').trim() });
    return changeLang(lang, kind, this.changes.length - 1);
  }

  count(kind: ChangeKind): number {
    return this.changes.filter((change) => change.kind === kind).length;
  }
}
