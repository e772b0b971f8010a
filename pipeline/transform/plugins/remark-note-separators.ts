// Note markers written side by side, `Tokyo.[^1][^2]` or `[@a; @b]`, print as "Tokyo.¹,²": a
// superscript comma between them, or they read as note twelve. The comma is text, so the PDF's
// text says "1,2" too. Runs after remark-references, which turns citations into markers.
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const separator = (): Text => ({ type: 'text', value: ',', data: { hName: 'sup', hProperties: { className: ['note-separator'] } } as Text['data'] });

export default function remarkNoteSeparators() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const children = (node as Parent).children as PhrasingContent[];
      for (let index = children.length - 1; index > 0; index--) {
        if (children[index]!.type === 'footnoteReference' && children[index - 1]!.type === 'footnoteReference') children.splice(index, 0, separator());
      }
    });
  };
}
