// `:lang[統合作戦司令部]{lang=ja}` marks a passage's language where the script does not tell
// it (a French phrase in an English memo, Russian in Cyrillic). It prints as the text alone;
// the PDF tags it with that language. A missing or malformed code is an error at its place.
import type { Parent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { nodeError } from './report.js';

/** A BCP 47 language tag, loosely: a 2–3 letter language, then subtags. */
const languageTag = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/;

export default function remarkLanguage() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'textDirective', (node: TextDirective, index, parent: Parent | undefined) => {
      if (node.name !== 'lang' || !parent || index === undefined) return;
      const lang = node.attributes?.lang ?? '';
      if (!languageTag.test(lang)) {
        nodeError(file, node, `:lang needs a language code, e.g. :lang[…]{lang=fr}; "${lang}" is not one`, 'language');
        parent.children.splice(index, 1, ...(node.children as never[]));
        return index;
      }
      // An unknown node with hName becomes that element in remark-rehype, children and all.
      parent.children.splice(index, 1, { type: 'languagePassage', children: node.children, data: { hName: 'span', hProperties: { lang } } } as never);
      return index + 1;
    });
  };
}
