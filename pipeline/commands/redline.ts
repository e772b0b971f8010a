// `briefing redline FILE [--since REF] [--out FILE]`: the memo as it is now, with what changed
// since REF marked, for the next round of clearance.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeRedline } from '../run/redline/make-redline.js';
import { loadConfig } from '../source/config.js';
import { formatDiagnostics } from '../source/diagnostics.js';
import { isMarkdownFile } from '../source/discover.js';
import { exitCodes, seconds, usageError, type Io } from './io.js';

export const redlineOptions = {
  since: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'browser-ws-endpoint': { type: 'string' },
  config: { type: 'string' },
} as const;

export async function redline(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: redlineOptions });
  if (positionals.length !== 1) return usageError(io, positionals.length === 0 ? 'briefing redline needs the Markdown file of one memo' : `briefing redline takes one memo, not ${positionals.length}`);
  const file = positionals[0]!;
  if (!isMarkdownFile(file)) return usageError(io, `${file} is not a Markdown file; name the memo's .md file`);
  const started = Date.now();
  const config = loadConfig(io.cwd, { configPath: values.config });
  const wsEndpoint = values['browser-ws-endpoint'] ?? io.env.BRIEFING_BROWSER_WS;
  const result = await makeRedline({
    file,
    since: values.since,
    outFile: values.out ? path.resolve(io.cwd, values.out) : undefined,
    config,
    cwd: io.cwd,
    startPool: async () => (await import('../print/pool.js')).PrintPool.start({ size: 1, timeoutMs: config.printTimeoutMs, browser: { wsEndpoint } }),
  });
  if (result.status === 'usage') return usageError(io, result.problem);
  io.err(formatDiagnostics(result.files));
  if (result.status === 'failed') {
    io.err(`briefing: the redline of ${file} was not printed; fix the problems above and run it again\n`);
    return exitCodes.failed;
  }
  for (const note of result.since.notes) io.err(`briefing: ${note}\n`);
  if (result.inserted === 0 && result.deleted === 0 && result.since.bytes) {
    io.err(`briefing: no word of ${file} changed since ${result.since.shortCommit}; to show an earlier round, name its commit with --since (e.g. --since ${result.since.shortCommit}~1)\n`);
  }
  const shown = path.relative(io.cwd, result.output) || result.output;
  io.out(`redline ${file} since ${result.since.shortCommit} → ${shown}  (${result.inserted} words inserted, ${result.deleted} deleted, ${result.pages} page${result.pages === 1 ? '' : 's'}, ${seconds(Date.now() - started)})\n`);
  return exitCodes.ok;
}
