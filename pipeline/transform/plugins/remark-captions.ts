// Figures and tables get numbered captions. An image alone in its paragraph with a title,
// `![Map](map.png "Missile ranges")`, becomes <figure> with "Figure 1. Missile ranges"; a
// paragraph `Table: Participants` right before or after a table becomes that table's caption,
// "Table 1. Participants". A caption may end with `{#fig:label}` / `{#tbl:label}` so the text
// can refer to it as [@fig:label]; a figure is also known by its file name (fig:map).
// A portion mark opens the caption ("(U) Figure 1. …") as it opens any other portion.
import path from 'node:path';
import type { Image, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Table, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { MarkingSystem } from '../../source/markings.js';
import { parsePortionMark } from '../../source/portion-marks.js';
import { nodeError } from './report.js';

export interface CaptionOptions {
  markings: MarkingSystem;
}

export interface CrossReference {
  kind: 'figure' | 'table';
  number: number;
  /** Element id the reference links to. */
  id: string;
  label: string;
}

const labelPattern = /\s*\{#((?:fig|tbl):[A-Za-z0-9_-]+)\}\s*$/;
const tablePrefix = /^Table:\s*/;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The lone titled image of a paragraph, if the paragraph is nothing else. */
function loneTitledImage(paragraph: Paragraph): Image | undefined {
  const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = content;
  return content.length === 1 && only?.type === 'image' && only.title ? only : undefined;
}

function isTableCaption(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph' && node.children[0]?.type === 'text' && tablePrefix.test(node.children[0].value);
}

/** Puts "Figure 1. " after the caption's portion mark (if any), so the mark still opens it. */
function insertLabel(caption: Paragraph, label: string, markings: MarkingSystem): void {
  const labelNode: Text = { type: 'text', value: `${label}. `, data: { hName: 'span', hProperties: { className: ['caption-label'] } } as Text['data'] };
  const first = caption.children[0];
  if (first?.type === 'text') {
    const parsed = parsePortionMark(first.value, markings);
    if (parsed.kind !== 'none') {
      const rest: Text = { type: 'text', value: first.value.slice(parsed.consumed) };
      const mark: Text = { ...first, value: first.value.slice(0, parsed.consumed) };
      caption.children.splice(0, 1, mark, labelNode as PhrasingContent, rest);
      return;
    }
  }
  caption.children.unshift(labelNode as PhrasingContent);
}

/** Removes a trailing `{#fig:x}` from the caption's last text and returns the label. */
function takeLabel(caption: Paragraph): string | undefined {
  const last = caption.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = labelPattern.exec(last.value);
  if (!match) return undefined;
  last.value = last.value.slice(0, match.index);
  return match[1];
}

export default function remarkCaptions(options: CaptionOptions) {
  return (tree: Root, file: VFile) => {
    const references = new Map<string, CrossReference>();
    let figures = 0;
    let tables = 0;

    const register = (label: string | undefined, reference: Omit<CrossReference, 'label'>, node: Nodes) => {
      if (!label) return;
      if (references.has(label)) {
        nodeError(file, node, `the label "${label}" is used twice; give each figure and table its own {#…} label`, 'cross-reference');
        return;
      }
      references.set(label, { ...reference, label });
    };

    const visitBlocks = (parent: Parent) => {
      const children = parent.children as RootContent[];
      for (let index = 0; index < children.length; index++) {
        const node = children[index]!;
        if (node.type === 'paragraph') {
          const image = loneTitledImage(node);
          if (image) {
            figures += 1;
            const caption: Paragraph = {
              type: 'paragraph',
              children: [{ type: 'text', value: image.title!, position: image.position }],
              position: image.position,
              data: { hName: 'figcaption', caption: true } as Paragraph['data'],
            };
            const explicit = takeLabel(caption);
            const fileLabel = `fig:${slug(path.basename(image.url.split(/[?#]/)[0] ?? '', path.extname(image.url.split(/[?#]/)[0] ?? '')) || String(figures))}`;
            const label = explicit ?? fileLabel;
            const id = `figure-${figures}`;
            register(label, { kind: 'figure', number: figures, id }, node);
            if (explicit && !references.has(fileLabel)) references.set(fileLabel, { kind: 'figure', number: figures, id, label: fileLabel });
            insertLabel(caption, `Figure ${figures}`, options.markings);
            image.title = null;
            const figure = {
              type: 'figure',
              children: [image, caption],
              position: node.position,
              data: { hName: 'figure', hProperties: { id, className: ['figure'] } },
            };
            children.splice(index, 1, figure as never);
            continue;
          }
        }
        if (node.type === 'table') {
          const before = children[index - 1];
          const after = children[index + 1];
          const caption = isTableCaption(after) ? after : isTableCaption(before) ? before : undefined;
          if (caption) {
            tables += 1;
            const first = caption.children[0] as Text;
            first.value = first.value.replace(tablePrefix, '');
            caption.data = { ...caption.data, hName: 'figcaption', caption: true } as Paragraph['data'];
            const id = `table-${tables}`;
            register(takeLabel(caption), { kind: 'table', number: tables, id }, caption);
            insertLabel(caption, `Table ${tables}`, options.markings);
            const figure = {
              type: 'tableFigure',
              children: [caption, node as Table],
              position: node.position,
              data: { hName: 'figure', hProperties: { id, className: ['table-figure'] } },
            };
            const start = caption === before ? index - 1 : index;
            children.splice(start, 2, figure as never);
            index = start;
            continue;
          }
        }
        if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') visitBlocks(node as Parent);
      }
    };

    visitBlocks(tree);
    file.data.crossReferences = references;
  };
}

/** Label (`fig:map`) → what it refers to. */
export type CrossReferences = Map<string, CrossReference>;

declare module 'vfile' {
  interface DataMap {
    crossReferences: CrossReferences;
  }
}
