// Adjacent text nodes become one. remark-callouts puts an accidental text directive back as
// text ("tbl" + ":people" + "}"), which would hide `[@fig:map]` and `{#tbl:x}` from the plugins
// that read text; merged, they see what the author wrote.
import type { Parent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

export default function remarkMergeText() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const children = (node as Parent).children;
      for (let index = children.length - 1; index > 0; index--) {
        const previous = children[index - 1]!;
        const current = children[index]!;
        if (previous.type !== 'text' || current.type !== 'text' || previous.data || current.data) continue;
        (previous as Text).value += (current as Text).value;
        if (previous.position && current.position) previous.position = { start: previous.position.start, end: current.position.end };
        children.splice(index, 1);
      }
    });
  };
}
