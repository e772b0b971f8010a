// `--report FILE.json`: a manifest of the run for CI and other tools — each briefing's source,
// output, sha256, pages, status, duration and diagnostics.
import { shownPath } from '../paths.js';
import { diagnosticsOf, type Diagnostic } from '../source/diagnostics.js';
import { writeFileAtomically } from './atomic-write.js';
import type { BuildResult } from './build-run.js';

export interface RunReport {
  tool: string;
  durationMs: number;
  browser?: string;
  /** Starting and closing the browser, apart from the briefings' own durations. */
  browserStartMs?: number;
  browserCloseMs?: number;
  /** How long rendered memos waited for the browser to start (it starts while they render). */
  browserWaitMs?: number;
  summary: Record<'built' | 'cached' | 'failed' | 'removed', number>;
  briefings: {
    source: string;
    output: string;
    id?: string;
    status: string;
    sha256?: string;
    pages?: number;
    durationMs: number;
    /** Of durationMs, the print itself: the browser's print, the post-pass and the write. */
    printMs?: number;
    diagnostics: Diagnostic[];
  }[];
}

export function runReport(result: BuildResult, tool: string, cwd: string): RunReport {
  const shown = (file: string) => shownPath(file, cwd);
  const summary = { built: 0, cached: 0, failed: 0, removed: 0 };
  for (const outcome of result.outcomes) summary[outcome.status] += 1;
  return {
    tool,
    durationMs: result.durationMs,
    browser: result.browserVersion,
    browserStartMs: result.browserStartMs,
    browserCloseMs: result.browserCloseMs,
    browserWaitMs: result.browserWaitMs,
    summary,
    briefings: [...result.outcomes]
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
      .map((outcome) => ({
        source: shown(outcome.source),
        output: shown(outcome.output),
        id: outcome.id,
        status: outcome.status,
        sha256: outcome.sha256,
        pages: outcome.pages,
        durationMs: outcome.durationMs,
        printMs: outcome.printMs,
        diagnostics: diagnosticsOf(outcome.file),
      })),
  };
}

export async function writeRunReport(file: string, report: RunReport): Promise<void> {
  await writeFileAtomically(file, new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
}
