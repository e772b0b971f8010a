// `briefing check`: every check of the source and transform stages and the memo lint rules,
// no browser. `--staged` checks what `git commit` is about to record (a pre-commit hook).
// `--a11y` adds the accessibility audit, which does need a browser: axe-core over the memo's
// HTML and the PDF/UA checker over its PDF (run/audit-briefings.ts).
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { reportRecordedLengths } from '../run/memo-length.js';
import { CheckCache, defaultCheckCacheFolder } from '../lint/check-cache.js';
import { BrowserUnavailableError, installHint } from '../print/browser.js';
import { checkSourceFiles } from '../lint/check-run.js';
import { NotInRepositoryError, stagedSources } from '../lint/staged.js';
import { loadConfig } from '../source/config.js';
import { diagnosticsOf, formatDiagnostics } from '../source/diagnostics.js';
import { discoverBriefings } from '../source/discover.js';
import type { SourceFile } from '../types.js';
import { exitCodes, usageError, type Io } from './io.js';

export async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean' },
      staged: { type: 'boolean' },
      a11y: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      // Where `build` writes: the page counts it recorded there are judged by memo-length.
      out: { type: 'string', short: 'o' },
      // What was checked before is kept in node_modules/.cache/briefing (or $BRIEFING_CACHE_DIR).
      cache: { type: 'boolean', default: true },
    },
    allowNegative: true,
  });
  if (values.format !== 'text' && values.format !== 'json') return usageError(io, `--format must be text or json, not "${values.format}"`);
  const config = loadConfig(io.cwd);
  const paths = positionals.length > 0 ? positionals : ['content'];

  let sources: SourceFile[];
  let missing: string[] = [];
  const cwd = await realpath(io.cwd);
  if (values.staged) {
    try {
      sources = await stagedSources(paths, cwd);
    } catch (error) {
      if (error instanceof NotInRepositoryError) return usageError(io, error.message);
      throw error;
    }
  } else {
    const discovery = await discoverBriefings(paths, io.cwd);
    sources = await Promise.all(discovery.briefings.map(async (found) => ({ ...found, bytes: await readFile(found.path) })));
    missing = discovery.missing;
  }
  // Paths are shown relative to the folder the sources were found from (git's, for --staged).
  const shownFrom = values.staged ? cwd : io.cwd;
  const cache = values.cache ? await CheckCache.open(defaultCheckCacheFolder(cwd), config, shownFrom, 'check') : undefined;
  const files = (await checkSourceFiles(sources, shownFrom, config, cache)).map((checked) => checked.file);
  // How long a memo runs is known only from a print: the last build's, if its source is unchanged.
  const outDir = path.resolve(io.cwd, values.out ?? 'output');
  await reportRecordedLengths(sources, files, outDir, `${path.relative(io.cwd, outDir) || '.'}/`, config.lint);
  if (values.a11y) {
    const { auditBriefings } = await import('../run/audit-briefings.js');
    try {
      await auditBriefings(
        sources.map((source, index) => ({ source, file: files[index]! })),
        shownFrom,
        config,
      );
    } catch (error) {
      if (error instanceof BrowserUnavailableError) {
        io.err(`briefing: check --a11y needs a browser: ${error.message}; ${installHint}\n`);
        return exitCodes.noBrowser;
      }
      throw error;
    }
  }

  const messages = files.flatMap((file) => file.messages);
  const errors = messages.filter((message) => message.fatal === true).length;
  const warnings = messages.length - errors;
  if (values.format === 'json') io.out(`${JSON.stringify(files.map(asJson), null, 2)}\n`);
  else {
    io.err(formatDiagnostics(files, { errorsOnly: values.quiet ?? false }));
    io.err(`${closingCount(files.length, errors, warnings)}\n`);
  }
  for (const path of missing) io.err(`briefing: ${path}: no such Markdown file or folder\n`);
  if (errors > 0 || missing.length > 0) return exitCodes.failed;
  if (values.strict && warnings > 0) return exitCodes.failed;
  return exitCodes.ok;
}

const asJson = (file: VFile) => ({ path: file.path, messages: diagnosticsOf(file) });

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The line a reader looks for last: how many of each, and of how many briefings. */
const closingCount = (briefings: number, errors: number, warnings: number) =>
  `${errors === 0 && warnings === 0 ? '✓ ' : ''}${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(briefings, 'briefing')}`;
