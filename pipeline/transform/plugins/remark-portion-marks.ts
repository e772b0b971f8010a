// Portion marks are parsed into the tree, not matched in the HTML: a paragraph, heading, list
// item or caption that opens with `(U)`, `(S//NF)`… gets the mark in its data, and the mark
// becomes a <span class="portion-mark"> so it prints as written. Every portion, marked or not,
// is listed on file.data.portions for the marking rules (remark-marking-rules.ts).
import type { Heading, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { MarkingSystem } from '../../source/markings.js';
import { parsePortionMark, type Portion, type PortionKind, type PortionMark } from '../../source/portion-marks.js';
import { nodeError } from './report.js';

export interface PortionMarkOptions {
  markings: MarkingSystem;
}

/** The first text a reader sees in a block: inside leading bold or italics too ("**(U) Purpose.**"). */
function openingText(node: Parent): { text: Text; parent: Parent; index: number } | undefined {
  const first = node.children[0] as Nodes | undefined;
  if (!first) return undefined;
  if (first.type === 'text') return { text: first, parent: node, index: 0 };
  if (first.type === 'strong' || first.type === 'emphasis') return openingText(first);
  return undefined;
}

/** A paragraph that holds only images (and spaces) is a figure, not a portion of text. */
const isImageOnly = (paragraph: Paragraph) =>
  paragraph.children.every((child) => child.type === 'image' || child.type === 'imageReference' || (child.type === 'text' && child.value.trim() === ''));

export const isCaption = (node: Nodes) => (node.data as { caption?: boolean } | undefined)?.caption === true;

export default function remarkPortionMarks(options: PortionMarkOptions) {
  return (tree: Root, file: VFile) => {
    const portions: Portion[] = [];

    /** Reads the mark that opens `block`, replaces it in the tree by a span, and returns it. */
    const takeMark = (block: Parent): PortionMark | undefined => {
      const opening = openingText(block);
      if (!opening) return undefined;
      const parsed = parsePortionMark(opening.text.value, options.markings);
      if (parsed.kind === 'none') return undefined;
      if (parsed.kind === 'invalid') {
        nodeError(file, opening.text, parsed.reason, 'portion-mark-syntax');
        return undefined;
      }
      const { text } = opening;
      const start = text.position?.start;
      const markNode: Text = {
        type: 'text',
        value: `(${parsed.mark.text})`,
        data: { hName: 'span', hProperties: { className: ['portion-mark'] }, portionMark: parsed.mark } as Text['data'],
        // Where the mark was written (a redline marks it when it is new).
        position:
          start && start.offset !== undefined
            ? { start, end: { line: start.line, column: start.column + parsed.consumed - 1, offset: start.offset + parsed.consumed - 1 } }
            : undefined,
      };
      const rest = text.value.slice(parsed.consumed);
      const restNode: Text = {
        type: 'text',
        value: ` ${rest}`,
        // The mark sits on one line, so the rest starts that many columns further on.
        position:
          start && text.position && start.offset !== undefined
            ? {
                start: { line: start.line, column: start.column + parsed.consumed - 1, offset: start.offset + parsed.consumed - 1 },
                end: text.position.end,
              }
            : undefined,
      };
      // The space after the mark is kept even when a caption label follows as the next node.
      opening.parent.children.splice(opening.index, 1, markNode as PhrasingContent, restNode as PhrasingContent);
      block.data = { ...block.data, portionMark: parsed.mark } as Parent['data'];
      return parsed.mark;
    };

    const record = (kind: PortionKind, block: Parent, mark: PortionMark | undefined, inherited: PortionMark | undefined) => {
      const start = block.position?.start;
      if (!start) return;
      portions.push({ kind, mark: mark ?? inherited, inherited: !mark && inherited !== undefined, place: { line: start.line, column: start.column } });
    };

    /** Walks blocks in reading order; `inherited` is the mark of the list item we are inside. */
    const walk = (parent: Parent, inherited: PortionMark | undefined): void => {
      for (const child of [...parent.children] as Nodes[]) {
        switch (child.type) {
          case 'heading':
            record('heading', child as Heading, takeMark(child), undefined);
            break;
          case 'paragraph': {
            if (!isCaption(child) && (isImageOnly(child) || toString(child).trim() === '')) break;
            record(isCaption(child) ? 'caption' : 'paragraph', child, takeMark(child), inherited);
            break;
          }
          case 'listItem': {
            const item = child as ListItem;
            const [first, ...others] = item.children;
            let itemMark = inherited;
            if (first?.type === 'paragraph') {
              const own = takeMark(first);
              record('list item', first, own, inherited);
              itemMark = own ?? inherited;
            } else if (first) {
              walk({ type: 'root', children: [first] } as Root, inherited);
            }
            walk({ type: 'root', children: others } as Root, itemMark);
            break;
          }
          case 'table':
          case 'code':
          case 'html':
          case 'definition':
          case 'thematicBreak':
          case 'yaml':
            break;
          default:
            if ('children' in child) walk(child as Parent, inherited);
        }
      }
    };

    walk(tree, undefined);
    file.data.portions = portions;
  };
}

declare module 'vfile' {
  interface DataMap {
    portions: Portion[];
  }
}
