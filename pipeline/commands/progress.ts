// How a build shows its progress: a bar with done/total, rate and ETA on a terminal; one plain
// line per briefing in CI or a pipe; nothing but problems with --quiet; nothing with --json.
import { SingleBar } from 'cli-progress';
import { shownPath } from '../paths.js';
import type { VFile } from 'vfile';
import type { BuildEvent } from '../build/run.js';
import { seconds, type Io } from './io.js';

export type ProgressStyle = 'bar' | 'lines' | 'quiet' | 'none';

export function progressStyle(options: { quiet?: boolean; json?: boolean; isTTY: boolean; ci: boolean }): ProgressStyle {
  if (options.json) return 'none';
  if (options.quiet) return 'quiet';
  return options.isTTY && !options.ci ? 'bar' : 'lines';
}

export function progressReporter(style: ProgressStyle, io: Io): { onEvent: (event: BuildEvent) => void; stop: () => Promise<void> } {
  let bar: SingleBar | undefined;
  // The diagnostics formatter is loaded on the first message only: a clean build never pays for it.
  let printing: Promise<void> = Promise.resolve();
  const report = (file: VFile) => {
    printing = printing.then(async () => {
      const { formatDiagnostics } = await import('../source/diagnostics.js');
      io.err(formatDiagnostics([file]));
    });
  };
  const shown = (file: string) => shownPath(file, io.cwd);
  const problems = (event: Extract<BuildEvent, { kind: 'briefing' }>) => {
    const { outcome } = event;
    if (outcome.status === 'failed') io.err(`failed  ${outcome.file.path}\n`);
    const worth = outcome.status === 'failed' || (style !== 'quiet' && outcome.file.messages.length > 0);
    if (worth && style !== 'none') report(outcome.file);
  };
  return {
    onEvent(event) {
      if (style === 'none') return;
      if (event.kind === 'start') {
        if (style === 'bar' && event.toPrint > 0) {
          bar = new SingleBar({ format: 'printing [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr });
          bar.start(event.total, 0, { rate: '0.0' });
        }
        return;
      }
      const { outcome } = event;
      if (bar) {
        bar.update(event.done, { rate: (event.done / Math.max(0.001, process.uptime())).toFixed(1) });
        if (outcome.status === 'failed' || outcome.status === 'removed') {
          bar.stop();
          problems(event);
          if (outcome.status === 'removed') io.out(`removed ${shown(outcome.output)} (its source is gone)\n`);
          bar.start(event.total, event.done);
        }
        return;
      }
      if (style === 'lines') {
        if (outcome.status === 'built') io.out(`built   ${outcome.file.path} → ${shown(outcome.output)}  (${outcome.pages} page${outcome.pages === 1 ? '' : 's'}, ${seconds(outcome.durationMs)})\n`);
        if (outcome.status === 'cached') io.out(`cached  ${outcome.file.path} → ${shown(outcome.output)}\n`);
      }
      if (outcome.status === 'removed') io.out(`removed ${shown(outcome.output)} (its source is gone)\n`);
      problems(event);
    },
    async stop() {
      bar?.stop();
      await printing;
    },
  };
}
