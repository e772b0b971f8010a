// What each place a link in the body leads to is, by its id: a note marker "1" leads to
// "Note 1", a cross-reference to "Figure 2. (U) Missile ranges". The post-pass writes this as
// the PDF link's description (/Contents), where the printed "1" alone would say nothing.
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

const textOf = (node: Element | Root): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

const tidy = (text: string, limit = 120) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit).replace(/\s+\S*$/, '')}…`;
};

export default function rehypeLinkTargets() {
  return (tree: Root, file: VFile) => {
    const targets: Record<string, string> = {};
    const linked = new Set<string>();
    const visit = (node: Root | Element, inNotes: boolean) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const properties = child.properties ?? {};
        if (child.tagName === 'a' && typeof properties.href === 'string' && properties.href.startsWith('#')) linked.add(decodeURIComponent(properties.href.slice(1)));
        const notes = inNotes || properties.dataFootnotes !== undefined;
        const id = typeof properties.id === 'string' ? properties.id : undefined;
        if (id) {
          if (notes && child.tagName === 'li') {
            const list = node.children.filter((item): item is Element => item.type === 'element' && item.tagName === 'li');
            targets[id] = `Note ${list.indexOf(child) + 1}`;
          } else if (child.tagName === 'figure') {
            const caption = child.children.find((item): item is Element => item.type === 'element' && item.tagName === 'figcaption');
            targets[id] = tidy(textOf(caption ?? child));
          } else {
            targets[id] = tidy(textOf(child));
          }
        }
        visit(child, notes);
      }
    };
    visit(tree, false);
    file.data.linkTargets = Object.fromEntries(Object.entries(targets).filter(([id]) => linked.has(id)));
  };
}

declare module 'vfile' {
  interface DataMap {
    /** Descriptions of the body's link targets, by id (see rehype-link-targets.ts). */
    linkTargets: Record<string, string>;
  }
}
