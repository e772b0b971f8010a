// A heading with nothing under it (the next heading is at the same or a higher level, or the
// file ends) is usually a placeholder left from a draft.
import type { RootContent } from 'mdast';
import { lintRule } from '../rule.js';

/** Nodes that print nothing where they stand. */
const isInvisible = (node: RootContent) =>
  node.type === 'definition' || node.type === 'footnoteDefinition' || (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim()));

export default lintRule(
  { id: 'no-empty-sections', severity: 'warning', description: 'every heading has content before the next heading of its level' },
  (tree, context) => {
    const children = tree.children.filter((node) => !isInvisible(node));
    children.forEach((node, index) => {
      if (node.type !== 'heading') return;
      const next = children[index + 1];
      if (next && (next.type !== 'heading' || next.depth > node.depth)) return;
      context.report(
        next ? 'this section is empty: the next heading follows directly; write its content or remove the heading' : 'this section is empty: the file ends after the heading; write its content or remove the heading',
        node,
      );
    });
  },
);
