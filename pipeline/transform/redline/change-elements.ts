// The elements a redline prints: <ins> for inserted words, <del> for deleted ones, each word in a
// `change-line` span that draws the change bar in the margin beside its line (a bar per word, so
// every line a change runs over gets one; bars on one line coincide). The element's `lang`
// carries its number for the post-pass (change-marks.ts). The same markup comes as a hast node
// (the body) and as an HTML string (the frontmatter changes the template prints).
import type { Element, ElementContent } from 'hast';
import type { ChangeKind, ChangeLedger } from '../../change-marks.js';

const tagOf: Record<ChangeKind, 'ins' | 'del'> = { inserted: 'ins', deleted: 'del' };

function words(text: string): ElementContent[] {
  return text
    .split(/(\s+)/)
    .filter((piece) => piece !== '')
    .map((piece) =>
      /^\s+$/.test(piece) ? { type: 'text', value: piece } : { type: 'element', tagName: 'span', properties: { className: ['change-line'] }, children: [{ type: 'text', value: piece }] },
    );
}

export function changeElement(kind: ChangeKind, text: string, ledger: ChangeLedger, lang: string): Element {
  return { type: 'element', tagName: tagOf[kind], properties: { className: [`redline-${kind}`], lang: ledger.mark(kind, text, lang) }, children: words(text) };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function changeHtml(kind: ChangeKind, text: string, ledger: ChangeLedger, lang: string): string {
  const element = changeElement(kind, text, ledger, lang);
  const inner = element.children
    .map((child) => (child.type === 'text' ? escapeHtml(child.value) : `<span class="change-line">${escapeHtml((child as Element).children.map((leaf) => (leaf.type === 'text' ? leaf.value : '')).join(''))}</span>`))
    .join('');
  return `<${element.tagName} class="redline-${kind}" lang="${escapeHtml(String(element.properties.lang))}">${inner}</${element.tagName}>`;
}
