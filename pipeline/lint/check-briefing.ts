// Everything `check` (and the dev server) asks of one loaded briefing short of printing it:
// the transform stage's checks, then the memo lint rules. Never starts a browser.
import type { BriefingConfig } from '../source/config.js';
import { hasErrors } from '../source/diagnostics.js';
import type { LoadedBriefing } from '../source/load.js';
import { transformBody } from '../transform/processor.js';
import type { TransformedBody } from '../types.js';
import { linterFor } from './linter.js';

/** Adds the transform and lint messages to the briefing's vfile; returns the body when it transformed. */
export async function checkBriefing(loaded: LoadedBriefing, config: Pick<BriefingConfig, 'lint'>, mode: 'html' | 'diagnostics' = 'html'): Promise<TransformedBody | undefined> {
  const { briefing } = loaded;
  if (!briefing) return undefined;
  const linter = await linterFor(config);
  if (hasErrors(loaded.file)) {
    linter.lint(briefing);
    return undefined;
  }
  return transformBody(briefing, (tree) => linter.lint(briefing, tree), mode);
}
