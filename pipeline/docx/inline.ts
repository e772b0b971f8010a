// Inline hast (the transform's sanitised tree) → Word runs. Every run names a character style
// (Strong, Emphasis, Portion Mark…) instead of carrying bold or italics of its own. A note
// reference becomes a Word footnote at its first use and a NOTEREF field (the same number,
// updated by Word) when the note is cited again, as the PDF reuses a note's number.
import type { Element, ElementContent } from 'hast';
import {
  Bookmark,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InternalHyperlink,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { bookmarkName, type WordContext } from './context.js';
import { wordImage } from './images.js';
import { noteReferenceField } from './note-reference.js';
import { characterStyle } from './styles.js';

const classes = (element: Element): string[] => {
  const value: unknown = element.properties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};

export const hasClass = (element: Element, name: string) => classes(element).includes(name);

/** Run formatting inherited from the elements around a text: a style, and superscript for <sup>. */
interface RunFormat {
  style?: string;
  superScript?: boolean;
  subScript?: boolean;
}

/** Soft line breaks of the Markdown source are spaces in print. */
const flowText = (value: string) => value.replace(/\s*\n\s*/g, ' ');

export interface InlineOptions {
  /** Text width in pixels, for images set in the text. */
  textWidthPx: number;
  /** Keep line breaks as written (code blocks). */
  preformatted?: boolean;
}

export function inlineRuns(nodes: readonly ElementContent[], context: WordContext, options: InlineOptions, format: RunFormat = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of nodes) runs.push(...inlineRun(node, context, options, format));
  return runs;
}

function textRuns(value: string, format: RunFormat, preformatted = false): TextRun[] {
  if (!preformatted) return value === '' ? [] : [new TextRun({ text: flowText(value), ...format } as IRunOptions)];
  // Code keeps its lines: one run per line, a break before each but the first.
  return value.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, ...format } as IRunOptions));
}

function inlineRun(node: ElementContent, context: WordContext, options: InlineOptions, format: RunFormat): ParagraphChild[] {
  if (node.type === 'text') return textRuns(node.value, format, options.preformatted);
  if (node.type !== 'element') return [];
  const children = (nested: RunFormat = format) => inlineRuns(node.children, context, options, nested);
  switch (node.tagName) {
    case 'strong':
    case 'b':
      return children({ ...format, style: characterStyle.strong });
    case 'em':
    case 'i':
      return children({ ...format, style: characterStyle.emphasis });
    case 'del':
    case 's':
      return children({ ...format, style: characterStyle.strike });
    case 'code':
    case 'kbd':
      return children({ ...format, style: characterStyle.code });
    case 'sub':
      return children({ ...format, subScript: true });
    case 'br':
      return [new TextRun({ break: 1 })];
    case 'wbr':
      // The PDF's URL break opportunities; Word breaks long URLs itself.
      return [];
    case 'img':
      return wordImage(node, context, options.textWidthPx);
    case 'input':
      // A task list's checkbox.
      return [new TextRun({ text: node.properties?.checked ? '\u2612 ' : '\u2610 ', ...format })];
    case 'span':
      if (hasClass(node, 'portion-mark')) return children({ ...format, style: characterStyle.portionMark });
      if (hasClass(node, 'caption-label')) return children({ ...format, style: characterStyle.captionLabel });
      return children();
    case 'sup':
      if (hasClass(node, 'note-separator')) return children({ ...format, style: characterStyle.noteSeparator });
      if (node.children.some((child) => child.type === 'element' && child.tagName === 'a' && child.properties?.dataFootnoteRef !== undefined)) {
        return node.children.flatMap((child) => (child.type === 'element' ? noteReference(child, context) : []));
      }
      return children({ ...format, superScript: true });
    case 'a':
      return link(node, context, options, format);
    default:
      return children();
  }
}

/** A note reference: the footnote itself the first time, a field showing its number after that. */
function noteReference(anchor: Element, context: WordContext): ParagraphChild[] {
  const found = context.noteFor(String(anchor.properties?.href ?? ''));
  if (!found) return [];
  const { entry, first } = found;
  if (first) return [new Bookmark({ id: entry.bookmark, children: [new FootnoteReferenceRun(entry.id)] })];
  return noteReferenceField(entry.bookmark, entry.id);
}

function link(anchor: Element, context: WordContext, options: InlineOptions, format: RunFormat): ParagraphChild[] {
  const href = String(anchor.properties?.href ?? '');
  const text = inlineRuns(anchor.children, context, options, { ...format, style: format.style ?? 'Hyperlink' });
  if (href.startsWith('#')) {
    // A cross-reference to a figure or table: a link to the bookmark on its caption.
    return [new InternalHyperlink({ anchor: bookmarkName(href.slice(1)), children: text })];
  }
  // The transform lets only http(s) and mailto links through; they stay links, never fetched.
  if (/^(https?:|mailto:)/i.test(href)) return [new ExternalHyperlink({ link: href, children: text })];
  return inlineRuns(anchor.children, context, options, format);
}
