// The PDF is tagged for screen readers; an image without alt text is read as nothing.
import { lintRule } from '../rule.js';
import { visit } from 'unist-util-visit';

export default lintRule(
  { id: 'image-alt', severity: 'error', description: 'every image has alt text' },
  (tree, context) => {
    visit(tree, ['image', 'imageReference'], (node) => {
      const image = node as { alt?: string | null; url?: string; identifier?: string };
      if (image.alt?.trim()) return;
      const name = image.url ?? image.identifier ?? '';
      context.report(`image "${name}" has no alt text; describe it between the brackets: ![Map of the Southwest Islands](${name})`, node);
    });
  },
);
