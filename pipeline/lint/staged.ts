// `check --staged`: the Markdown files staged for the next commit, read from git's index (what
// will be committed), not from the working copy, which may hold unstaged edits.
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { isInside } from '../paths.js';
import { isMarkdownFile } from '../source/discover.js';
import type { SourceFile } from '../types.js';

const run = promisify(execFile);

export class NotInRepositoryError extends Error {
  override name = 'NotInRepositoryError';
}

async function git(args: string[], cwd: string): Promise<Buffer> {
  const { stdout } = await run('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/**
 * Staged (added, copied or modified) Markdown files under the folders or files named in
 * `paths`, with their staged bytes. A file outside every path (a README) is not a briefing.
 */
export async function stagedSources(paths: string[], cwd: string): Promise<SourceFile[]> {
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  } catch {
    throw new NotInRepositoryError(`${cwd} is not inside a git repository; --staged checks the files staged for the next commit (git add), so run it in one`);
  }
  const names = (await git(['diff', '--cached', '--name-only', '--diff-filter=ACM', '-z'], top)).toString('utf8').split('\0').filter(isMarkdownFile);
  const roots = await Promise.all(
    paths.map(async (given) => {
      const absolute = path.resolve(cwd, given);
      const real = await realpath(absolute).catch(() => absolute);
      return { folder: isMarkdownFile(real) ? path.dirname(real) : real, only: isMarkdownFile(real) ? real : undefined };
    }),
  );
  const sources: SourceFile[] = [];
  for (const name of names) {
    const absolute = path.join(top, name);
    const root = roots.find((candidate) => (candidate.only ? candidate.only === absolute : isInside(absolute, candidate.folder)));
    if (!root) continue;
    // `:path` is the path's entry in the index, i.e. the staged content.
    const bytes = await git(['show', `:${name}`], top);
    sources.push({ path: absolute, root: root.folder, relative: path.relative(root.folder, absolute).split(path.sep).join('/'), bytes });
  }
  return sources;
}
