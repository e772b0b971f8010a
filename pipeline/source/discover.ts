// Finds the briefings a run is about: files named directly, or every Markdown file under a
// folder. Outputs mirror the tree under the folder given, so each file keeps its root.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../paths.js';

export interface FoundBriefing {
  path: string;
  root: string;
  relative: string;
}

export interface Discovery {
  briefings: FoundBriefing[];
  /** Paths the user named that do not exist or are not Markdown. */
  missing: string[];
  /** Symbolic links that lead out of their content folder and were not followed. */
  skippedLinks: string[];
}

/** A briefing's source file ends in .md or .markdown, in any case; every stage asks this one pattern. */
export const markdownExtension = /\.(md|markdown)$/i;
export const isMarkdownFile = (name: string): boolean => markdownExtension.test(name);
const ignoredFolders = new Set(['node_modules', '.git']);

async function walk(folder: string, root: string, rootReal: string, found: FoundBriefing[], skippedLinks: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || ignoredFolders.has(entry.name)) continue;
    const full = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A link is followed only while it stays inside the content folder.
      const target = await realpath(full).catch(() => undefined);
      if (!target || !isInside(target, rootReal)) {
        skippedLinks.push(full);
        continue;
      }
      const info = await stat(target);
      isDirectory = info.isDirectory();
      isFile = info.isFile();
    }
    if (isDirectory) await walk(full, root, rootReal, found, skippedLinks);
    else if (isFile && isMarkdownFile(entry.name)) found.push({ path: full, root, relative: toPosix(path.relative(root, full)) });
  }
}

const toPosix = (relative: string) => relative.split(path.sep).join('/');

export async function discoverBriefings(paths: string[], cwd = process.cwd()): Promise<Discovery> {
  const briefings: FoundBriefing[] = [];
  const missing: string[] = [];
  const skippedLinks: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await lstat(absolute).catch(() => undefined);
    if (!info) {
      missing.push(given);
    } else if (info.isDirectory()) {
      await walk(absolute, absolute, await realpath(absolute), briefings, skippedLinks);
    } else if ((info.isFile() || info.isSymbolicLink()) && isMarkdownFile(absolute)) {
      const root = path.dirname(absolute);
      // A file named directly (often by a shell glob in CI) obeys the same rule as one found
      // in a folder: a link is followed only while it stays inside the file's own folder.
      if (info.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined);
        const rootReal = await realpath(root).catch(() => root);
        const targetInfo = target ? await stat(target).catch(() => undefined) : undefined;
        if (!target || !isInside(target, rootReal) || !targetInfo?.isFile()) {
          skippedLinks.push(absolute);
          continue;
        }
      }
      briefings.push({ path: absolute, root, relative: path.basename(absolute) });
    } else {
      missing.push(given);
    }
  }
  // The same file named twice (a folder and a file in it) is built once.
  const seen = new Set<string>();
  return {
    briefings: briefings.filter((briefing) => (seen.has(briefing.path) ? false : (seen.add(briefing.path), true))),
    missing,
    skippedLinks,
  };
}
