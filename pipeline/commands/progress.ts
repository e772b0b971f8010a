// How a build shows its progress: a bar with done/total, rate and ETA on a terminal; one plain
// line per briefing in CI or a pipe; nothing but problems with --quiet; nothing with --json.
import { SingleBar } from 'cli-progress';
import { shownPath } from '../paths.js';
import type { VFile } from 'vfile';
import type { BuildEvent } from '../run/build-run.js';
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
  // A briefing built to a PDF and a .docx has two outcomes and one list of problems: say it once.
  const told = new WeakMap<VFile, { messages: number; failed: boolean }>();
  const problems = (event: Extract<BuildEvent, { kind: 'briefing' }>) => {
    const { outcome } = event;
    const before = told.get(outcome.file) ?? { messages: 0, failed: false };
    const failed = outcome.status === 'failed';
    if (before.messages === outcome.file.messages.length && (!failed || before.failed)) return;
    if (failed && !before.failed) io.err(`failed  ${outcome.file.path}\n`);
    const worth = failed || (style !== 'quiet' && outcome.file.messages.length > 0);
    if (worth && style !== 'none' && outcome.file.messages.length > before.messages) report(outcome.file);
    if (worth) told.set(outcome.file, { messages: outcome.file.messages.length, failed: failed || before.failed });
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
        // A .docx has no pages until a word processor lays it out.
        const pages = outcome.pages === undefined ? '' : `${outcome.pages} page${outcome.pages === 1 ? '' : 's'}, `;
        if (outcome.status === 'built') io.out(`built   ${outcome.file.path} → ${shown(outcome.output)}  (${pages}${seconds(outcome.durationMs)})\n`);
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
