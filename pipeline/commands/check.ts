// `briefing check`: every check of the source and transform stages and the memo lint rules,
// no browser. `--staged` checks what `git commit` is about to record (a pre-commit hook).
import { realpath } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { checkSources, reportDuplicateIds } from '../build/check-sources.js';
import { checkBriefing } from '../lint/check-briefing.js';
import { NotInRepositoryError, stagedSources } from '../lint/staged.js';
import { loadConfig } from '../source/config.js';
import { formatDiagnostics } from '../source/diagnostics.js';
import { loadBriefing, type LoadedBriefing } from '../source/load.js';
import { exitCodes, usageError, type Io } from './io.js';

export async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean' },
      staged: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') return usageError(io, `--format must be text or json, not "${values.format}"`);
  const config = loadConfig(io.cwd);
  const paths = positionals.length > 0 ? positionals : ['content'];

  let loaded: LoadedBriefing[];
  let missing: string[] = [];
  if (values.staged) {
    try {
      const cwd = await realpath(io.cwd);
      loaded = (await stagedSources(paths, cwd)).map((source) => loadBriefing(source, cwd, config.markings));
      reportDuplicateIds(loaded);
    } catch (error) {
      if (error instanceof NotInRepositoryError) return usageError(io, error.message);
      throw error;
    }
  } else {
    const checked = await checkSources(paths, io.cwd, config.markings);
    loaded = checked.loaded;
    missing = checked.discovery.missing;
  }
  for (const entry of loaded) await checkBriefing(entry, config, 'diagnostics');

  const files = loaded.map((entry) => entry.file);
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

const asJson = (file: VFile) => ({
  path: file.path,
  messages: file.messages.map((message) => ({
    line: message.line ?? null,
    column: message.column ?? null,
    severity: message.fatal ? 'error' : 'warning',
    message: message.reason,
    rule: message.ruleId ?? null,
  })),
});

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The line a reader looks for last: how many of each, and of how many briefings. */
const closingCount = (briefings: number, errors: number, warnings: number) =>
  `${errors === 0 && warnings === 0 ? '✓ ' : ''}${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(briefings, 'briefing')}`;
