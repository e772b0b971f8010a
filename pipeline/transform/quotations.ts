// Where a block of prose quotes someone: the spans between quotation marks, straight (" '),
// typographic (“ ” ‘ ’ „), Japanese (「」 『』 〝〟) or guillemets (« »). Text inside a quotation is
// what someone else said and is printed as written (remark-acronyms leaves it alone).
// Marks pair like brackets, so a quotation may hold another; an apostrophe (Korea's, ’90s,
// rock 'n' roll's inner letters) is not a quotation mark; a quotation left open runs to the end
// of its block, the safe reading when in doubt.

export interface QuotedSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index just after the closing mark (or the end of the text, if it was never closed). */
  end: number;
}

type Kind = 'double' | 'single' | 'corner' | 'white-corner' | 'double-prime' | 'guillemet';

const opening: Record<string, Kind> = { '“': 'double', '„': 'double', '‘': 'single', '「': 'corner', '『': 'white-corner', '〝': 'double-prime', '«': 'guillemet' };
const closing: Record<string, Kind> = { '”': 'double', '’': 'single', '」': 'corner', '』': 'white-corner', '〟': 'double-prime', '〞': 'double-prime', '»': 'guillemet' };

const wordCharacter = /[\p{L}\p{N}]/u;
const isWord = (character: string | undefined) => character !== undefined && wordCharacter.test(character);
const isSpace = (character: string | undefined) => character === undefined || /\s/u.test(character);
/** What may stand right before an opening mark: nothing, a space, an opening bracket or dash, another mark. */
const opensAfter = (character: string | undefined) => isSpace(character) || /[([{\-–—/"'“‘„「『〝«]/u.test(character!);

export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const open: { kind: Kind; at: number }[] = [];

  const close = (kind: Kind, at: number): boolean => {
    const index = open.map((mark) => mark.kind).lastIndexOf(kind);
    if (index < 0) return false;
    const outermost = open[0]!;
    open.length = index; // an inner mark left open ends with the quotation that holds it
    if (open.length === 0) spans.push({ start: outermost.at, end: at + 1 });
    return true;
  };
  const isOpen = (kind: Kind) => open.some((mark) => mark.kind === kind);

  for (let at = 0; at < text.length; at++) {
    const character = text[at]!;
    const before = text[at - 1];
    const after = text[at + 1];
    if (character === '"') {
      // Straight double quotes pair up: a mark after a word closes an open quotation, one before a word opens.
      if (isOpen('double') && !isSpace(before)) close('double', at);
      else if (!isSpace(after)) open.push({ kind: 'double', at });
    } else if (character === "'" || character === '’') {
      // Between two letters it is an apostrophe (Korea's); before a digit, an elision ('90s).
      if (isWord(before) && isWord(after)) continue;
      if (isOpen('single') && !isSpace(before)) close('single', at);
      else if (character === "'" && opensAfter(before) && isWord(after) && !/\p{N}/u.test(after!)) open.push({ kind: 'single', at });
    } else if (character === '‘') {
      if (!/\p{N}/u.test(after ?? '')) open.push({ kind: 'single', at });
    } else if (opening[character]) {
      open.push({ kind: opening[character]!, at });
    } else if (closing[character]) {
      close(closing[character]!, at);
    }
  }
  if (open.length > 0) spans.push({ start: open[0]!.at, end: text.length });
  return spans;
}

/** Whether the character at `index` lies inside one of `spans`. */
export function isQuoted(spans: QuotedSpan[], index: number): boolean {
  return spans.some((span) => span.start <= index && index < span.end);
}
