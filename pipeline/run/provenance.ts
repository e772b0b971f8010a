// Where a PDF came from, and which time it carries. The time is reproducible: SOURCE_DATE_EPOCH
// when set, else the source's last git commit, else the memo's own date — never "now".
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SourceHistory {
  /** Full hash of the last commit that touched the file. */
  commit?: string;
  commitTime?: Date;
  /** The working copy differs from that commit. */
  modified: boolean;
}

/**
 * `known` carries what the build already learnt from one `git status` for the whole content
 * folder, so a run does not spawn git two or three times for every briefing.
 */
export async function gitHistory(file: string, known?: { inRepository: boolean; modified?: boolean }): Promise<SourceHistory> {
  if (known && !known.inRepository) return { modified: false };
  const cwd = path.dirname(file);
  try {
    const { stdout } = await run('git', ['log', '-1', '--format=%H %ct', '--', path.basename(file)], { cwd, timeout: 10_000 });
    const [commit, seconds] = stdout.trim().split(' ');
    if (!commit || !seconds) return { modified: known?.modified ?? false };
    if (known?.modified !== undefined) return { commit, commitTime: new Date(Number(seconds) * 1000), modified: known.modified };
    const { stdout: status } = await run('git', ['status', '--porcelain', '--', path.basename(file)], { cwd, timeout: 10_000 });
    return { commit, commitTime: new Date(Number(seconds) * 1000), modified: status.trim() !== '' };
  } catch {
    return { modified: false };
  }
}

export function documentDate(memoDate: string, history: SourceHistory, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (history.commitTime && !history.modified) return history.commitTime;
  return new Date(`${memoDate}T00:00:00Z`);
}
