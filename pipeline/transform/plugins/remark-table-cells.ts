// A GFM table has as many columns as its header row. A row with more cells keeps them in the
// tree, but the HTML has no column for them and they vanish from the PDF without a word (often a
// `|` meant as text). Each is an error at the first cell that would be lost.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { nodeError } from './report.js';

export default function remarkTableCells() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'table', (table) => {
      const columns = table.children[0]?.children.length ?? 0;
      for (const row of table.children.slice(1)) {
        if (row.children.length <= columns) continue;
        const lost = row.children.slice(columns).map((cell) => toString(cell).trim());
        const shown = lost.map((text) => `"${text.length > 30 ? `${text.slice(0, 27)}...` : text}"`).join(', ');
        nodeError(
          file,
          row.children[columns]!,
          `this row has ${row.children.length} cells but the table has ${columns} columns, so ${lost.length > 1 ? `cells ${columns + 1}–${row.children.length}` : `cell ${columns + 1}`} (${shown}) would not print; add ${lost.length > 1 ? 'columns' : 'a column'} to the header row, or write a | that is part of the text as \\|`,
          'table-cells',
        );
      }
    });
  };
}
