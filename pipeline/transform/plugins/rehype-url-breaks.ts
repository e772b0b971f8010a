// A URL printed as a link's text (autolinks, GFM's bare URLs) may break only after / . - _ ? & =
// (printed-urls.ts): its text becomes <span class="url"> with a <wbr> after each of those
// characters, and the stylesheet forbids breaks anywhere else. Runs after sanitising: the
// elements are ours.
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isPrintedUrl, urlSegments } from '../printed-urls.js';

export default function rehypeUrlBreaks() {
  return (tree: Root) => {
    visit(tree, 'element', (link: Element) => {
      if (link.tagName !== 'a' || link.children.length !== 1) return;
      const only = link.children[0]!;
      if (only.type !== 'text' || !isPrintedUrl(only.value, String(link.properties?.href ?? ''))) return;
      const pieces: ElementContent[] = [];
      for (const segment of urlSegments(only.value)) {
        if (pieces.length > 0) pieces.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
        pieces.push({ type: 'text', value: segment });
      }
      link.children = [{ type: 'element', tagName: 'span', properties: { className: ['url'] }, children: pieces }];
    });
  };
}
