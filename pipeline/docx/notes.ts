// The memo's notes (footnotes and citations, one sequence) as Word notes. The transform lifts
// them into a <section data-footnotes>; here each becomes a Word footnote (a memo: at the foot
// of the page, which Chromium cannot do) or endnote (a policy brief, as its PDF prints them),
// without the PDF's back-links.
import type { Element, ElementContent } from 'hast';
import { Paragraph } from 'docx';
import { wordBlocks, type BodyWriter } from './blocks.js';
import type { WordContext } from './context.js';
import { hasClass } from './inline.js';

/** The notes section's items, by element id. */
export function noteContents(section: Element | undefined): Map<string, Element> {
  const notes = new Map<string, Element>();
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'li' && child.properties?.id) notes.set(String(child.properties.id), child);
      else visit(child);
    }
  };
  if (section) visit(section);
  return notes;
}

/** A note's content without the ↩ links back to its references (and the space before them). */
function withoutBackLinks(nodes: readonly ElementContent[]): ElementContent[] {
  const kept = nodes
    .filter((node) => !(node.type === 'element' && node.tagName === 'a' && (hasClass(node, 'data-footnote-backref') || node.properties?.dataFootnoteBackref !== undefined)))
    .map((node) => (node.type === 'element' ? { ...node, children: withoutBackLinks(node.children) } : node));
  while (kept.length > 0) {
    const last = kept.at(-1)!;
    if (last.type !== 'text') break;
    const trimmed = last.value.replace(/\s+$/, '');
    if (trimmed) {
      kept[kept.length - 1] = { ...last, value: trimmed };
      break;
    }
    kept.pop();
  }
  return kept;
}

/** Word's notes part: every note the body referred to, by the id its references carry. */
export function wordNotes(context: WordContext, writer: BodyWriter, style: string): Record<string, { children: Paragraph[] }> {
  const notes: Record<string, { children: Paragraph[] }> = {};
  for (const entry of context.notes.values()) {
    const blocks = wordBlocks(withoutBackLinks(entry.content?.children ?? []), writer, { style, listDepth: 0 });
    notes[String(entry.id)] = { children: blocks.filter((block): block is Paragraph => block instanceof Paragraph) };
  }
  return notes;
}
