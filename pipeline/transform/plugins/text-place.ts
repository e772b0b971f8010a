// Where a piece of a text node was written in the source. A text node's value is not a copy of
// the source (indentation of continuation lines and escapes are gone), so the n-th occurrence
// of the piece in the value is found again as the n-th occurrence in the node's source span.
import type { Text } from 'mdast';
import type { Place } from '../../source/diagnostics.js';

export function placeInSource(source: string, node: Text, valueIndex: number, piece: string): Place | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || start.offset === undefined) return undefined;
  let occurrence = 0;
  for (let at = node.value.indexOf(piece); at >= 0 && at < valueIndex; at = node.value.indexOf(piece, at + 1)) occurrence += 1;
  // Text put back by another plugin may have no end (or a short one): then search on.
  const find = (span: string) => {
    let found = -1;
    for (let seen = 0; seen <= occurrence; seen++) {
      found = span.indexOf(piece, found + 1);
      if (found < 0) return -1;
    }
    return found;
  };
  let found = find(source.slice(start.offset, end?.offset ?? source.length));
  if (found < 0) found = find(source.slice(start.offset));
  if (found < 0) return { line: start.line, column: start.column };
  const before = source.slice(0, start.offset + found);
  const line = before.split('\n').length;
  const column = start.offset + found - before.lastIndexOf('\n');
  return { line, column };
}
