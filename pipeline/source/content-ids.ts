// Ids are unique across the whole content folder, not only among the files a run names: copying
// last week's memo is how staff start a new one, so `check content/w/b.md` must know the id of
// content/w/a.md. The content folder of a briefing is the working folder's `content/` when the
// briefing lies inside it (however it was named on the command line, as for the glossary), else
// the folder named on the command line, or for a file named directly, the file's own folder.
// Of the other files only the frontmatter is read, never the body; and a store (the check cache)
// keeps each file's id by its size, time and inode, so an unchanged file is not read again.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside, shownPath } from '../paths.js';
import { discoverBriefings } from './discover.js';

/** A briefing of the content folder that is not part of the run, and its id. */
export interface IdElsewhere {
  path: string;
  /** The path as the author sees it (relative to the working folder when inside it). */
  shownPath: string;
  id: string;
}

/** Where ids are remembered between runs; a file's signature says whether it changed. */
export interface IdStore {
  knownId(file: string, signature: string): { id?: string } | undefined;
  rememberId(file: string, signature: string, id: string | undefined): void;
}

export const contentFolderName = 'content';

export function contentFolderOf(briefing: { path: string; root: string }, cwd: string): string {
  const content = path.join(cwd, contentFolderName);
  return isInside(briefing.path, content) ? content : briefing.root;
}

/** A file's identity without reading it: size, modification time and inode. */
export async function fileSignature(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.size}:${info.mtimeMs}:${info.ino}`;
  } catch {
    return 'missing';
  }
}

/** A top-level `id:` line of a block frontmatter (keys at the margin), holding a plain or quoted id and maybe a comment. */
const idLine = /^id[ \t]*:[ \t]*(["']?)([A-Za-z0-9][A-Za-z0-9._-]*)\1[ \t]*(?:#.*)?$/m;

/** Plain words YAML's core schema reads as numbers, booleans or null. */
const yamlNonText = /^(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/**
 * The `id:` of a briefing's frontmatter, reading nothing past it; none if it cannot be read.
 * The YAML parser costs ~2 ms a memo and a folder of a thousand memos is read this way, so a
 * frontmatter is parsed in full only when its id line is not plain to see (a valid id is one
 * word of letters, digits, ".", "_" and "-").
 */
async function frontmatterId(file: string): Promise<string | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  // Loaded only when some file is not in the store: a run where nothing changed is stats alone.
  const [{ decodeSource }, { splitBriefing }] = await Promise.all([import('./load.js'), import('./frontmatter.js')]);
  const decoded = decodeSource(bytes);
  if ('problem' in decoded) return undefined;
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const end = text.startsWith('---\n') ? text.indexOf('\n---', 3) : -1;
  const line = end > 0 ? idLine.exec(text.slice(4, end + 1)) : null;
  // Unquoted, YAML reads `42`, `1e3` or `true` as no text at all (an invalid id, never a duplicate).
  if (line) return line[1] || !yamlNonText.test(line[2]!) ? line[2] : undefined;
  const data = splitBriefing(decoded.text).data;
  const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The ids of every briefing in the content folders of `briefings` that is not one of them. The
 * store is opened only when there are such briefings: a run over a whole folder needs none.
 */
export async function idsElsewhere(briefings: readonly { path: string; root: string }[], cwd: string, openStore?: () => Promise<IdStore>): Promise<IdElsewhere[]> {
  if (briefings.length === 0) return [];
  const inRun = new Set(briefings.map((briefing) => briefing.path));
  const folders = [...new Set(briefings.map((briefing) => contentFolderOf(briefing, cwd)))];
  const { briefings: found } = await discoverBriefings(folders, cwd);
  const others = found.filter((briefing) => !inRun.has(briefing.path));
  if (others.length === 0) return [];
  const store = await openStore?.();
  const ids = await Promise.all(
    others.map(async (other) => {
      const signature = await fileSignature(other.path);
      const known = store?.knownId(other.path, signature);
      const id = known ? known.id : await frontmatterId(other.path);
      if (!known) store?.rememberId(other.path, signature, id);
      return id === undefined ? undefined : { path: other.path, shownPath: shownPath(other.path, cwd), id };
    }),
  );
  return ids.filter((entry): entry is IdElsewhere => entry !== undefined);
}
