// A portion mark is the parenthetical abbreviation that opens a portion: `(U)`, `(CUI)`,
// `(S//NF)`. Which abbreviations exist comes from the marking system (markings.ts), so a UK or
// NATO scheme needs no code. This file reads one mark from the start of a string; the
// transform places it in the tree and marking-rules.ts judges the whole memo.
import type { MarkingSystem } from './markings.js';
import type { Place } from './diagnostics.js';

export interface PortionMark {
  /** As written inside the parentheses, e.g. `S//NF`. */
  text: string;
  /** The level abbreviation, e.g. `S`. */
  abbreviation: string;
  /** Position of the level in the marking system, lowest first. */
  rank: number;
  /** Caveat categories after the level: `S//NF/REL` → [['NF', 'REL']]. */
  caveats: string[][];
}

export type PortionMarkParse =
  | { kind: 'none' }
  /** `consumed` counts the mark and the spaces after it. */
  | { kind: 'mark'; mark: PortionMark; consumed: number }
  | { kind: 'invalid'; reason: string; consumed: number };

/** What a portion is, for messages: "this list item has no portion mark". */
export type PortionKind = 'title' | 'paragraph' | 'heading' | 'list item' | 'caption' | 'BLUF' | 'key point' | 'recommendation';

/** One portion of a memo, wherever it was written (body or frontmatter). */
export interface Portion {
  kind: PortionKind;
  mark?: PortionMark;
  /** The portion takes its mark from the list item it sits in (sub-bullets, follow-on paragraphs). */
  inherited: boolean;
  place: Place;
}

// Level abbreviations are capitals (and hyphens, for schemes like OFFICIAL-SENSITIVE); caveats
// follow after `//`. A mark ends at `)` followed by a space or the end of the text.
const markPattern = /^\(([A-Z][A-Z-]{0,19})(\/\/[^()\n]*)?\)(?=\s|$)/;
const caveatValue = /^[A-Z0-9][A-Z0-9 ,.-]*$/;

export function parsePortionMark(text: string, system: MarkingSystem): PortionMarkParse {
  const match = markPattern.exec(text);
  if (!match) return { kind: 'none' };
  const written = match[0];
  const consumed = written.length + (/^\s*/.exec(text.slice(written.length))?.[0].length ?? 0);
  const abbreviation = match[1]!;
  const caveatText = match[2];
  const rank = system.levels.findIndex((level) => level.portion === abbreviation);
  if (rank < 0) {
    const spelledOut = system.levels.find((level) => level.banner === abbreviation);
    if (spelledOut) {
      return { kind: 'invalid', reason: `portion mark "${written}" spells the level out; abbreviate it as "(${spelledOut.portion}${caveatText ?? ''})"`, consumed };
    }
    // "(NATO) …" or "(A) …" opens many ordinary sentences: only a `//` says it was meant as a mark.
    if (!caveatText) return { kind: 'none' };
    const known = system.levels.map((level) => `(${level.portion})`).join(', ');
    return { kind: 'invalid', reason: `portion mark "${written}" does not start with a known level; use one of ${known}`, consumed };
  }
  const caveats = (caveatText ?? '')
    .split('//')
    .slice(1)
    .map((category) => category.split('/').map((value) => value.trim()));
  for (const values of caveats) {
    for (const value of values) {
      if (!caveatValue.test(value)) {
        return { kind: 'invalid', reason: `portion mark "${written}" has an empty or malformed caveat; separate categories with // and values with /, e.g. (S//NF)`, consumed };
      }
      if (system.forbiddenInBanner.includes(value.toUpperCase())) {
        return { kind: 'invalid', reason: `"${value}" never goes inside a portion mark; remove it from "${written}" (status: draft prints DRAFT on the page)`, consumed };
      }
    }
  }
  return { kind: 'mark', mark: { text: written.slice(1, -1), abbreviation, rank, caveats }, consumed };
}

/** Splits a frontmatter string such as a title into its mark and the rest, for display. */
export function splitPortionMark(text: string, system: MarkingSystem): { mark?: string; text: string } {
  const parsed = parsePortionMark(text, system);
  if (parsed.kind !== 'mark') return { text };
  return { mark: `(${parsed.mark.text})`, text: text.slice(parsed.consumed) };
}
