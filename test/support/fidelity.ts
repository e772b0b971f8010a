// The fidelity property, as a reviewer checks it: what a memo prints contains every word the
// author wrote in the body, in order, and every quoted span exactly; whatever else it prints
// comes from a documented source (the frontmatter, the templates' own words, glossary
// expansions, numbers). Used on PDF text (pdf.js, tagged content only) and on Word text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

/** What a reader of the body should find: its words in reading order and its quotations. */
export interface AuthoredText {
  /** Words of the body in order (notes after the body, as they print). */
  words: string[];
  /** Each quoted span as written, quotes excluded. */
  quotes: string[];
  /** Every word the body uses anywhere (captions, attributes…). */
  vocabulary: Set<string>;
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Words as a reader compares them: runs of letters (with their marks) or of digits, NFC, each
 * Han/kana character on its own (Japanese has no spaces and may wrap anywhere). Quote shapes and
 * apostrophes are punctuation, so "Korea's" and "Korea’s" read the same; letters and digits are
 * separate words, so a note marker set right after a word ("chain¹", read back as "chain1")
 * reads as the word and the number.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.normalize('NFC').matchAll(/[\p{L}\p{M}]+|\p{N}+/gu)) {
    const word = match[0];
    if (cjk.test(word)) out.push(...[...word].filter((character) => character.trim() !== ''));
    else out.push(word);
  }
  return out;
}

const citation = /\[(@[^\]\s;,]+(?:\s*[;,]\s*@[^\]\s;,]+)*)\]/g;
const captionLabel = /\s*\{#(?:fig|tbl):[A-Za-z0-9_-]+\}\s*$/;
const quotePairs: [string, string][] = [
  ['"', '"'],
  ['\u201c', '\u201d'],
  ['\u300c', '\u300d'],
  ['\u300e', '\u300f'],
];

/** Quoted spans in a run of prose text: "…", “…”, 「…」, 『…』. */
export function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  for (const [open, close] of quotePairs) {
    const pattern = new RegExp(`${escape(open)}([^${escape(open)}${escape(close)}\\n]{2,}?)${escape(close)}`, 'gu');
    for (const match of text.matchAll(pattern)) spans.push(match[1]!);
  }
  return spans;
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
}

const isTableCaption = (node: Nodes | undefined) => node?.type === 'paragraph' && node.children[0]?.type === 'text' && /^Table:/.test(node.children[0].value);

/** A table's caption prints above it, wherever the author wrote it. */
function captionsFirst(children: Nodes[]): Nodes[] {
  const ordered = [...children];
  for (let index = 0; index + 1 < ordered.length; index++) {
    if (ordered[index]!.type === 'table' && isTableCaption(ordered[index + 1]) && !isTableCaption(ordered[index - 1])) {
      [ordered[index], ordered[index + 1]] = [ordered[index + 1]!, ordered[index]!];
      index += 1;
    }
  }
  return ordered;
}

/** The Markdown body's printed text: prose blocks in order, then the footnote definitions. */
export function authoredText(body: string): AuthoredText {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(body) as Root;
  const main: string[] = [];
  const notes: string[] = [];
  const vocabulary = new Set<string>();
  const quotes: string[] = [];
  const blockTexts: string[] = [];

  const textOf = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value;
      case 'break':
        return ' ';
      case 'image':
        return node.title ? ` ${node.title} ` : '';
      case 'html':
      case 'footnoteReference':
      case 'imageReference':
        return '';
      case 'textDirective':
        // An unknown text directive (`tbl:rounds` in a caption label) prints as written.
        return `:${node.name}${node.children.map(textOf).join('')}`;
      default:
        return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
    }
  };
  const cleaned = (text: string) => text.replace(citation, ' ').replace(captionLabel, ' ');

  const walk = (node: Nodes, into: string[]) => {
    switch (node.type) {
      case 'footnoteDefinition':
        for (const child of node.children) walk(child as Nodes, notes);
        return;
      case 'definition':
      case 'html':
      case 'yaml':
        return;
      case 'code':
        into.push(node.value);
        return;
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const text = cleaned(textOf(node)).replace(/^Table:\s*/, '');
        into.push(text);
        blockTexts.push(text);
        return;
      }
      case 'containerDirective':
      case 'leafDirective':
        for (const value of Object.values(node.attributes ?? {})) if (value) for (const word of words(value)) vocabulary.add(word);
        break;
      default:
        break;
    }
    if ('children' in node) for (const child of captionsFirst(node.children as Nodes[])) walk(child, into);
  };
  walk(tree, main);
  for (const text of blockTexts) quotes.push(...quotedSpans(text));
  const all = [...main, ...notes].flatMap(words);
  for (const word of all) vocabulary.add(word);
  return { words: all, quotes, vocabulary };
}

