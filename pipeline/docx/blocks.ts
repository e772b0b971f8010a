// Block hast (the transform's sanitised body) → Word paragraphs and tables: headings as Word's
// heading styles, paragraphs as Body Text, lists as Word numbering, figures and tables with
// their captions and a bookmark that cross-references link to.
import type { Element, ElementContent } from 'hast';
import { Bookmark, Paragraph, Table } from 'docx';
import { bookmarkName, type WordContext } from './context.js';
import { hasClass, inlineRuns, type InlineOptions } from './inline.js';
import { wordList } from './lists.js';
import { paragraphStyle } from './styles.js';
import { wordTable } from './tables.js';

export type Block = Paragraph | Table;

/** What a block is written as: its paragraph style, and the list it belongs to, if any. */
export interface BlockSetting {
  style: string;
  /** Inside a list item: the Word numbering of the item's first paragraph. */
  numbering?: { reference: string; level: number; instance: number };
  /** Depth of the list a paragraph continues (0 outside lists). */
  listDepth: number;
}

// A memo's sections start at ## (the title is the SUBJECT line), so ## is Word's Heading 1.
const headingStyles = ['Heading1', 'Heading1', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5'];

const isInline = (node: ElementContent) => node.type === 'text' || (node.type === 'element' && !blockTags.has(node.tagName));
const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'blockquote', 'pre', 'figure', 'figcaption', 'aside', 'hr', 'div', 'section']);

export interface BodyWriter {
  context: WordContext;
  inline: InlineOptions;
}

export function wordBlocks(nodes: readonly ElementContent[], writer: BodyWriter, setting: BlockSetting): Block[] {
  const blocks: Block[] = [];
  let pendingInline: ElementContent[] = [];
  const flushInline = () => {
    // Inline content directly inside a block container (a tight list item): one paragraph.
    if (pendingInline.some((node) => node.type !== 'text' || node.value.trim() !== '')) blocks.push(...paragraphOf(pendingInline, writer, { ...setting, numbering: blocks.length === 0 ? setting.numbering : undefined }));
    pendingInline = [];
  };
  for (const node of nodes) {
    if (isInline(node)) {
      pendingInline.push(node);
      continue;
    }
    flushInline();
    if (node.type === 'element') blocks.push(...wordBlock(node, writer, { ...setting, numbering: blocks.length === 0 ? setting.numbering : undefined }));
  }
  flushInline();
  return blocks;
}

/** A paragraph: the list item's number when it is the item's first block, else the list's indent. */
function paragraphOf(children: readonly ElementContent[], writer: BodyWriter, setting: BlockSetting, style = setting.style): Paragraph[] {
  const runs = inlineRuns(children, writer.context, writer.inline);
  const numbering = setting.numbering;
  const continued = !numbering && setting.listDepth > 0 && style === paragraphStyle.body;
  return [
    new Paragraph({
      style: numbering ? paragraphStyle.list : continued ? paragraphStyle.listContinue[Math.min(setting.listDepth, 3) - 1] : style,
      numbering,
      children: runs,
    }),
  ];
}

function wordBlock(element: Element, writer: BodyWriter, setting: BlockSetting): Block[] {
  switch (element.tagName) {
    case 'p':
      return paragraphOf(element.children, writer, setting);
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return [new Paragraph({ style: headingStyles[Number(element.tagName.slice(1))], children: inlineRuns(element.children, writer.context, writer.inline) })];
    case 'ul':
    case 'ol':
      return wordList(element, writer, setting);
    case 'blockquote':
      return wordBlocks(element.children, writer, { ...setting, style: paragraphStyle.quote, numbering: setting.numbering });
    case 'pre':
      return paragraphOf(element.children, { ...writer, inline: { ...writer.inline, preformatted: true } }, setting, paragraphStyle.code);
    case 'aside':
      // A callout (:::note, :::key-judgments…): its paragraphs in the Callout style.
      return wordBlocks(element.children, writer, { ...setting, style: paragraphStyle.callout });
    case 'hr':
      return [new Paragraph({ style: paragraphStyle.rule, children: [] })];
    case 'table':
      return [wordTable(element, writer)];
    case 'figure':
      return figure(element, writer, setting);
    default:
      return wordBlocks(element.children, writer, setting);
  }
}

/** A numbered figure (image, caption below) or table (caption above), bookmarked for cross-references. */
function figure(element: Element, writer: BodyWriter, setting: BlockSetting): Block[] {
  const id = String(element.properties?.id ?? '');
  const blocks: Block[] = [];
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'figcaption') {
      const runs = inlineRuns(child.children, writer.context, writer.inline);
      const caption = id ? [new Bookmark({ id: bookmarkName(id), children: runs })] : runs;
      const tableCaption = hasClass(element, 'table-figure');
      blocks.push(new Paragraph({ style: paragraphStyle.caption, keepNext: tableCaption, children: caption }));
    } else if (child.tagName === 'table') {
      blocks.push(wordTable(child, writer));
    } else {
      // The image's own paragraph.
      blocks.push(...wordBlocks(child.tagName === 'p' ? child.children : [child], writer, { ...setting, style: paragraphStyle.figure }));
    }
  }
  return blocks;
}
