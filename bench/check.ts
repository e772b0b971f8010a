// `briefing check`'s work on 100 memos, in-process and after start-up: how long discovery,
// the source checks, the transform and the memo lint take, split by stage. Run it with
// `node dist/bench/check.js` after `npm run build` (the whole-process view is in run.ts).
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { checkSources } from '../pipeline/run/check-sources.js';
import { createLinter } from '../pipeline/lint/linter.js';
import { loadConfig } from '../pipeline/source/config.js';
import { hasErrors } from '../pipeline/source/diagnostics.js';
import { transformBody } from '../pipeline/transform/processor.js';
import { writeCorpus } from './corpus.js';

export interface CheckTiming {
  memos: number;
  sourceMs: number;
  transformMs: number;
  lintMs: number;
  totalMs: number;
  messages: number;
}

export async function timeCheck(count = 100): Promise<CheckTiming> {
  const corpus = writeCorpus(count);
  try {
    const config = loadConfig(corpus.folder);
    const linter = await createLinter(config.lint);
    // One memo first, so module loading and JIT warm-up count as start-up, not as work.
    const warm = await checkSources([corpus.files[0]!], corpus.folder, config.markings);
    for (const entry of warm.loaded) if (entry.briefing) (transformBody(entry.briefing), linter.lint(entry.briefing));

    const started = performance.now();
    const { loaded } = await checkSources([corpus.folder], corpus.folder, config.markings);
    const sourced = performance.now();
    let transformMs = 0;
    let lintMs = 0;
    // As `check` does it: one parse per body, read by the lint rules, then the Markdown plugins.
    for (const entry of loaded) {
      if (!entry.briefing) continue;
      const before = performance.now();
      let lintTook = 0;
      const lint = (tree: Parameters<typeof linter.lint>[1]) => {
        const lintStarted = performance.now();
        linter.lint(entry.briefing!, tree);
        lintTook = performance.now() - lintStarted;
      };
      if (hasErrors(entry.file)) lint(undefined);
      else transformBody(entry.briefing, lint, 'diagnostics');
      lintMs += lintTook;
      transformMs += performance.now() - before - lintTook;
    }
    const finished = performance.now();
    return {
      memos: loaded.length,
      sourceMs: sourced - started,
      transformMs,
      lintMs,
      totalMs: finished - started,
      messages: loaded.reduce((sum, entry) => sum + entry.file.messages.length, 0),
    };
  } finally {
    rmSync(corpus.folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const timing = await timeCheck(Number(process.argv[2] ?? 100));
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `check, ${timing.memos} memos after start-up: ${ms(timing.totalMs)} ` +
      `(source ${ms(timing.sourceMs)}, transform ${ms(timing.transformMs)}, lint ${ms(timing.lintMs)}; ${timing.messages} messages)`,
  );
}
