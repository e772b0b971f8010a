// A block that opens and is never closed takes in everything after it: a `:::note` without its
// closing `:::` prints the rest of the memo inside the note box, a ``` fence prints it as code,
// and an HTML comment (or another raw HTML block that waits for its end, such as <pre>) hides
// it. Markdown accepts all three without a word, so each is an error at its opening line that
// says where it runs to and how to close it.
import type { Nodes, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { nodeError } from './report.js';

export interface UnclosedBlockOptions {
  /** The Markdown the tree was parsed from (positions are the file's). */
  source: string;
}

/** The text of a node's last line, from the start of that line to the node's end. */
function lastLine(source: string, node: Nodes): string {
  const end = node.position?.end.offset ?? 0;
  return source.slice(source.lastIndexOf('\n', end - 1) + 1, end);
}

/** The last line that holds anything of the node (it may end on blank lines after its text). */
function lastContentLine(source: string, node: Nodes): number {
  const start = node.position!.start.offset ?? 0;
  let end = node.position!.end.offset ?? start;
  while (end > start && /\s/.test(source[end - 1]!)) end -= 1;
  return source.slice(0, end).split('\n').length;
}

/** How the block around an unclosed one ends, for the message: "the end of the memo (line 48)". */
function runsTo(source: string, node: Nodes, parent: Parent | undefined): string {
  const where =
    parent?.type === 'listItem'
      ? 'the end of its list item'
      : parent?.type === 'blockquote'
        ? 'the end of its block quote'
        : parent?.type === 'containerDirective'
          ? `the end of the :::${(parent as unknown as { name: string }).name} block around it`
          : parent?.type === 'footnoteDefinition'
            ? 'the end of its note'
            : 'the end of the memo';
  return `${where} (line ${lastContentLine(source, node)})`;
}

/** The raw HTML blocks that end only at a closing mark (CommonMark types 1–5), and that mark. */
const htmlBlocksWithEnd: { start: RegExp; end: (value: string) => boolean; name: (value: string) => string; close: (value: string) => string }[] = [
  {
    start: /^<(script|pre|style|textarea)(?=[\s>]|$)/i,
    end: (value) => /<\/(script|pre|style|textarea)>/i.test(value),
    name: (value) => `<${/^<(\w+)/.exec(value)![1]!.toLowerCase()}> block`,
    close: (value) => `</${/^<(\w+)/.exec(value)![1]!.toLowerCase()}>`,
  },
  { start: /^<!--/, end: (value) => value.indexOf('-->', 2) >= 0, name: () => 'HTML comment', close: () => '-->' },
  { start: /^<\?/, end: (value) => value.indexOf('?>', 2) >= 0, name: () => 'processing instruction <?', close: () => '?>' },
  { start: /^<!\[CDATA\[/, end: (value) => value.indexOf(']]>', 9) >= 0, name: () => 'CDATA section', close: () => ']]>' },
  { start: /^<![A-Za-z]/, end: (value) => value.indexOf('>', 2) >= 0, name: () => 'declaration <!', close: () => '>' },
];

function unclosedHtml(value: string): { name: string; close: string } | undefined {
  const text = value.replace(/^[ \t]+/, '');
  const kind = htmlBlocksWithEnd.find((candidate) => candidate.start.test(text));
  if (!kind || kind.end(text)) return undefined;
  return { name: kind.name(text), close: kind.close(text) };
}

/** Flow content sits in these; html inside a paragraph or heading is inline and always whole. */
const blockParents = new Set(['root', 'listItem', 'blockquote', 'containerDirective', 'footnoteDefinition']);

export default function remarkUnclosedBlocks(options: UnclosedBlockOptions) {
  const { source } = options;
  return (tree: Root, file: VFile) => {
    visit(tree, (visited, _index, parent: Parent | undefined) => {
      const node = visited as Nodes;
      if (!node.position || node.position.start.offset === undefined) return;
      const opening = source.slice(node.position.start.offset);
      const spansLines = node.position.end.line > node.position.start.line;

      if (node.type === 'containerDirective') {
        const fence = /^:{3,}/.exec(opening)?.[0] ?? ':::';
        const children = node.children.filter((child) => !(child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel);
        const lastChild = children.at(-1);
        const closing = new RegExp(`(^|[\\s>]):{${fence.length},}[ \\t]*$`).test(lastLine(source, node));
        const closed = spansLines && closing && (!lastChild?.position || lastChild.position.end.line < node.position.end.line);
        if (closed) return;
        const heading = children.find((child) => child.type === 'heading');
        const where = heading ? `where the ${node.name} ends, likely before the heading on line ${heading.position!.start.line}` : `where the ${node.name} ends`;
        nodeError(
          file,
          node,
          `this ${fence}${node.name} is never closed, so it runs to ${runsTo(source, node, parent)} and takes in everything after it; close it with ${fence} on its own line ${where}`,
          'unclosed-block',
        );
        return;
      }

      if (node.type === 'code') {
        const fence = /^(`{3,}|~{3,})/.exec(opening)?.[0];
        if (!fence) return; // indented code has no fence to close
        const closing = new RegExp(`(^|[\\s>])${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(lastLine(source, node));
        if (spansLines && closing) return;
        nodeError(
          file,
          node,
          `this code block (${fence}) is never closed, so it runs to ${runsTo(source, node, parent)} and prints everything after it as code; close it with ${fence} on its own line where the code ends`,
          'unclosed-block',
        );
        return;
      }

      if (node.type === 'html' && blockParents.has(parent?.type ?? 'root')) {
        const unclosed = unclosedHtml(node.value);
        if (!unclosed) return;
        nodeError(
          file,
          node,
          `this ${unclosed.name} is never closed with ${unclosed.close}, so it runs to ${runsTo(source, node, parent)} and hides everything after it; close it with ${unclosed.close} where it should end`,
          'unclosed-block',
        );
      }
    });
  };
}
