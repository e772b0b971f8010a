// `briefing check`: every check of the source and transform stages, no browser.
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { checkSources } from '../build/run.js';
import { loadConfig } from '../source/config.js';
import { hasErrors } from '../source/diagnostics.js';
import { transformBody } from '../transform/processor.js';
import { exitCodes, usageError, type Io } from './io.js';

export async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, strict: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
  });
  if (values.format !== 'text' && values.format !== 'json') return usageError(io, `--format must be text or json, not "${values.format}"`);
  const config = loadConfig(io.cwd);
  const paths = positionals.length > 0 ? positionals : ['content'];
  const { discovery, loaded } = await checkSources(paths, io.cwd, config.markings);
  for (const entry of loaded) {
    if (entry.briefing && !hasErrors(entry.file)) transformBody(entry.briefing);
  }
  const files = loaded.map((entry) => entry.file);
  const errors = files.flatMap((file) => file.messages).filter((message) => message.fatal === true).length;
  const warnings = files.flatMap((file) => file.messages).filter((message) => message.fatal !== true).length;
  if (values.format === 'json') {
    io.out(
      `${JSON.stringify(
        files.map((file) => ({
          path: file.path,
          messages: file.messages.map((message) => ({
            line: message.line ?? null,
            column: message.column ?? null,
            severity: message.fatal ? 'error' : 'warning',
            message: message.reason,
            rule: message.ruleId ?? null,
          })),
        })),
        null,
        2,
      )}\n`,
    );
  } else {
    const report = reporter(files, { quiet: values.quiet ?? false });
    if (report) io.err(`${report}\n`);
  }
  for (const missing of discovery.missing) io.err(`briefing: ${missing}: no such Markdown file or folder\n`);
  if (errors > 0 || discovery.missing.length > 0) return exitCodes.failed;
  if (values.strict && warnings > 0) return exitCodes.failed;
  return exitCodes.ok;
}

