// For the accessibility audit only (`check --a11y`): each body element carries the Markdown
// line it came from, so a finding about it (an image without alt text, a skipped heading) is
// reported at that line. Printed memos never carry these attributes.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export default function rehypeSourceLines() {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element) => {
      const line = element.position?.start.line;
      if (line) element.properties = { ...element.properties, dataSourceLine: line };
    });
  };
}
