// The order of a book's memos, stated in the README: `priority` (lower first, memos without one
// after those with one), then date, then id. Stable whatever order the files were found in.
import type { Frontmatter } from '../../source/schema.js';

export function compareForBook(a: Frontmatter, b: Frontmatter): number {
  const priorityA = a.priority ?? Number.POSITIVE_INFINITY;
  const priorityB = b.priority ?? Number.POSITIVE_INFINITY;
  if (priorityA !== priorityB) return priorityA < priorityB ? -1 : 1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
