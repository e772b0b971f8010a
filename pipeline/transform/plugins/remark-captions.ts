// Figures and tables get numbered captions. An image alone in its paragraph with a title,
// `![Map](map.png "Missile ranges")`, becomes <figure> with "Figure 1. Missile ranges"; a
// paragraph `Table: Participants` right before or after a table becomes that table's caption,
// "Table 1. Participants". A caption may end with `{#fig:label}` / `{#tbl:label}` so the text
// can refer to it as [@fig:label]; a figure is also known by its file name (fig:map).
// The same figure as a block: `:::figure{#fig:map}` holding the image and a caption paragraph.
// A portion mark opens the caption ("(U) Figure 1. …") as it opens any other portion.
import path from 'node:path';
import type { Image, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Table, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
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

/** The container directive that makes a figure: `:::figure{#fig:map}`, an image, a caption. */
export const figureDirective = 'figure';
const figureId = /^fig:[A-Za-z0-9_-]+$/;

const isBlank = (node: PhrasingContent) => node.type === 'text' && node.value.trim() === '';
const isImageParagraph = (node: RootContent): boolean =>
  node.type === 'paragraph' && node.children.some((child) => child.type === 'image') && node.children.every((child) => child.type === 'image' || isBlank(child));

/**
 * Reads a `:::figure` block: one paragraph holding its image, one paragraph of caption (before
 * or after it, or the block's `[label]`; the image's title if there is none). Reports what is
 * wrong with it at its place and returns nothing.
 */
function figureParts(directive: ContainerDirective, file: VFile): { image: Image; caption: Paragraph; label?: string } | undefined {
  const children = directive.children as RootContent[];
  const stray = children.find((child) => child.type !== 'paragraph');
  if (stray) {
    nodeError(file, stray, `a :::figure holds one image and one caption paragraph; move this ${stray.type === 'list' ? 'list' : stray.type} out of the figure`, 'figure');
    return undefined;
  }
  const imageParagraphs = children.filter((child): child is Paragraph => isImageParagraph(child));
  const images = imageParagraphs.flatMap((paragraph) => paragraph.children.filter((child): child is Image => child.type === 'image'));
  const inlineImage = children.find((child) => child.type === 'paragraph' && !isImageParagraph(child) && child.children.some((inner) => inner.type === 'image'));
  if (inlineImage) {
    nodeError(file, inlineImage, 'put the image of a :::figure on a line of its own, and the caption in a paragraph of its own', 'figure');
    return undefined;
  }
  if (images.length !== 1) {
    nodeError(
      file,
      images[1] ?? directive,
      images.length === 0 ? 'this :::figure has no image; add one, e.g. ![Map of the region](map.png)' : `this :::figure holds ${images.length} images; give each image its own :::figure`,
      'figure',
    );
    return undefined;
  }
  const image = images[0]!;
  const captions = children.filter((child): child is Paragraph => !isImageParagraph(child));
  if (captions.length > 1) {
    nodeError(file, captions[1]!, `this :::figure has ${captions.length} caption paragraphs; join them into one`, 'figure');
    return undefined;
  }
  const caption: Paragraph | undefined =
    captions[0] ?? (image.title ? { type: 'paragraph', children: [{ type: 'text', value: image.title, position: image.position }], position: image.position } : undefined);
  if (!caption) {
    nodeError(file, directive, 'this :::figure has no caption; add a paragraph under the image, e.g. "(U) Missile ranges"', 'figure');
    return undefined;
  }
  const id = directive.attributes?.id ?? undefined;
  if (id !== undefined && !figureId.test(id)) {
    nodeError(file, directive, `the figure's id "#${id}" cannot be referred to; write it as {#fig:${slug(id.replace(/^fig:/, '')) || 'name'}} and cite it as [@fig:…]`, 'figure');
    return undefined;
  }
  return { image, caption, label: id };
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

    /** One numbered figure: the image, then its caption labelled "Figure N." as a figcaption. */
    const makeFigure = (image: Image, caption: Paragraph, givenLabel: string | undefined, node: Nodes) => {
      figures += 1;
      caption.data = { ...caption.data, hName: 'figcaption', caption: true, directiveLabel: undefined } as Paragraph['data'];
      const explicit = givenLabel ?? takeLabel(caption);
      const imagePath = image.url.split(/[?#]/)[0] ?? '';
      const fileLabel = `fig:${slug(path.basename(imagePath, path.extname(imagePath))) || String(figures)}`;
      const label = explicit ?? fileLabel;
      const id = `figure-${figures}`;
      register(label, { kind: 'figure', number: figures, id }, node);
      if (explicit && !references.has(fileLabel)) references.set(fileLabel, { kind: 'figure', number: figures, id, label: fileLabel });
      insertLabel(caption, `Figure ${figures}`, options.markings);
      image.title = null;
      return {
        type: 'figure',
        children: [image, caption],
        position: node.position,
        data: { hName: 'figure', hProperties: { id, className: ['figure'] } },
      };
    };

    const visitBlocks = (parent: Parent) => {
      const children = parent.children as RootContent[];
      for (let index = 0; index < children.length; index++) {
        const node = children[index]!;
        if (node.type === 'containerDirective' && node.name === figureDirective) {
          const parts = figureParts(node, file);
          if (parts) {
            children.splice(index, 1, makeFigure(parts.image, parts.caption, parts.label, node) as never);
          } else {
            // Already reported: keep what the author wrote in place rather than lose it.
            children.splice(index, 1, ...(node.children as RootContent[]));
            index -= 1;
          }
          continue;
        }
        if (node.type === 'paragraph') {
          const image = loneTitledImage(node);
          if (image) {
            const caption: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: image.title!, position: image.position }], position: image.position };
            children.splice(index, 1, makeFigure(image, caption, undefined, node) as never);
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
