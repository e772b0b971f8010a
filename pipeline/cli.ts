// The `briefing` command: flags, exit codes and terminal output. It only calls the build.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { removeTemporaryFiles } from './build/atomic-write.js';
import { checkSources, runBuild, type BuildEvent } from './build/run.js';
import { BrowserUnavailableError } from './print/browser.js';
import { toolVersion } from './project.js';
import { ConfigError, loadConfig } from './source/config.js';
import { frontmatterJsonSchema } from './source/json-schema.js';
import { hasErrors } from './source/diagnostics.js';
import { transformBody } from './transform/processor.js';

export const exitCodes = { ok: 0, failed: 1, usage: 2, noBrowser: 3, interrupted: 130, terminated: 143 } as const;

const help = `briefing ${toolVersion}: policy briefings in Markdown → marked, tagged PDF memos

Usage:
  briefing build [PATH...] [--out DIR] [--stamp] [--browser-ws-endpoint URL]
  briefing check [PATH...] [--format text|json] [--strict]
  briefing schema
  briefing --help | --version

Commands:
  build    Check and print each briefing to a PDF. PATH is a Markdown file or a folder
           (default: content/); ROOT/a/b.md becomes OUT/a/b.pdf (default OUT: output/).
  check    Every check of the build without starting a browser.
  schema   Print the frontmatter's JSON Schema (for the YAML language server).

Options:
  -o, --out DIR                 Where PDFs go (default: output/)
      --stamp                   Print "id · commit · built date" in each page's footer
      --browser-ws-endpoint URL Print through a running browser (or BRIEFING_BROWSER_WS)
      --format text|json        Output format of check (default: text)
      --strict                  check: warnings fail too
  -q, --quiet                   Only problems and the summary line
  -h, --help                    This help
  -v, --version                 The version

Exit codes: 0 all built, 1 a briefing failed (the others were still built),
2 usage error, 3 no usable browser, 130/143 interrupted.
`;

type Write = (text: string) => void;

interface Io {
  out: Write;
  err: Write;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function usageError(io: Io, message: string): number {
  io.err(`briefing: ${message}\nRun \`briefing --help\` for usage.\n`);
  return exitCodes.usage;
}

async function build(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      stamp: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'browser-ws-endpoint': { type: 'string' },
    },
  });
  const config = loadConfig(io.cwd);
  const outDir = path.resolve(io.cwd, values.out ?? 'output');
  const paths = positionals.length > 0 ? positionals : ['content'];
  const controller = new AbortController();
  let interruptedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedBy) return;
    interruptedBy = signal;
    io.err(`\nbriefing: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; stopping the browser and removing partial files\n`);
    controller.abort();
    // Whatever happens, do not hang: leave within a few seconds.
    setTimeout(() => process.exit(signal === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated), 5000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const onEvent = (event: BuildEvent) => {
    if (event.kind !== 'briefing') return;
    const { outcome } = event;
    const shown = path.relative(io.cwd, outcome.output) || outcome.output;
    if (outcome.status === 'built' && !values.quiet) {
      io.out(`built   ${outcome.file.path} → ${shown}  (${outcome.pages} page${outcome.pages === 1 ? '' : 's'}, ${seconds(outcome.durationMs)})\n`);
    } else if (outcome.status === 'failed') {
      io.err(`failed  ${outcome.file.path}\n`);
    }
    if (outcome.file.messages.length > 0 && (outcome.status === 'failed' || !values.quiet)) {
      io.err(`${reporter([outcome.file], { quiet: false })}\n`);
    }
  };

  try {
    const result = await runBuild({
      paths,
      outDir,
      config,
      cwd: io.cwd,
      stamp: values.stamp,
      browserWsEndpoint: values['browser-ws-endpoint'] ?? io.env.BRIEFING_BROWSER_WS,
      onEvent,
      signal: controller.signal,
    });
    if (interruptedBy) {
      await removeTemporaryFiles();
      return interruptedBy === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated;
    }
    for (const missing of result.missing) io.err(`briefing: ${missing}: no such Markdown file or folder\n`);
    for (const link of result.skippedLinks) io.err(`briefing: ${link}: a link that leads outside the content folder; not followed\n`);
    const built = result.outcomes.filter((outcome) => outcome.status === 'built').length;
    const failed = result.outcomes.filter((outcome) => outcome.status === 'failed').length;
    io.out(`built ${built}, failed ${failed}, in ${seconds(result.durationMs)}\n`);
    if (result.outcomes.length === 0 && result.missing.length === 0) io.err(`briefing: no Markdown briefings found in ${paths.join(', ')}\n`);
    return failed > 0 || result.missing.length > 0 ? exitCodes.failed : exitCodes.ok;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function check(args: string[], io: Io): Promise<number> {
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

export async function main(argv: string[], io: Io = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), cwd: process.cwd(), env: process.env }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(help);
      return command === undefined ? exitCodes.usage : exitCodes.ok;
    }
    if (command === '-v' || command === '--version') {
      io.out(`${toolVersion}\n`);
      return exitCodes.ok;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(help);
      return exitCodes.ok;
    }
    switch (command) {
      case 'build':
        return await build(rest, io);
      case 'check':
        return await check(rest, io);
      case 'schema':
        io.out(`${JSON.stringify(frontmatterJsonSchema(), null, 2)}\n`);
        return exitCodes.ok;
      default:
        return usageError(io, `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof BrowserUnavailableError) {
      io.err(`briefing: ${error.message}\n`);
      return exitCodes.noBrowser;
    }
    if (error instanceof ConfigError) return usageError(io, error.message);
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return usageError(io, error.message);
    throw error;
  }
}
