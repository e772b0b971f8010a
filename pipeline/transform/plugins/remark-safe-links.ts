// Links may point to the web, to an e-mail address or to a place in the memo: the protocols the
// sanitizer keeps (processor.ts) and the Word writer links (docx/inline.ts). Any other link, a
// `javascript:`, `file:`, `data:` or `tel:` one, is an error at its line, since the sanitizer
// would drop its address silently and leave the words looking like a link that goes nowhere.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { nodeError } from './report.js';

const allowedProtocols = new Set(['http', 'https', 'mailto']);

export default function remarkSafeLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, ['link', 'definition'], (node) => {
      const url = (node as { url: string }).url.trim();
      const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
      if (protocol && !allowedProtocols.has(protocol)) {
        // A telephone number is read, not followed, on paper: it belongs in the text.
        const instead = protocol === 'tel' ? 'write the number in the text instead' : 'use an https:// address';
        nodeError(file, node, `link "${url.slice(0, 60)}" uses ${protocol}:, which a memo may not link to; ${instead}`, 'link-protocol');
      }
    });
  };
}
