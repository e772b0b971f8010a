// The last paragraph of a memo's text, taken out of the body HTML so the template can keep it
// on one page with what follows the text (tabs, notes, sources, clearances: partials/closing.hbs).
// Chromium keeps a `break-inside: avoid` block whole, but does not look back for an earlier
// break to honour a `break-before: avoid` once a memo has run onto a second page; a block that
// holds both the last paragraph and the end matter is the form of "keep together" it honours.
//
// The last paragraph is the body's last block; of a list, its last item (the list is continued
// in a list of its own that starts at that item's number). Headings directly before a block
// that moves go with it, so no heading is left at the foot of a page. A table, figure or code
// block is not a paragraph and may run over pages: kept whole with the end matter it would
// start on a new page, so it stays where it is and the end matter follows it alone.
import type { Element, ElementContent, Root, RootContent } from 'hast';

const unmovable = new Set(['table', 'figure', 'pre', 'div', 'hr']);

const isElement = (node: RootContent | ElementContent | undefined): node is Element => node?.type === 'element';
const isHeading = (node: RootContent | undefined) => isElement(node) && /^h[1-6]$/.test(node.tagName);

/**
 * The body split before its last paragraph (and the headings right before it): `lead` is the
 * text up to it, `closing` the paragraph as a tree of its own. `tree` itself is left whole (the
 * Word writer reads it): the split copies the arrays it cuts.
 */
export function splitClosingBlock(tree: Root): { lead: Root; closing: Root } | undefined {
  const lead: Root = { ...tree, children: [...tree.children] };
  const closing = takeClosingBlock(lead);
  return closing ? { lead, closing } : undefined;
}

/** Removes the last paragraph (and headings right before it) from `tree`'s own array; the nodes in it are not changed. */
function takeClosingBlock(tree: Root): Root | undefined {
  const blocks = tree.children.map((node, index) => ({ node, index })).filter(({ node }) => isElement(node));
  const last = blocks.at(-1);
  if (!last) return undefined;
  const element = last.node as Element;
  if (unmovable.has(element.tagName)) return undefined;
  if ((element.tagName === 'ol' || element.tagName === 'ul') && element.children.filter(isElement).length > 1) {
    const items = element.children.filter(isElement);
    const item = items.at(-1)!;
    tree.children[last.index] = { ...element, children: element.children.slice(0, element.children.lastIndexOf(item)) };
    const properties = { ...element.properties };
    if (element.tagName === 'ol') properties.start = Number(element.properties?.start ?? 1) + items.length - 1;
    return { type: 'root', children: [{ type: 'element', tagName: element.tagName, properties, children: ['\n', item, '\n'].map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)) }] };
  }
  let first = last.index;
  while (first > 0 && (tree.children[first - 1]?.type === 'text' || isHeading(tree.children[first - 1]))) first--;
  while (tree.children[first]?.type === 'text') first++;
  const taken = tree.children.splice(first, last.index - first + 1);
  return { type: 'root', children: taken };
}
