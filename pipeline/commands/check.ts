// `briefing check`: every check of the source and transform stages and the memo lint rules,
// no browser. `--staged` checks what `git commit` is about to record (a pre-commit hook).
// `--a11y` adds the accessibility audit, which does need a browser: axe-core over the memo's
// HTML and the PDF/UA checker over its PDF (run/audit-briefings.ts). What it runs is
// run/check-briefings.ts, which the API shares.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { BrowserUnavailableError, installHint } from '../print/browser.js';
import { NotInRepositoryError } from '../lint/staged.js';
import { runCheck, type CheckResult } from '../run/check-briefings.js';
import { loadConfig } from '../source/config.js';
import { diagnosticsOf, formatDiagnostics } from '../source/diagnostics.js';
import { appendStepSummary, checkSummary } from '../run/step-summary.js';
import { exitCodes, usageError, type Io } from './io.js';

export const checkOptions = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
  staged: { type: 'boolean' },
  a11y: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  // Where `build` writes: the page counts it recorded there are judged by memo-length.
  out: { type: 'string', short: 'o' },
  // What was checked before is kept in node_modules/.cache/briefing (or $BRIEFING_CACHE_DIR).
  cache: { type: 'boolean', default: true },
  config: { type: 'string' },
} as const;

export async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: checkOptions, allowNegative: true });
  // --json is --format json, as for build.
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (format !== 'text' && format !== 'json') return usageError(io, `--format must be text or json, not "${format}"`);
  if (values.json && format !== 'json') return usageError(io, `--json and --format ${format} disagree; give one of them`);
  const config = loadConfig(io.cwd, { configPath: values.config });

  const paths = positionals.length > 0 ? positionals : ['content'];
  const outDir = path.resolve(io.cwd, values.out ?? 'output');
  let result: CheckResult;
  try {
    result = await runCheck({
      paths,
      cwd: io.cwd,
      config,
      outDir,
      outShown: `${path.relative(io.cwd, outDir) || '.'}/`,
      staged: values.staged,
      a11y: values.a11y,
      cache: values.cache,
      cacheFolder: io.env.BRIEFING_CACHE_DIR,
    });
  } catch (error) {
    if (error instanceof NotInRepositoryError) return usageError(io, error.message);
    if (error instanceof BrowserUnavailableError) {
      io.err(`briefing: check --a11y needs a browser: ${error.message}; ${installHint}\n`);
      return exitCodes.noBrowser;
    }
    throw error;
  }
  const { files, missing, errors, warnings } = result;
  if (format === 'json') io.out(`${JSON.stringify(files.map(asJson), null, 2)}\n`);
  else {
    io.err(formatDiagnostics(files, { errorsOnly: values.quiet ?? false }));
    io.err(`${closingCount(files.length, errors, warnings)}\n`);
  }
  for (const path of missing) io.err(`briefing: ${path}: no such Markdown file or folder\n`);
  // In GitHub Actions: the check's summary on the job's page.
  const summaryProblem = await appendStepSummary(io.env.GITHUB_STEP_SUMMARY, checkSummary(files));
  if (summaryProblem) io.err(`briefing: ${summaryProblem}\n`);
  if (errors > 0 || missing.length > 0) return exitCodes.failed;
  if (values.strict && warnings > 0) return exitCodes.failed;
  return exitCodes.ok;
}

const asJson = (file: VFile) => ({ path: file.path, messages: diagnosticsOf(file) });

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The line a reader looks for last: how many of each, and of how many briefings. */
const closingCount = (briefings: number, errors: number, warnings: number) =>
  `${errors === 0 && warnings === 0 ? '✓ ' : ''}${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(briefings, 'briefing')}`;
