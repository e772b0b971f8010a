// `[@id]` in the text cites a source from the frontmatter's `sources` list: it prints as the
// source's number, "[2]", linking to the numbered Sources list at the end. `[@fig:map]` and
// `[@tbl:label]` refer to a numbered figure or table (remark-captions.ts) and print as
// "Figure 1". Several at once: `[@a; @b]`. An id that names nothing is an error at its place.
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { reportError } from '../../source/diagnostics.js';
import { placeInSource } from './text-place.js';

export interface ReferenceOptions {
  /** Source ids in the order the Sources list numbers them. */
  sources: string[];
  /** The Markdown the tree was parsed from, to place messages exactly. */
  source: string;
}

const citationGroup = /\[(@[^\]\s;,]+(?:\s*[;,]\s*@[^\]\s;,]+)*)\]/g;

const link = (url: string, text: string, className: string): Link =>
  ({ type: 'link', url, children: [{ type: 'text', value: text }], data: { hProperties: { className: [className] } } }) as Link;

export default function remarkReferences(options: ReferenceOptions) {
  const sourceNumbers = new Map(options.sources.map((id, index) => [id, index + 1]));
  return (tree: Root, file: VFile) => {
    const crossReferences = file.data.crossReferences ?? new Map();
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || parent.type === 'link' || parent.type === 'linkReference') return;
      const replacement: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(citationGroup)) {
        const ids = match[1]!.split(/\s*[;,]\s*/).map((id) => id.slice(1));
        const nodes: PhrasingContent[] = [];
        const cited: Link[] = [];
        for (const id of ids) {
          const place = () => placeInSource(options.source, node, match.index, `@${id}`);
          if (/^(fig|tbl):/.test(id)) {
            const target = crossReferences.get(id);
            if (!target) {
              const known = [...crossReferences.keys()].filter((label) => label.startsWith(id.slice(0, 4)));
              reportError(file, `there is no ${id.startsWith('fig') ? 'figure' : 'table'} labelled "${id}"${known.length ? `; known labels: ${known.join(', ')}` : `; add {#${id}} at the end of its caption`}`, place(), 'cross-reference');
              continue;
            }
            if (nodes.length > 0) nodes.push({ type: 'text', value: ', ' });
            nodes.push(link(`#${target.id}`, `${target.kind === 'figure' ? 'Figure' : 'Table'} ${target.number}`, 'cross-reference'));
            continue;
          }
          const number = sourceNumbers.get(id);
          if (number === undefined) {
            const hint = options.sources.length ? `one of ${options.sources.join(', ')}` : 'none are listed yet';
            reportError(file, `[@${id}] cites a source that is not in the frontmatter's sources list (${hint}); add it there or correct the id`, place(), 'citation');
            continue;
          }
          cited.push(link(`#source-${id}`, String(number), 'citation'));
        }
        if (cited.length > 0) {
          if (nodes.length > 0) nodes.push({ type: 'text', value: ' ' });
          nodes.push({ type: 'text', value: '[' });
          cited.forEach((citation, position) => nodes.push(...(position > 0 ? [{ type: 'text', value: ', ' } as Text] : []), citation));
          nodes.push({ type: 'text', value: ']' });
        }
        replacement.push({ type: 'text', value: node.value.slice(last, match.index) }, ...nodes);
        last = match.index + match[0].length;
      }
      if (last === 0) return;
      replacement.push({ type: 'text', value: node.value.slice(last) });
      const kept = replacement.filter((child) => child.type !== 'text' || child.value !== '');
      parent.children.splice(index, 1, ...(kept as never[]));
      return [SKIP, index + kept.length];
    });
  };
}
