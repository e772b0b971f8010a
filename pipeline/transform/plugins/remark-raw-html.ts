// Raw HTML in a briefing is never rendered (remark-rehype drops it and rehype-sanitize would
// strip it); tell the author at its line instead of losing it silently.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { nodeWarning } from './report.js';

export default function remarkRawHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node) => {
      if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return; // comments are a normal way to leave notes
      if (/^<!--/.test(node.value.trim()) && !node.value.includes('-->')) return; // an unclosed one is an error of remark-unclosed-blocks
      if (/^<\//.test(node.value.trim())) return; // a closing tag: its opening tag was reported
      const tag = /^<\/?([a-zA-Z][\w-]*)/.exec(node.value.trim())?.[1];
      nodeWarning(file, node, `raw HTML${tag ? ` <${tag}>` : ''} is not rendered; write it in Markdown instead`, 'no-raw-html');
    });
  };
}
