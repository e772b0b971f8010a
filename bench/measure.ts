// Runs a command and measures it: wall time and the peak memory of the whole process tree
// (Node plus every browser process it starts), sampled from /proc.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  seconds: number;
  peakMegabytes: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function processTable(): Map<number, { parent: number; rssPages: number }> {
  const table = new Map<number, { parent: number; rssPages: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { parent: Number(fields[1]), rssPages: Number(fields[21]) });
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeMegabytes(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, info] of table) children.set(info.parent, [...(children.get(info.parent) ?? []), pid]);
  let pages = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    pages += table.get(pid)?.rssPages ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return (pages * 4096) / 1048576;
}

export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const sampler = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeMegabytes(child.pid));
    }, 100);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMegabytes: peak, code, stdout, stderr });
    });
  });
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
