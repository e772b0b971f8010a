// A redline's changes, put onto the printed tree (the plan says what changed: redline/plan.ts).
// Every text node knows where its characters were written in the Markdown (its position, aligned
// by source-offsets.ts), so inserted words are wrapped in <ins> inside whatever holds them — a
// heading, a list item, a table cell, a note — and the tree keeps its shape. Deleted words go in
// a <del> at the place the plan names; whole deleted paragraphs (or list items) come back as a
// <p> (or <li>) of their own before the block that now follows them. Runs after the sanitiser:
// the elements and their attributes are ours.
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { ChangeLedger } from '../../change-marks.js';
import { changeElement } from '../redline/change-elements.js';
import type { Deletion, RedlinePlan } from '../redline/plan.js';
import { valueOffsets } from '../redline/source-offsets.js';

export interface RedlineOptions {
  plan: RedlinePlan;
  /** The new version's Markdown body, whose offsets the plan and the tree's positions share. */
  source: string;
  /** The memo's language: each change element's `lang` starts with it. */
  lang: string;
  ledger: ChangeLedger;
}

type Parent = Root | Element;

interface PlacedText {
  node: Text;
  parent: Parent;
  ancestors: Parent[];
  offsets: number[];
  /** Deleted words to put in before the character at each index (value.length: at the end). */
  cuts: Map<number, string[]>;
}

/** Blocks a deleted paragraph is put beside. */
const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'pre', 'blockquote', 'table', 'figure', 'aside', 'dt', 'dd', 'section']);
/** Elements a paragraph cannot stand in (its siblings must be items, rows or cells). */
const holdsNoParagraph = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'dl']);

function textsOf(tree: Root, source: string): PlacedText[] {
  const texts: PlacedText[] = [];
  const walk = (parent: Parent, ancestors: Parent[]) => {
    for (const child of parent.children) {
      if (child.type === 'element') walk(child, [...ancestors, parent]);
      if (child.type !== 'text') continue;
      // Code keeps its position on the element around its text.
      const position = child.position ?? (parent.type === 'element' && parent.children.length === 1 ? parent.position : undefined);
      const start = position?.start.offset;
      const end = position?.end.offset;
      const offsets = start === undefined || end === undefined ? child.value.split('').map(() => -1) : valueOffsets(child.value, source, start, end);
      texts.push({ node: child, parent, ancestors: [...ancestors, parent], offsets, cuts: new Map() });
    }
  };
  walk(tree, []);
  return texts;
}

/** Every placed character, by source offset: to find the word before or after a deletion. */
function characterIndex(texts: PlacedText[]): { offset: number; text: number; at: number }[] {
  const index: { offset: number; text: number; at: number }[] = [];
  texts.forEach((text, textNumber) => text.offsets.forEach((offset, at) => offset >= 0 && index.push({ offset, text: textNumber, at })));
  return index.sort((a, b) => a.offset - b.offset || a.text - b.text);
}

