// The git state the cache needs, in a few git calls per run rather than one per briefing:
// which sources are modified or untracked, and which changed between the commit the last
// build saw and HEAD (their PDFs carry a commit in their provenance, so they must be redone).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RepositoryState {
  top: string;
  head?: string;
  /** Absolute paths that differ from HEAD (modified, added, untracked). */
  uncommitted: Set<string>;
}

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

export async function repositoryState(folder: string): Promise<RepositoryState | undefined> {
  const top = (await git(folder, ['rev-parse', '--show-toplevel']))?.trim();
  if (!top) return undefined;
  const head = (await git(folder, ['rev-parse', '--verify', '-q', 'HEAD']))?.trim() || undefined;
  const status = (await git(folder, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.'])) ?? '';
  const uncommitted = new Set<string>();
  const records = status.split('\0');
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    if (record.length < 4) continue;
    uncommitted.add(path.join(top, record.slice(3)));
    if (record[0] === 'R' || record[0] === 'C') index++; // renames carry the old path next
  }
  return { top, head, uncommitted };
}

/** Files changed between two commits, or undefined when that cannot be told (e.g. shallow clone). */
export async function changedBetween(top: string, from: string, to: string): Promise<Set<string> | undefined> {
  const output = await git(top, ['diff', '--name-only', '-z', from, to]);
  if (output === undefined) return undefined;
  return new Set(output.split('\0').filter(Boolean).map((relative) => path.join(top, relative)));
}

/** Files changed since a ref, committed or not: for `--changed-since`. */
export async function changedSince(folder: string, ref: string): Promise<{ top: string; files: Set<string> } | { error: string }> {
  const top = (await git(folder, ['rev-parse', '--show-toplevel']))?.trim();
  if (!top) return { error: `${folder} is not inside a git repository, so --changed-since cannot be used` };
  const base = (await git(top, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]))?.trim();
  if (!base) return { error: `--changed-since: "${ref}" is not a commit in ${top}; fetch it (CI: fetch-depth 0) or name another ref` };
  const committed = (await git(top, ['diff', '--name-only', '-z', base])) ?? '';
  const untracked = (await git(top, ['ls-files', '--others', '--exclude-standard', '-z'])) ?? '';
  const files = new Set([...committed.split('\0'), ...untracked.split('\0')].filter(Boolean).map((relative) => path.join(top, relative)));
  return { top, files };
}
