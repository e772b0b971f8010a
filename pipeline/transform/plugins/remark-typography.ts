// What the author typed, printed as a typesetter would: straight quotes and apostrophes become
// typographic ones (“ ” ‘ ’, and ’ for an apostrophe), by retext-smartypants with quotes only:
// `--` and `...` stay as written. Text is normalised to NFC, so a letter written with a combining
// mark (o + U+0304) is the one letter ō, which prints and searches as ō (the fonts: render/fonts.ts).
// Code and a URL printed as a link's text are never touched; Japanese brackets 「」『』 are not
// quotes to SmartyPants and stay as they are. Frontmatter texts that print go through the same
// plugin (`typographicText`), so a title and a paragraph never differ.
import type { Link, Root, Text } from 'mdast';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isPrintedUrl } from '../printed-urls.js';
import { educateQuotes } from '../smart-quotes.js';


/** A letter of Japanese or Chinese script: no space separates it from the next word. */
const cjkLetter = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/**
 * SmartyPants decides by the character before a quote: after a letter it closes. In Japanese a
 * quotation opens right after a letter (日本は"NATO"と), so a closing mark that follows a CJK
 * letter while no quotation is open is the opening one. Reads a block's texts in order.
 */
function openQuotesAfterCjk(texts: Text[]): void {
  let open = false;
  for (const node of texts) {
    node.value = node.value.replace(/[“”]/g, (mark, at: number) => {
      if (mark === '“') open = true;
      else if (open) open = false;
      else if (cjkLetter.test(node.value[at - 1] ?? '')) {
        open = true;
        return '“';
      }
      return mark;
    });
  }
}

const proseBlocks = new Set(['paragraph', 'heading', 'tableCell']);

export default function remarkTypography() {
  return (tree: Root) => {
    // A URL that is its link's text is hidden from SmartyPants as code, which it reads as an
    // opaque word: quotes around the link still pair, and the URL keeps its ' as typed.
    const urls = new Set<Text>();
    visit(tree, 'link', (link: Link) => {
      for (const child of link.children) {
        if (child.type === 'text' && isPrintedUrl(child.value, link.url)) {
          (child as { type: string }).type = 'inlineCode';
          urls.add(child);
        }
      }
    });
    visit(tree, 'text', (node: Text) => {
      node.value = node.value.normalize('NFC');
    });
    educateQuotes(tree);
    for (const node of urls) node.type = 'text';
    visit(tree, (node) => {
      if (!proseBlocks.has(node.type)) return;
      const texts: Text[] = [];
      visit(node, 'text', (text: Text) => {
        if (!urls.has(text)) texts.push(text);
      });
      openQuotesAfterCjk(texts);
    });
  };
}

const frontmatterText = unified().use(remarkTypography);

/** A frontmatter text as it prints: the same typography as the body's paragraphs. */
export function typographicText(text: string): string;
export function typographicText(text: string | undefined): string | undefined;
export function typographicText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  // Most frontmatter texts (names, offices) hold no quotation mark: only NFC applies to them.
  if (!/["'“”]/.test(text)) return text.normalize('NFC');
  const words: Text = { type: 'text', value: text };
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [words] }] };
  frontmatterText.runSync(tree);
  return words.value;
}
