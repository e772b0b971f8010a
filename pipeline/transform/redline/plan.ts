// What a redline marks: the words of the Markdown inserted and deleted between two versions.
// The diff is by words (and punctuation marks) on the Markdown's text, so reflowing a paragraph
// or changing only whitespace marks nothing. Inserted words are ranges of the new source, which
// the transform finds again in the printed tree (rehype-redline.ts). Deleted words exist only in
// the old source: their text is read from the old version's own Markdown tree (so `**`, `#` and
// `|` never print as struck words), and each run of them is placed where it stood: after the word
// before it, before the word after it when it opened a paragraph, or as a paragraph (or list
// item) of its own when whole paragraphs went.
import { diffArrays } from 'diff';
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { typographicText } from '../plugins/remark-typography.js';
import { valueOffsets } from './source-offsets.js';

export interface SourceRange {
  start: number;
  end: number;
}

export interface Deletion {
  /** The deleted words as they read, whitespace collapsed. */
  text: string;
  /** Offsets in the new source: the end of the word before the run, the start of the word after it. */
  after?: number;
  before?: number;
  /** Where it goes: after the word before it, before the word after it, or as blocks of its own. */
  place: 'after' | 'before' | 'blocks';
  /** For `blocks`: each deleted block's words, and whether it was a list item. */
  blocks: { text: string; listItem: boolean }[];
}

export interface RedlinePlan {
  /** Ranges of the new source holding inserted words (whitespace between them included). */
  inserted: SourceRange[];
  deletions: Deletion[];
  insertedWords: number;
  deletedWords: number;
}

interface Token extends SourceRange {
  text: string;
}

