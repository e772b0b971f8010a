// `[@id]` in the text cites a source from the frontmatter's `sources` list: it becomes a note, in
// the same sequence of superscript numbers as the author's `[^n]` footnotes (numbered by first
// appearance; citing the same source again reuses its number), whose text is the source's short
// form (citation-style.ts). `[@fig:map]` and `[@tbl:label]` refer to a numbered figure or table
// (remark-captions.ts) and print as "Figure 1", a link. Several at once: `[@a; @b]` gives
// adjacent note numbers. An id that names nothing is an error at its place.
import type { FootnoteDefinition, FootnoteReference, Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { reportError } from '../../source/diagnostics.js';
import { noteText, type CitedSource } from '../citation-style.js';
import { placeInSource } from './text-place.js';

export interface ReferenceOptions {
  /** The frontmatter's sources. */
  sources: CitedSource[];
  /** The Markdown the tree was parsed from, to place messages exactly. */
  source: string;
}

const citationGroup = /\[(@[^\]\s;,]+(?:\s*[;,]\s*@[^\]\s;,]+)*)\]/g;

const link = (url: string, text: string, className: string): Link =>
  ({ type: 'link', url, children: [{ type: 'text', value: text }], data: { hProperties: { className: [className] } } }) as Link;

/** A source's note is a footnote like the author's, labelled apart from the author's own (`[^1]`). */
const noteLabel = (id: string) => `source-${id}`;

export default function remarkReferences(options: ReferenceOptions) {
  const sourcesById = new Map(options.sources.map((source) => [source.id, source]));
  const knownIds = options.sources.map((source) => source.id);
  return (tree: Root, file: VFile) => {
    const crossReferences = file.data.crossReferences ?? new Map();
    /** Cited sources, in the order first cited: each gets one note. */
    const cited = new Map<string, CitedSource>();
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || parent.type === 'link' || parent.type === 'linkReference') return;
      const replacement: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(citationGroup)) {
        const ids = match[1]!.split(/\s*[;,]\s*/).map((id) => id.slice(1));
        const references: PhrasingContent[] = [];
        const markers: FootnoteReference[] = [];
        for (const id of ids) {
          const place = () => placeInSource(options.source, node, match.index, `@${id}`);
          if (/^(fig|tbl):/.test(id)) {
            const target = crossReferences.get(id);
            if (!target) {
              const known = [...crossReferences.keys()].filter((label) => label.startsWith(id.slice(0, 4)));
              reportError(file, `there is no ${id.startsWith('fig') ? 'figure' : 'table'} labelled "${id}"${known.length ? `; known labels: ${known.join(', ')}` : `; add {#${id}} at the end of its caption`}`, place(), 'cross-reference');
              continue;
            }
            if (references.length > 0) references.push({ type: 'text', value: ', ' });
            references.push(link(`#${target.id}`, `${target.kind === 'figure' ? 'Figure' : 'Table'} ${target.number}`, 'cross-reference'));
            continue;
          }
          const source = sourcesById.get(id);
          if (source === undefined) {
            const hint = knownIds.length ? `one of ${knownIds.join(', ')}` : 'none are listed yet';
            reportError(file, `[@${id}] cites a source that is not in the frontmatter's sources list (${hint}); add it there or correct the id`, place(), 'citation');
            continue;
          }
          if (markers.some((marker) => marker.identifier === noteLabel(id))) continue;
          cited.set(id, source);
          markers.push({ type: 'footnoteReference', identifier: noteLabel(id), label: noteLabel(id) });
        }
        // A note number sits on the word before it, as a footnote marker does: "agreement [@a]."
        // prints "agreement¹.", not "agreement ¹.".
        const before = node.value.slice(last, match.index);
        replacement.push({ type: 'text', value: references.length === 0 && markers.length > 0 ? before.trimEnd() : before }, ...references, ...markers);
        last = match.index + match[0].length;
      }
      if (last === 0) return;
      replacement.push({ type: 'text', value: node.value.slice(last) });
      const kept = replacement.filter((child) => child.type !== 'text' || child.value !== '');
      parent.children.splice(index, 1, ...(kept as never[]));
      return [SKIP, index + kept.length];
    });
    for (const [id, source] of cited) {
      const note: FootnoteDefinition = {
        type: 'footnoteDefinition',
        identifier: noteLabel(id),
        label: noteLabel(id),
        children: [{ type: 'paragraph', children: [{ type: 'text', value: noteText(source) }] }],
      };
      tree.children.push(note);
    }
  };
}
