// Links may point to the web or to a place in the memo; a `javascript:`, `file:` or `data:`
// link is an error at its line (the sanitizer would also drop it, silently).
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { nodeError } from './report.js';

const allowedProtocols = new Set(['http', 'https', 'mailto', 'tel']);

export default function remarkSafeLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, ['link', 'definition'], (node) => {
      const url = (node as { url: string }).url.trim();
      const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
      if (protocol && !allowedProtocols.has(protocol)) {
        nodeError(file, node, `link "${url.slice(0, 60)}" uses ${protocol}:, which a memo may not link to; use an https:// address`, 'link-protocol');
      }
    });
  };
}
