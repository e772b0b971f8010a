// What the converters of one memo share while they walk the body: the notes met so far (Word
// numbers footnotes by where they are referred to, as the PDF numbers notes), the lists that need
// their own numbering, the images the transform allowed, and the memo's file for warnings.
import type { Element } from 'hast';
import type { VFile } from 'vfile';
import type { AssetMap } from '../types.js';

export interface NoteEntry {
  /** Word's footnote id (1, 2, …), in the order the notes are first referred to. */
  id: number;
  /** The note's content, from the transform's notes section. */
  content?: Element;
  /** Bookmark around its first reference: a later reference is a NOTEREF field to it. */
  bookmark: string;
}

/** One numbered or bulleted list: Word restarts numbering for each (a numbering instance). */
export interface ListInstance {
  reference: string;
  instance: number;
}

export class WordContext {
  readonly notes = new Map<string, NoteEntry>();
  /** Each ordered list's first number (`<ol start>`): one Word numbering definition per value. */
  readonly orderedStarts = new Set<number>();
  private instances = 0;

  constructor(
    /** Images the transform checked and allowed: virtual URL → file inside the content folder. */
    readonly assets: AssetMap,
    /** The notes section's items by their element id (`user-content-fn-…`). */
    readonly noteContents: Map<string, Element>,
    readonly file: VFile,
  ) {}

  /** The note an in-text reference (`#user-content-fn-x`) points to: new on its first reference. */
  noteFor(href: string): { entry: NoteEntry; first: boolean } | undefined {
    const target = href.replace(/^#/, '');
    const known = this.notes.get(target);
    if (known) return { entry: known, first: false };
    const content = this.noteContents.get(target);
    if (!content) return undefined;
    const id = this.notes.size + 1;
    const entry: NoteEntry = { id, content, bookmark: `_Note${id}` };
    this.notes.set(target, entry);
    return { entry, first: true };
  }

  newList(ordered: boolean, start: number): ListInstance {
    this.instances += 1;
    if (ordered) this.orderedStarts.add(start);
    return { reference: ordered ? orderedReference(start) : bulletReference, instance: this.instances };
  }
}

export const bulletReference = 'bullets';
export const orderedReference = (start: number) => `numbered-from-${start}`;

/** A Word bookmark name for an element id: letters, digits and underscores, at most 40 characters. */
export const bookmarkName = (id: string) => `ref_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);
