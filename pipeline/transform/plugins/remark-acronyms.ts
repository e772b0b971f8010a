// The first use of each acronym in a memo is spelled out, "extended deterrence dialogue (EDD)",
// from the glossary (source/glossary.ts); later uses stay short. An acronym the author already
// introduced in parentheses is left alone and counts as defined. One that is defined nowhere is
// a warning at its first use. The detector is deliberately conservative: 2–6 capitals standing
// alone, never in headings, links or code, never a portion mark, a marking word, a roman
// numeral, a code the glossary lists as plain (country codes), or part of a run of capitals.
// Quoted words are someone else's and print as written: nothing inside quotation marks
// (quotations.ts), a block quote or a :::quote is expanded, reported or counted as a first use.
import type { Nodes, Parent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { reportWarning } from '../../source/diagnostics.js';
import type { Glossary } from '../../source/glossary.js';
import type { MarkingSystem } from '../../source/markings.js';
import { isQuoted, quotedSpans, type QuotedSpan } from '../quotations.js';
import { placeInSource } from './text-place.js';

export interface AcronymOptions {
  glossary: Glossary;
  markings: MarkingSystem;
  /** The Markdown the tree was parsed from, to place warnings exactly. */
  source: string;
  /** Name of the shared glossary file, for the warning's advice. */
  glossaryName?: string;
}

// Not after a letter, digit, `/`, `-`, `.`, `@` or `&` (U.S.-ROK, OSD/ISA, [@CSIS], AT&T); an
// optional plural s; not before a letter, digit, `/`, `-` or `&` (PAC-3, EAP/K).
const candidate = /(?<![\p{L}\p{N}/.@&-])([A-Z]{2,6})(s?)(?![\p{L}\p{N}/&-])/gu;
const romanNumeral = /^[IVXLCDM]+$/;
/** Dissemination controls that appear in prose about markings. */
const controlWords = ['NOFORN', 'ORCON', 'REL', 'NF', 'FOUO', 'FVEY', 'PROPIN', 'LIMDIS'];

export function markingWords(system: MarkingSystem): Set<string> {
  return new Set([
    ...system.levels.flatMap((level) => [...level.banner.split(/[\s-]+/), level.portion]),
    ...system.forbiddenInBanner.flatMap((word) => word.split(/[\s-]+/)),
    // The scheme's own caveats, both spellings: NOFORN and NF, IMCON and IMC.
    ...system.caveats.flatMap((caveat) => [...caveat.banner.split(/[\s-]+/), ...caveat.portion.split(/[\s-]+/)]),
    ...controlWords,
  ]);
}

const skippedBlocks = new Set(['heading', 'blockquote', 'code', 'html', 'definition', 'yaml']);
/** Inline nodes whose words are not the memo's own prose: a link's text names its target. */
const skippedInlines = new Set(['link', 'linkReference']);
/** Blocks whose inline content is read as one text, so that a quotation may span bold or a link. */
const proseBlocks = new Set(['paragraph', 'tableCell']);

const isQuotation = (node: Nodes) => node.type === 'containerDirective' && node.name === 'quote';

/** A text node of a prose block, where its value starts in the block's text, and whether its words may be expanded. */
interface Piece {
  node: Text;
  at: number;
  eligible: boolean;
}

/**
 * The text of a prose block as a reader sees it, with the text nodes it came from. Code and other
 * inline nodes stand in as one neutral letter: a quotation mark in code opens nothing.
 */
function readBlock(block: Parent): { text: string; pieces: Piece[] } {
  let text = '';
  const pieces: Piece[] = [];
  const read = (node: Nodes, eligible: boolean) => {
    if (node.type === 'text') {
      const data = node.data as { portionMark?: unknown; hProperties?: { className?: string[] } } | undefined;
      const own = eligible && !data?.portionMark && !data?.hProperties?.className?.includes('caption-label');
      pieces.push({ node, at: text.length, eligible: own });
      text += node.value;
    } else if (node.type === 'break') {
      text += '\n';
    } else if ('children' in node) {
      for (const child of (node as Parent).children) read(child as Nodes, eligible && !skippedInlines.has(node.type));
    } else {
      text += 'x';
    }
  };
  for (const child of block.children) read(child as Nodes, true);
  return { text, pieces };
}

/** Words of three or more capitalised words in a row are emphasis ("DO NOT TRANSMIT"), not acronyms. */
function inCapitalRun(value: string, index: number, length: number): boolean {
  const words = [...value.matchAll(/\S+/g)].map((word) => ({ at: word.index, end: word.index + word[0].length, caps: /[A-Z]{2}/.test(word[0]) && !/[a-z]/.test(word[0]) }));
  const position = words.findIndex((word) => word.at <= index && index + length <= word.end);
  if (position < 0) return false;
  let first = position;
  let last = position;
  while (first > 0 && words[first - 1]!.caps) first -= 1;
  while (last < words.length - 1 && words[last + 1]!.caps) last += 1;
  return last - first + 1 >= 3;
}

export default function remarkAcronyms(options: AcronymOptions) {
  const plain = new Set([...markingWords(options.markings), ...options.glossary.plain]);
  const glossaryName = options.glossaryName ?? 'content/glossary.yml';
  return (tree: Root, file: VFile) => {
    const introduced = new Set<string>();

    /** Expands the eligible acronyms of one text node; `quoted` are the block's quotations, `at` where the node starts in the block. */
    const rewrite = (node: Text, quoted: QuotedSpan[], at: number) => {
      const original = node.value;
      let output = '';
      let last = 0;
      for (const match of original.matchAll(candidate)) {
        const acronym = match[1]!;
        const plural = match[2]!;
        if (introduced.has(acronym) || plain.has(acronym) || romanNumeral.test(acronym)) continue;
        if (isQuoted(quoted, at + match.index)) continue;
        if (inCapitalRun(original, match.index, match[0].length)) continue;
        introduced.add(acronym);
        // "(EDD)" right after its expansion: the author introduced it already.
        if (original[match.index - 1] === '(') continue;
        const expansion = options.glossary.acronyms.get(acronym);
        if (!expansion) {
          reportWarning(
            file,
            `acronym "${acronym}" is not defined; add it to ${glossaryName} (or the frontmatter's glossary:), or write it out at its first use, e.g. "Full Name (${acronym})"`,
            placeInSource(options.source, node, match.index, acronym),
            'acronym-undefined',
          );
          continue;
        }
        output += `${original.slice(last, match.index)}${expansion}${plural} (${acronym}${plural})`;
        last = match.index + match[0].length;
      }
      if (last > 0) node.value = output + original.slice(last);
    };

    const walk = (node: Nodes) => {
      if (skippedBlocks.has(node.type) || isQuotation(node)) return;
      if (proseBlocks.has(node.type)) {
        const block = readBlock(node as Parent);
        const quoted = quotedSpans(block.text);
        for (const piece of block.pieces) if (piece.eligible) rewrite(piece.node, quoted, piece.at);
        return;
      }
      if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
    };
    walk(tree);
  };
}
