// `briefing book`: one PDF with every memo of an ISO week (or a date range).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultBookPath, makeBook } from '../run/book/make-book.js';
import { isoWeekOf, parseRange, parseWeek, weekFolderName, weekLabel } from '../run/book/week.js';
import { loadConfig } from '../source/config.js';
import { formatDiagnostics } from '../source/diagnostics.js';
import { isValidIsoDate } from '../source/schema.js';
import { exitCodes, seconds, usageError, type Io } from './io.js';

export const bookOptions = {
  week: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'include-drafts': { type: 'boolean' },
  'browser-ws-endpoint': { type: 'string' },
  config: { type: 'string' },
} as const;

export async function book(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: bookOptions });
  if (values.week && (values.from || values.to)) return usageError(io, 'give either --week or --from and --to, not both');
  if (Boolean(values.from) !== Boolean(values.to)) return usageError(io, '--from and --to go together');
  const today = new Date().toISOString().slice(0, 10);
  const range = values.from && values.to ? parseRange(values.from, values.to, isValidIsoDate) : parseWeek(values.week ?? weekLabel(isoWeekOf(today)));
  if ('error' in range) return usageError(io, range.error);

  const started = Date.now();
  const config = loadConfig(io.cwd, { configPath: values.config });
  const paths = positionals.length > 0 ? positionals : ['content'];
  const outFile = values.out ? path.resolve(io.cwd, values.out) : defaultBookPath(io.cwd, range);
  const wsEndpoint = values['browser-ws-endpoint'] ?? io.env.BRIEFING_BROWSER_WS;
  const result = await makeBook({
    paths,
    range,
    outFile,
    config,
    cwd: io.cwd,
    includeDrafts: values['include-drafts'],
    sourceDateEpoch: io.env.SOURCE_DATE_EPOCH,
    startPool: async () => (await import('../print/pool.js')).PrintPool.start({ size: 1, timeoutMs: config.printTimeoutMs * 4, browser: { wsEndpoint } }),
  });

  const problems = result.files.filter((file) => file.messages.length > 0);
  if (problems.length > 0) {
    io.err(formatDiagnostics(problems));
  }
  for (const missing of result.missing) io.err(`briefing: ${missing}: no such Markdown file or folder\n`);
  for (const memo of result.leftOut) io.err(`briefing: left out ${memo.file.path}${memo.id ? ` (${memo.id})` : ''}: its status is ${memo.status}; --include-drafts binds it\n`);
  for (const other of result.elsewhere) io.err(`briefing: ${other.file.path} has errors but is ${other.because}, not of ${range.label}; it does not stop this book (briefing check shows its errors)\n`);
  for (const file of result.undated) io.err(`briefing: ${file.path}: its date cannot be read, so it may be a memo of ${range.label}; the book waits for it: fix the problems above, or move it into its week's folder (content/${weekFolderName(range.from)}/ is this week's)\n`);
  if (result.status === 'empty' && result.leftOut.length > 0) {
    io.err(`briefing: no memo dated ${range.from} to ${range.to} (${range.label}) is ready to bind; the ${result.leftOut.length === 1 ? 'memo' : `${result.leftOut.length} memos`} left out above ${result.leftOut.length === 1 ? 'is' : 'are'} bound with --include-drafts\n`);
    return exitCodes.failed;
  }
  if (result.status === 'empty') {
    io.err(`briefing: no memo in ${paths.join(', ')} is dated ${range.from} to ${range.to} (${range.label}); check the dates in the frontmatter or choose another --week\n`);
    return exitCodes.failed;
  }
  if (result.status === 'failed') {
    io.err(`briefing: the book for ${range.label} was not written; fix the problems above and run it again\n`);
    return exitCodes.failed;
  }
  io.out(`book    ${range.label} → ${path.relative(io.cwd, result.output) || result.output}  (${result.memos} memos, ${result.pages} pages, ${seconds(Date.now() - started)})\n`);
  return exitCodes.ok;
}
