// Each callout opens with its kind as a label ("Note", "Key judgments"), so a boxed note is not
// read as a quotation. A :::quote{source=…} is labelled by its source instead: its text goes
// into a <blockquote>, set in from the text, and the source follows on a line of its own
// ("— Minister Kihara"). Added to the HTML after sanitising, so the marking rules never take a
// label for an unmarked portion.
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { calloutTitles } from './remark-callouts.js';
import { typographicText } from './remark-typography.js';

const paragraph = (className: string, text: string): Element => ({
  type: 'element',
  tagName: 'p',
  properties: { className: [className] },
  children: [{ type: 'text', value: text }],
});

export default function rehypeCalloutLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (aside: Element) => {
      if (aside.tagName !== 'aside') return;
      const classes = Array.isArray(aside.properties?.className) ? aside.properties.className.map(String) : [];
      const kind = classes.find((name) => name.startsWith('callout-'))?.slice('callout-'.length);
      const title = kind ? calloutTitles[kind] : undefined;
      if (!title) return;
      if (kind !== 'quote') {
        aside.children = [paragraph('callout-label', title), ...aside.children];
        return;
      }
      const source = aside.properties?.dataSource;
      const quotation: Element = { type: 'element', tagName: 'blockquote', properties: {}, children: aside.children };
      const attribution: ElementContent[] = typeof source === 'string' && source.trim() ? [paragraph('callout-attribution', `— ${typographicText(source.trim())}`)] : [];
      aside.children = [quotation, ...attribution];
    });
  };
}
