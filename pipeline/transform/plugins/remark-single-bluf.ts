// A memo has one bottom line: from the frontmatter's `bluf:` or from a `:::bluf` block, never
// both, and never two blocks. The second one is an error at its line.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { Place } from '../../source/diagnostics.js';
import { nodeError } from './report.js';

export interface SingleBlufOptions {
  /** Where the frontmatter's bluf is written, if it has one. */
  frontmatterBluf?: Place;
}

export default function remarkSingleBluf(options: SingleBlufOptions) {
  return (tree: Root, file: VFile) => {
    let first: Place | undefined = options.frontmatterBluf;
    const firstWhere = () => (options.frontmatterBluf ? `the frontmatter's bluf: (line ${options.frontmatterBluf.line})` : `the :::bluf block on line ${first!.line}`);
    visit(tree, 'containerDirective', (node) => {
      if (node.name !== 'bluf') return;
      if (first) {
        nodeError(file, node, `the bottom line is given twice, in ${firstWhere()} and in this :::bluf block; keep one of them`, 'bluf-twice');
        return;
      }
      first = node.position ? { line: node.position.start.line, column: node.position.start.column } : { line: 1, column: 1 };
    });
  };
}