/** The first position in a sorted list whose value is at least `value` (binary search). */
function firstAtLeast<T>(sorted: readonly T[], value: number, of: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (of(sorted[middle]!) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const lastBefore = (index: ReturnType<typeof characterIndex>, offset: number) => index[firstAtLeast(index, offset, (entry) => entry.offset) - 1];
const firstFrom = (index: ReturnType<typeof characterIndex>, offset: number) => index[firstAtLeast(index, offset, (entry) => entry.offset)];

/** The nearest block around a text (the nearest list item, for a deleted list item), and what holds it. */
function blockOf(text: PlacedText, tags: ReadonlySet<string>): { block: Element; parent: Parent } | undefined {
  const chain = text.ancestors;
  for (let level = chain.length - 1; level >= 1; level--) {
    const candidate = chain[level]!;
    const parent = chain[level - 1]!;
    const fits = tags === listItemTags || parent.type === 'root' || !holdsNoParagraph.has(parent.tagName);
    if (candidate.type === 'element' && tags.has(candidate.tagName) && fits) return { block: candidate, parent };
  }
  return undefined;
}

const listItemTags = new Set(['li']);

/** Splits a text node into plain text and <ins> pieces, with the deleted words cut in. */
function rewrite(text: PlacedText, inserted: (offset: number) => boolean, options: RedlineOptions): ElementContent[] {
  const { value } = text.node;
  const flags = text.offsets.map((offset) => offset >= 0 && inserted(offset));
  // Spaces between two inserted words belong to the insertion: one <ins> per phrase.
  for (let at = 0; at < value.length; at++) {
    if (flags[at] || !/\s/.test(value[at]!)) continue;
    let next = at;
    while (next < value.length && /\s/.test(value[next]!)) next++;
    if (at > 0 && flags[at - 1] && next < value.length && flags[next]) for (let fill = at; fill < next; fill++) flags[fill] = true;
  }
  const pieces: ElementContent[] = [];
  let run = '';
  let runInserted = false;
  const flush = () => {
    if (run === '') return;
    pieces.push(runInserted ? changeElement('inserted', run, options.ledger, options.lang) : { type: 'text', value: run });
    run = '';
  };
  for (let at = 0; at <= value.length; at++) {
    for (const deleted of text.cuts.get(at) ?? []) {
      flush();
      // A deletion between words keeps a space on each side.
      const needsSpace = pieces.length > 0 && !/\s$/.test(pieceText(pieces.at(-1)!));
      if (needsSpace) pieces.push({ type: 'text', value: ' ' });
      pieces.push(changeElement('deleted', deleted, options.ledger, options.lang));
      if (at < value.length && !/^\s/.test(value[at]!)) pieces.push({ type: 'text', value: ' ' });
    }
    if (at === value.length) break;
    if (flags[at] !== runInserted) {
      flush();
      runInserted = flags[at]!;
    }
    run += value[at];
  }
  flush();
  return pieces;
}

const pieceText = (piece: ElementContent): string => (piece.type === 'text' ? piece.value : piece.type === 'element' ? piece.children.map(pieceText).join('') : '');

function deletedBlock(text: string, listItem: boolean, options: RedlineOptions): Element {
  return { type: 'element', tagName: listItem ? 'li' : 'p', properties: { className: ['redline-deleted-block'] }, children: [changeElement('deleted', text, options.ledger, options.lang)] };
}

export default function rehypeRedline(options: RedlineOptions) {
  return (tree: Root) => {
    const { plan } = options;
    const texts = textsOf(tree, options.source);
    const characters = characterIndex(texts);
    // The plan's ranges are in source order and do not overlap.
    const inserted = (offset: number) => {
      const range = plan.inserted[firstAtLeast(plan.inserted, offset + 1, (candidate) => candidate.end)];
      return range !== undefined && range.start <= offset;
    };
    const blockInserts: { deletion: Deletion; anchor: PlacedText; where: 'before' | 'after' }[] = [];

    for (const deletion of plan.deletions) {
      const previous = deletion.after === undefined ? undefined : lastBefore(characters, deletion.after);
      const next = deletion.before === undefined ? undefined : firstFrom(characters, deletion.before);
      if (deletion.place === 'blocks' && (next ?? previous)) {
        blockInserts.push({ deletion, anchor: texts[(next ?? previous)!.text]!, where: next ? 'before' : 'after' });
        continue;
      }
      const target = deletion.place === 'before' ? (next ? { ...next, cut: next.at } : previous && { ...previous, cut: previous.at + 1 }) : previous ? { ...previous, cut: previous.at + 1 } : next && { ...next, cut: next.at };
      if (!target) {
        // A memo whose every word went: the deletion opens the body.
        tree.children.unshift(deletedBlock(deletion.text, false, options) as RootContent);
        continue;
      }
      const cuts = texts[target.text]!.cuts;
      cuts.set(target.cut, [...(cuts.get(target.cut) ?? []), deletion.text]);
    }

    for (const text of texts) {
      if (text.cuts.size === 0 && !text.offsets.some((offset) => offset >= 0 && inserted(offset))) continue;
      const pieces = rewrite(text, inserted, options);
      const siblings = text.parent.children as ElementContent[];
      siblings.splice(siblings.indexOf(text.node), 1, ...pieces);
    }

    for (const { deletion, anchor, where } of blockInserts) {
      // Put in one after another, in the order they were written.
      for (const block of where === 'after' ? [...deletion.blocks].reverse() : deletion.blocks) {
        // A deleted list item goes back among the list's items; anything else beside the block.
        const item = block.listItem ? blockOf(anchor, listItemTags) : undefined;
        const found = item ?? blockOf(anchor, blockTags);
        if (!found) continue;
        const siblings = found.parent.children as ElementContent[];
        const at = siblings.indexOf(found.block) + (where === 'after' ? 1 : 0);
        siblings.splice(at, 0, deletedBlock(block.text, item !== undefined, options));
      }
    }
  };
}