/** Words every template may print around the author's text: labels, headings of parts, fields. */
export function templateVocabulary(templatesFolder: string): Set<string> {
  const vocabulary = new Set<string>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(hbs|css)$/.test(entry.name)) {
        // Text outside {{…}} and tags, and CSS content strings.
        const text = readFileSync(full, 'utf8')
          .replace(/\{\{[\s\S]*?\}\}/g, '')
          .replace(/<[^>]*>/g, ' ');
        for (const word of words(text)) vocabulary.add(word);
      }
    }
  };
  visit(templatesFolder);
  return vocabulary;
}

/** Every word of every value of the frontmatter (it prints in the heading, BLUF, sources…). */
export function frontmatterVocabulary(frontmatter: unknown): Set<string> {
  const vocabulary = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') for (const word of words(String(value))) vocabulary.add(word);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(frontmatter);
  return vocabulary;
}

/** Expansions of every acronym a glossary file lists. */
export function glossaryVocabulary(glossaryFile: string): Set<string> {
  const vocabulary = new Set<string>();
  try {
    const glossary = parseYaml(readFileSync(glossaryFile, 'utf8')) as { acronyms?: Record<string, string> };
    for (const expansion of Object.values(glossary.acronyms ?? {})) for (const word of words(expansion)) vocabulary.add(word);
  } catch {
    // No glossary: nothing may be expanded.
  }
  return vocabulary;
}

export interface FidelityReport {
  /** The first body word not found in order, with the words around it. */
  missing?: { word: string; index: number; before: string[]; printedAfter: string[] };
  /** Quoted spans not printed exactly. */
  alteredQuotes: string[];
  /** Printed words that come from nowhere documented. */
  additions: string[];
}

const quoteShapes = /[\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f"']/g;
/**
 * Text as one line for comparing quotations: lines that wrap after a hyphen or slash, or
 * between two Japanese characters, join without a space (the break is the printer's, not the
 * author's); quote shapes do not count.
 */
const flat = (text: string) =>
  text
    .normalize('NFC')
    .replace(/([-/])\n/g, '$1')
    .replace(new RegExp(`(${cjk.source})\\s+(?=${cjk.source})`, 'gu'), '$1')
    .replace(quoteShapes, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Compares what was printed with what was written. `printed` is the reading text (no page
 * furniture); `allowed` is every word the memo may add (frontmatter, templates, glossary).
 */
export function compareFidelity(authored: AuthoredText, printed: string, allowed: Set<string>): FidelityReport {
  const printedWords = words(printed);
  let at = 0;
  let missing: FidelityReport['missing'];
  for (let index = 0; index < authored.words.length; index++) {
    const word = authored.words[index]!;
    let found = at;
    while (found < printedWords.length && printedWords[found] !== word) found += 1;
    if (found === printedWords.length) {
      missing = { word, index, before: authored.words.slice(Math.max(0, index - 8), index), printedAfter: printedWords.slice(at, at + 12) };
      break;
    }
    at = found + 1;
  }
  // A quotation must read exactly as written: the same words with nothing between them. Note
  // markers ride on the text after a quotation ends, never inside it.
  const printedFlat = flat(printed);
  const alteredQuotes = authored.quotes.filter((quote) => !printedFlat.includes(flat(quote)));
  const known = new Set([...authored.vocabulary, ...allowed].map((word) => word.toLowerCase()));
  const additions = [...new Set(printedWords.filter((word) => !/^\d+$/.test(word) && !known.has(word.toLowerCase())))];
  return { missing, alteredQuotes, additions };
}
