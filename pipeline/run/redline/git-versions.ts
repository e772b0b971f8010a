// The earlier version a redline compares with: a file as it was at a commit. Every ref and path
// reaches git as its own argument (execFile, never a shell), and a ref that begins with "-" is
// refused before git sees it, so no value the user types can become a git option.
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, timeout: 30_000, maxBuffer: 16 * 1024 * 1024, encoding: 'buffer' });
    return stdout.toString('utf8');
  } catch {
    return undefined;
  }
}

async function gitBytes(cwd: string, args: string[]): Promise<Buffer | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, timeout: 30_000, maxBuffer: 16 * 1024 * 1024, encoding: 'buffer' });
    return stdout;
  } catch {
    return undefined;
  }
}

export interface EarlierVersion {
  /** Full commit hash. */
  commit: string;
  shortCommit: string;
  /** The commit's date, YYYY-MM-DD (committer date). */
  date: string;
  /** The file at that commit; none when it did not exist then (the whole memo is new). */
  bytes?: Buffer;
  /** Said to the user: the default ref fell back to HEAD, or nothing changed since it. */
  notes: string[];
}

export type EarlierVersionResult = EarlierVersion | { usageProblem: string };

/** The file as it was at `since` (default: the last commit that touched it). */
export async function earlierVersion(file: string, since: string | undefined): Promise<EarlierVersionResult> {
  if (since !== undefined && since.startsWith('-')) {
    return { usageProblem: `--since "${since}" begins with "-"; name a commit, branch or tag (e.g. --since HEAD~1)` };
  }
  if (since !== undefined && since.trim() === '') return { usageProblem: '--since is empty; name a commit, branch or tag (e.g. --since HEAD~1)' };
  const real = await realpath(file).catch(() => undefined);
  if (!real) return { usageProblem: `${file}: no such file` };
  const folder = path.dirname(real);
  const top = (await git(folder, ['rev-parse', '--show-toplevel']))?.trim();
  if (!top) return { usageProblem: `${file} is not in a git repository; a redline compares the memo with a commit` };
  const relative = path.relative(top, real).split(path.sep).join('/');
  const notes: string[] = [];

  let commit: string | undefined;
  if (since !== undefined) {
    commit = (await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${since}^{commit}`]))?.trim() || undefined;
    if (!commit) return { usageProblem: `--since "${since}" is not a commit in ${top}; name a commit, branch or tag that exists (git log shows them)` };
  } else {
    commit = (await git(top, ['log', '-1', '--format=%H', '--', relative]))?.trim() || undefined;
    if (!commit) {
      commit = (await git(top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']))?.trim() || undefined;
      if (!commit) return { usageProblem: `${file} is in a repository with no commit yet; commit it once, then redline later versions against that commit` };
      notes.push(`${file} was never committed; comparing it with HEAD, where it does not exist yet`);
    }
  }
  const info = (await git(top, ['show', '-s', '--format=%h %cI', commit]))?.trim().split(' ') ?? [];
  const shortCommit = info[0] ?? commit.slice(0, 7);
  const date = (info[1] ?? '').slice(0, 10);
  const kind = (await git(top, ['cat-file', '-t', `${commit}:${relative}`]))?.trim();
  const bytes = kind === 'blob' ? await gitBytes(top, ['cat-file', 'blob', `${commit}:${relative}`]) : undefined;
  return { commit, shortCommit, date, bytes, notes };
}
