// `briefing build`: flags, progress, summary line, report file and exit code.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OutputWriteError, removeTemporaryFiles } from '../run/atomic-write.js';
import { runReport, writeRunReport } from '../run/report.js';
import { runBuild } from '../run/build-run.js';
import { appendStepSummary, buildSummary } from '../run/step-summary.js';
import type { OutputFormat } from '../run/print-briefing.js';
import { parseShard } from '../run/select.js';
import { toolVersion } from '../project.js';
import { loadConfig } from '../source/config.js';
import { exitCodes, seconds, usageError, type Io } from './io.js';
import { progressReporter, progressStyle } from './progress.js';

export const buildOptions = {
  out: { type: 'string', short: 'o' },
  stamp: { type: 'boolean' },
  force: { type: 'boolean' },
  shard: { type: 'string' },
  'changed-since': { type: 'string' },
  report: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  json: { type: 'boolean' },
  'browser-ws-endpoint': { type: 'string' },
  format: { type: 'string' },
  'output-format': { type: 'string' },
  config: { type: 'string' },
} as const;

export async function build(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: buildOptions });
  const switches = buildSwitches(values.format, values['output-format'], values.json);
  if ('error' in switches) return usageError(io, switches.error);
  if (switches.note) io.err(`briefing: ${switches.note}\n`);
  const formats = parseFormats(switches.outputFormat, switches.outputFlag);
  if ('error' in formats) return usageError(io, formats.error);
  const json = switches.reportFormat === 'json';
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && 'error' in shard) return usageError(io, shard.error);
  const config = loadConfig(io.cwd, { configPath: values.config });
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
    setTimeout(() => {
      void removeTemporaryFiles().finally(() => process.exit(signal === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated));
    }, 5000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const style = progressStyle({ quiet: values.quiet, json, isTTY: Boolean(process.stderr.isTTY), ci: Boolean(io.env.CI) });
  const progress = progressReporter(style, io);
  try {
    const result = await runBuild({
      paths,
      outDir,
      config,
      cwd: io.cwd,
      stamp: values.stamp,
      force: values.force,
      shard,
      changedSince: values['changed-since'],
      browserWsEndpoint: values['browser-ws-endpoint'] ?? io.env.BRIEFING_BROWSER_WS,
      sourceDateEpoch: io.env.SOURCE_DATE_EPOCH,
      cacheFolder: io.env.BRIEFING_CACHE_DIR,
      formats: formats.formats,
      onEvent: progress.onEvent,
      signal: controller.signal,
    });
    await progress.stop();
    if (interruptedBy) {
      await removeTemporaryFiles();
      return interruptedBy === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated;
    }
    if (result.usageProblem) return usageError(io, result.usageProblem);
    for (const missing of result.missing) io.err(`briefing: ${missing}: no such Markdown file or folder\n`);
    for (const link of result.skippedLinks) io.err(`briefing: ${link}: a link that leads outside the content folder; not followed\n`);
    const report = runReport(result, `briefing ${toolVersion}`, io.cwd);
    if (values.report) await writeRunReport(path.resolve(io.cwd, values.report), report);
    // In GitHub Actions: the run's summary on the job's page.
    const summaryProblem = await appendStepSummary(io.env.GITHUB_STEP_SUMMARY, buildSummary(report));
    if (summaryProblem) io.err(`briefing: ${summaryProblem}\n`);
    const { built, cached, failed, removed } = report.summary;
    if (json) {
      io.out(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const extra = [cached ? `cached ${cached}` : '', removed ? `removed ${removed}` : ''].filter(Boolean);
      io.out(`built ${built}, ${extra.map((part) => `${part}, `).join('')}failed ${failed}, in ${seconds(result.durationMs)}\n`);
      if (result.outcomes.length === 0 && result.missing.length === 0) io.err(`briefing: no Markdown briefings found in ${paths.join(', ')}\n`);
    }
    return failed > 0 || result.missing.length > 0 ? exitCodes.failed : exitCodes.ok;
  } catch (error) {
    // An output folder that takes no file: one sentence, not a stack trace.
    if (error instanceof OutputWriteError) {
      io.err(`briefing: ${error.message}\n`);
      return exitCodes.failed;
    }
    throw error;
  } finally {
    await progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const knownFormats: readonly OutputFormat[] = ['pdf', 'docx'];
const reportFormats = ['text', 'json'] as const;

interface BuildSwitches {
  reportFormat: (typeof reportFormats)[number];
  outputFormat?: string;
  /** The flag the output formats came from, named in a usage error. */
  outputFlag: string;
  /** Said on stderr: build's --format once named the files to write. */
  note?: string;
}

/**
 * `--format text|json` is how every command reports (check's meaning, and one switch for
 * scripts); what build writes is `--output-format`. Build's --format named the files once, so
 * `--format docx` still means `--output-format docx`, with a note, rather than breaking a script.
 */
export function buildSwitches(format: string | undefined, outputFormat: string | undefined, json: boolean | undefined): BuildSwitches | { error: string } {
  const reportFormat = json ? 'json' : 'text';
  if (format === undefined) return { reportFormat, outputFormat, outputFlag: '--output-format' };
  if ((reportFormats as readonly string[]).includes(format)) {
    if (json && format !== 'json') return { error: `--json and --format ${format} disagree; give one of them` };
    return { reportFormat: format as BuildSwitches['reportFormat'], outputFormat, outputFlag: '--output-format' };
  }
  if (outputFormat !== undefined) return { error: `--format ${format} and --output-format ${outputFormat}: name the files to write with --output-format alone; --format is text or json` };
  return {
    reportFormat,
    outputFormat: format,
    outputFlag: '--format',
    note: `--format ${format} names what build writes, which is now --output-format ${format}; --format is how the run is reported (text or json). This still works, but change the command`,
  };
}

/** `--output-format pdf`, `docx` or `pdf,docx` (default pdf): what each briefing becomes. */
export function parseFormats(value: string | undefined, flag = '--output-format'): { formats: OutputFormat[] } | { error: string } {
  if (value === undefined) return { formats: ['pdf'] };
  const formats: OutputFormat[] = [];
  for (const name of value.split(',').map((part) => part.trim().toLowerCase())) {
    if (!knownFormats.includes(name as OutputFormat)) return { error: `${flag} ${value}: "${name}" is not a format build writes; use pdf, docx or pdf,docx` };
    if (!formats.includes(name as OutputFormat)) formats.push(name as OutputFormat);
  }
  return { formats };
}
