// The package's programmatic API: `import { build, book, check, schema } from 'briefing'`.
// Each function takes what its command's flags say, as options, and returns the result the
// command prints from: nothing is printed, no process.env is read, and process.exit is never
// called. The options left out default as the commands do: paths ['content'], the config
// found from cwd upwards, output/ under cwd.
import path from 'node:path';
import { defaultBookPath, makeBook, type BookOptions, type BookResult } from './run/book/make-book.js';
import { isoWeekOf, parseRange, parseWeek, weekLabel, type DateRange } from './run/book/week.js';
import { runBuild, type BuildOptions, type BuildResult } from './run/build-run.js';
import { runCheck, type CheckOptions, type CheckResult } from './run/check-briefings.js';
import { parseShard, type Shard } from './run/select.js';
import { loadConfig, type BriefingConfig } from './source/config.js';
import { isValidIsoDate } from './source/schema.js';

export type { BookResult } from './run/book/make-book.js';
export type { DateRange } from './run/book/week.js';
export type { BriefingOutcome, BriefingStatus, BuildEvent, BuildResult } from './run/build-run.js';
export type { CheckResult } from './run/check-briefings.js';
export { runReport, type RunReport } from './run/report.js';
export type { Shard } from './run/select.js';
export { ConfigError } from './source/config-error.js';
export { loadConfig, type BriefingConfig, type LoadConfigOptions } from './source/config.js';
export { BrowserUnavailableError } from './print/browser.js';

/** A mistake in the options (a week that is no week, a shard like 3/2): what the command calls a usage error. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What every call takes: where it runs, what it reads, and the config. */
export interface CommonOptions {
  /** The working folder paths and the config are found from (default: process.cwd()). */
  cwd?: string;
  /** Markdown files and folders, relative to cwd (default: ['content']). */
  paths?: string[];
  /** A config already loaded (loadConfig); otherwise configPath, or the nearest briefing.config.yml. */
  config?: BriefingConfig;
  /** The config file, relative to cwd (the commands' --config). */
  configPath?: string;
}

function common(options: CommonOptions): { cwd: string; paths: string[]; config: BriefingConfig } {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  return {
    cwd,
    paths: options.paths && options.paths.length > 0 ? options.paths : ['content'],
    config: options.config ?? loadConfig(cwd, { configPath: options.configPath }),
  };
}

export interface BuildApiOptions extends CommonOptions, Omit<BuildOptions, 'paths' | 'outDir' | 'config' | 'cwd' | 'shard'> {
  /** Where outputs go, relative to cwd (default: output/). */
  outDir?: string;
  /** A stable share of the briefings: { index, count } or "I/N" as --shard takes it. */
  shard?: Shard | string;
}

/**
 * `briefing build`: checks and prints each briefing (PDF, and/or .docx with formats). Progress
 * comes to onEvent; signal stops scheduling work. A briefing that fails is an outcome with
 * status 'failed' and its messages in outcome.file.messages; the others are still built.
 */
export async function build(options: BuildApiOptions = {}): Promise<BuildResult> {
  const { cwd, paths, config } = common(options);
  const shard = typeof options.shard === 'string' ? parseShard(options.shard) : options.shard;
  if (shard && 'error' in shard) throw new UsageError(shard.error);
  return runBuild({ ...options, paths, config, cwd, shard, outDir: path.resolve(cwd, options.outDir ?? 'output') });
}

export interface BookApiOptions extends CommonOptions, Omit<BookOptions, 'paths' | 'range' | 'outFile' | 'config' | 'cwd' | 'startPool'> {
  /** The ISO week, YYYY-Www (default: this week), or from and to (YYYY-MM-DD) for a date range. */
  week?: string;
  from?: string;
  to?: string;
  /** The PDF, relative to cwd (default: output/books/YYYY-Www.pdf). */
  outFile?: string;
  /** Print through a running browser instead of starting one. */
  browserWsEndpoint?: string;
  /** Checked before the book starts printing. */
  signal?: AbortSignal;
}

/** `briefing book`: one PDF with every memo of a week or a date range; result.status says whether it was written. */
export async function book(options: BookApiOptions = {}): Promise<BookResult> {
  const { cwd, paths, config } = common(options);
  const range = bookRange(options);
  options.signal?.throwIfAborted();
  const { week: _week, from: _from, to: _to, outFile, browserWsEndpoint, signal: _signal, ...rest } = options;
  return makeBook({
    ...rest,
    paths,
    config,
    cwd,
    range,
    outFile: outFile ? path.resolve(cwd, outFile) : defaultBookPath(cwd, range),
    startPool: async () => (await import('./print/pool.js')).PrintPool.start({ size: 1, timeoutMs: config.printTimeoutMs * 4, browser: { wsEndpoint: browserWsEndpoint } }),
  });
}

function bookRange(options: BookApiOptions): DateRange {
  if (options.week && (options.from || options.to)) throw new UsageError('give either week or from and to, not both');
  if (Boolean(options.from) !== Boolean(options.to)) throw new UsageError('from and to go together');
  const range = options.from && options.to ? parseRange(options.from, options.to, isValidIsoDate) : parseWeek(options.week ?? weekLabel(isoWeekOf(new Date().toISOString().slice(0, 10))));
  if ('error' in range) throw new UsageError(range.error);
  return range;
}

export interface CheckApiOptions extends CommonOptions, Partial<Omit<CheckOptions, 'paths' | 'cwd' | 'config' | 'outShown'>> {}

/** `briefing check`: every check of the build and the memo lint rules, no browser (unless a11y). */
export async function check(options: CheckApiOptions = {}): Promise<CheckResult> {
  const { cwd, paths, config } = common(options);
  const outDir = path.resolve(cwd, options.outDir ?? 'output');
  return runCheck({ ...options, paths, cwd, config, outDir, outShown: `${path.relative(cwd, outDir) || '.'}/` });
}

/** `briefing schema`: the JSON Schema of the frontmatter, or with 'config' of briefing.config.yml. */
export async function schema(of: 'frontmatter' | 'config' = 'frontmatter'): Promise<Record<string, unknown>> {
  if (of === 'config') return (await import('./source/config.js')).configJsonSchema() as Record<string, unknown>;
  return (await import('./source/json-schema.js')).frontmatterJsonSchema() as Record<string, unknown>;
}