/** Words (letters, digits and their marks) and single punctuation marks, with their places. */
export function wordTokens(source: string): Token[] {
  return [...source.matchAll(/[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

const isWord = (token: Token) => /[\p{L}\p{N}]/u.test(token.text);

/** The first of the characters (in source order) at or after `offset`. */
function firstFrom(characters: readonly OldCharacter[], offset: number): number {
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (characters[middle]!.offset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A character of the old version's text, its source offset and its block. */
interface OldCharacter {
  character: string;
  offset: number;
  block: number;
}

const blockTypes = new Set(['paragraph', 'heading', 'tableCell', 'code']);

/** Every character the old version prints from its own text, in source order, with its block. */
function oldCharacters(source: string): { characters: OldCharacter[]; listItems: Set<number> } {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(source) as Root;
  const characters: OldCharacter[] = [];
  const listItems = new Set<number>();
  let blocks = 0;
  const visit = (node: Nodes, block: number | undefined, inListItem: boolean) => {
    let here = block;
    if (blockTypes.has(node.type) && block === undefined) {
      here = blocks++;
      if (inListItem) listItems.add(here);
    }
    if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && node.position && here !== undefined) {
      const start = node.position.start.offset ?? 0;
      const offsets = valueOffsets(node.value, source, start, node.position.end.offset ?? start);
      for (let index = 0; index < node.value.length; index++) {
        if (offsets[index]! >= 0) characters.push({ character: node.value[index]!, offset: offsets[index]!, block: here });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, here, node.type === 'listItem' || (inListItem && here === undefined));
  };
  visit(tree, undefined, false);
  characters.sort((a, b) => a.offset - b.offset);
  return { characters, listItems };
}

/** The characters as words: a space wherever the source had whitespace or a block ended between them. */
function readText(characters: OldCharacter[], source: string): string {
  let text = '';
  characters.forEach((current, index) => {
    const previous = characters[index - 1];
    if (previous && (previous.block !== current.block || /\s/.test(source.slice(previous.offset + 1, current.offset)))) text += ' ';
    text += current.character;
  });
  return typographicText(text.replace(/\s+/g, ' ').trim());
}

/** Joins inserted tokens separated by whitespace only into one range, so a phrase is one insertion. */
function insertedRanges(tokens: Token[], source: string): SourceRange[] {
  const ranges: SourceRange[] = [];
  for (const token of tokens) {
    const last = ranges.at(-1);
    if (last && /^\s*$/.test(source.slice(last.end, token.start))) last.end = token.end;
    else ranges.push({ start: token.start, end: token.end });
  }
  return ranges;
}

/** One stretch of the diff, in token indices of each version. */
export interface Stretch {
  kind: 'kept' | 'added' | 'removed';
  old: [number, number];
  new: [number, number];
}

/** The word diff of two token lists, as stretches kept, added and removed. */
export function stretches(oldTokens: Token[], newTokens: Token[]): Stretch[] {
  const found: Stretch[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const part of diffArrays(
    oldTokens.map((token) => token.text),
    newTokens.map((token) => token.text),
  )) {
    const count = part.value.length;
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'kept';
    const oldEnd = kind === 'added' ? oldAt : oldAt + count;
    const newEnd = kind === 'removed' ? newAt : newAt + count;
    found.push({ kind, old: [oldAt, oldEnd], new: [newAt, newEnd] });
    oldAt = oldEnd;
    newAt = newEnd;
  }
  return found;
}

/** How well a run of tokens fits the text's blocks: starting a line or paragraph, ending one. */
function fit(tokens: Token[], source: string, start: number, end: number): number {
  const gapBefore = source.slice(start > 0 ? tokens[start - 1]!.end : 0, tokens[start]!.start);
  const gapAfter = source.slice(tokens[end - 1]!.end, end < tokens.length ? tokens[end]!.start : source.length);
  // A run that starts on a new line counts most: that is where a list item or paragraph begins.
  const newLine = (gap: string) => (gap.includes('\n') ? 1 : 0);
  return 2 * newLine(gapBefore) + newLine(gapAfter);
}

/**
 * A run of changed tokens between two kept stretches can often sit in several places: deleting
 * "- (U) Second item." from a list whose items all open with "- (U)" may be read as deleting
 * "Second item. - (U)". Like git's diff heuristics, each such run is slid to where it best fits
 * the text's lines and paragraphs, so a deleted list item or paragraph is deleted whole.
 */
function slide(parts: Stretch[], oldTokens: Token[], newTokens: Token[], oldSource: string, newSource: string): void {
  parts.forEach((part, index) => {
    const before = parts[index - 1];
    const after = parts[index + 1];
    if (part.kind === 'kept' || (before && before.kind !== 'kept') || (after && after.kind !== 'kept')) return;
    const side = part.kind === 'removed' ? 'old' : 'new';
    const tokens = side === 'old' ? oldTokens : newTokens;
    const source = side === 'old' ? oldSource : newSource;
    let [start, end] = part[side];
    if (start === end) return;
    // Slide to the leftmost place the run can take, then try each place to the right.
    // At the start or the end of the text there is no kept stretch to slide into but the text's own edge.
    const leftEdge = before ? before[side][0] : 0;
    const rightEdge = after ? after[side][1] : tokens.length;
    while (start > leftEdge && tokens[start - 1]!.text === tokens[end - 1]!.text) {
      start -= 1;
      end -= 1;
    }
    let best = { start, end, score: fit(tokens, source, start, end) };
    while (end < rightEdge && tokens[start]!.text === tokens[end]!.text) {
      start += 1;
      end += 1;
      const score = fit(tokens, source, start, end);
      if (score > best.score) best = { start, end, score };
    }
    const shift = best.start - part[side][0];
    if (shift === 0) return;
    part[side] = [best.start, best.end];
    const other = side === 'old' ? 'new' : 'old';
    part[other] = [part[other][0] + shift, part[other][1] + shift];
    if (before) {
      before.old[1] += shift;
      before.new[1] += shift;
    }
    if (after) {
      after.old[0] += shift;
      after.new[0] += shift;
    }
  });
}

export function redlinePlan(oldSource: string, newSource: string): RedlinePlan {
  const oldTokens = wordTokens(oldSource);
  const newTokens = wordTokens(newSource);
  const old = oldCharacters(oldSource);
  const parts = stretches(oldTokens, newTokens);
  slide(parts, oldTokens, newTokens, oldSource, newSource);
  const added: Token[] = parts.filter((part) => part.kind === 'added').flatMap((part) => newTokens.slice(...part.new));
  const removedRuns = parts.filter((part) => part.kind === 'removed').map((part) => ({ tokens: oldTokens.slice(...part.old), newIndex: part.new[0] }));

  // Each block's first and last printed character, to tell whether a run takes whole blocks.
  const blockEnds = new Map<number, { first: number; last: number }>();
  for (const character of old.characters) {
    const ends = blockEnds.get(character.block);
    if (ends) ends.last = character.offset;
    else blockEnds.set(character.block, { first: character.offset, last: character.offset });
  }
  const deletions: Deletion[] = [];
  for (const run of removedRuns) {
    const start = run.tokens[0]!.start;
    const end = run.tokens.at(-1)!.end;
    const characters = old.characters.slice(firstFrom(old.characters, start), firstFrom(old.characters, end));
    // Markup alone (a `**` or a list marker) deletes no words: nothing to print.
    if (!characters.some((character) => /[\p{L}\p{N}]/u.test(character.character))) continue;
    const touched = [...new Set(characters.map((character) => character.block))];
    const firstOfBlock = blockEnds.get(touched[0]!)!.first >= start;
    const lastOfBlock = blockEnds.get(touched.at(-1)!)!.last < end;
    const after = run.newIndex > 0 ? newTokens[run.newIndex - 1]!.end : undefined;
    const before = run.newIndex < newTokens.length ? newTokens[run.newIndex]!.start : undefined;
    const wholeBlocks = firstOfBlock && lastOfBlock;
    deletions.push({
      text: readText(characters, oldSource),
      after,
      before,
      place: wholeBlocks ? 'blocks' : firstOfBlock && before !== undefined ? 'before' : 'after',
      blocks: wholeBlocks
        ? touched.map((block) => ({ text: readText(characters.filter((character) => character.block === block), oldSource), listItem: old.listItems.has(block) }))
        : [],
    });
  }
  return {
    inserted: insertedRanges(added, newSource),
    deletions,
    insertedWords: added.filter(isWord).length,
    deletedWords: removedRuns.flatMap((run) => run.tokens).filter(isWord).length,
  };
}
