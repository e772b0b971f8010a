// Where each character of a text node was written in the Markdown. A node's value is not a copy
// of its source: escapes and continuation indents are gone, quotes became typographic, an
// acronym was written out. The two are aligned character by character (a diff), so a character
// the source has is placed exactly, and one it lacks (an expansion's words) is placed nowhere.
import { diffChars } from 'diff';

/** Typographic quotes print what straight ones were typed as: the same character for alignment. */
const typed = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

/** For each UTF-16 unit of `value`, its offset in `source`, or -1 where the source does not hold it. */
export function valueOffsets(value: string, source: string, start: number, end: number): number[] {
  const span = source.slice(start, end);
  if (span === value) return Array.from({ length: value.length }, (_, index) => start + index);
  const offsets: number[] = [];
  let at = start;
  for (const part of diffChars(typed(span), typed(value))) {
    if (part.removed) at += part.value.length;
    else if (part.added) for (let index = 0; index < part.value.length; index++) offsets.push(-1);
    else for (let index = 0; index < part.value.length; index++) offsets.push(at++);
  }
  return offsets;
}
