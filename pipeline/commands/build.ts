// `briefing build`: check and print briefings to PDFs; progress, summary and exit code.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { removeTemporaryFiles } from '../build/atomic-write.js';
import { runBuild, type BuildEvent } from '../build/run.js';
import { loadConfig } from '../source/config.js';
import { exitCodes, seconds, type Io } from './io.js';

export async function build(args: string[], io: Io): Promise<number> {
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

