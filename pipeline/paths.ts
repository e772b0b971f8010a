// Two questions about paths that every stage asks: is a file inside a folder (after `..` and
// absolute paths are resolved), and how to show a path to the author.
import path from 'node:path';

/** Whether `candidate` is `folder` or lies below it. Both should be absolute and resolved. */
export function isInside(candidate: string, folder: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A path as the author would type it: relative inside the working folder, absolute outside. */
export function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && isInside(file, cwd) ? relative : file;
}
