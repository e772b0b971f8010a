// SmartyPants' quotes over a Markdown tree: the text of every paragraph, heading and table cell
// read as one string (so a quotation around a link or emphasis still pairs), educated once by
// retext-smartypants, and spliced back into the text nodes it came from. Code is read as
// letters of the same length, so quotes around it pair but it is never changed.
//
// This is the first pass of remark-smartypants 3.0.3, which we used before. Its second pass runs
// retext again over every text node for dashes, ellipses and backticks; with those off, as we
// print `--` and `...` as typed, it changed nothing and was a third of the transform's time.
import type { Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';

const quotes = retext().use(smartypants, { dashes: false, ellipses: false, backticks: false });

/** Blocks whose text starts fresh: a quote at their start always opens (a space is read before it). */
const blocks = new Set(['paragraph', 'heading', 'tableCell']);
const literals = new Set(['text', 'inlineCode']);

type Literal = Node & { value: string };

export function educateQuotes(tree: Root): void {
  let all = '';
  const visited: Node[] = [];
  visit(tree, (node: Node) => {
    if (literals.has(node.type)) {
      const { value } = node as Literal;
      all += node.type === 'text' ? value : 'A'.repeat(value.length);
    } else if (blocks.has(node.type)) all += ' ';
    else return;
    visited.push(node);
  });
  if (!/["']/.test(all)) return;
  // Quotes only: every replacement is one character for one, so the offsets stay true.
  const educated = String(quotes.processSync(all));
  let start = 0;
  for (const node of visited) {
    if (!literals.has(node.type)) {
      start += 1;
      continue;
    }
    const literal = node as Literal;
    const end = start + literal.value.length;
    if (node.type === 'text') literal.value = educated.slice(start, end);
    start = end;
  }
}
