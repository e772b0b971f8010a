// Puts one prefix before every id of a memo's HTML and before everything that refers to an id
// (`href="#…"`, `aria-describedby`, `aria-labelledby`). A memo alone needs none; in the weekly
// book every memo gets its own (`memo-2-`), because the ids a memo makes — note `fn-1`, `figure-1`,
// `table-1`, GFM's fixed `footnote-label` — are the same in every memo, and a PDF link to a
// repeated id lands in the first memo that has it. Done last, on the whole fragment, so an id
// no plugin option reaches is prefixed too.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface IdPrefixOptions {
  prefix: string;
}

const referring = ['ariaDescribedBy', 'ariaLabelledBy'] as const;

export default function rehypeIdPrefix(options: IdPrefixOptions) {
  const { prefix } = options;
  return (tree: Root) => {
    if (!prefix) return;
    visit(tree, 'element', (element: Element) => {
      const properties = element.properties;
      if (typeof properties.id === 'string' && properties.id) properties.id = prefix + properties.id;
      if (typeof properties.href === 'string' && properties.href.startsWith('#') && properties.href.length > 1) properties.href = `#${prefix}${properties.href.slice(1)}`;
      for (const name of referring) {
        // hast keeps these as a list of ids (`aria-describedby="a b"` → ['a', 'b']).
        const value: unknown = properties[name];
        if (Array.isArray(value)) properties[name] = value.map((id) => prefix + String(id));
        else if (typeof value === 'string' && value) properties[name] = value.split(/\s+/).map((id) => prefix + id);
      }
    });
  };
}
