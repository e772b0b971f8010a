// The checks of the source stage over a whole run: each file on its own, then the ones that
// need them all (two briefings with one id).
import type { Briefing } from '../types.js';
import { reportError } from '../source/diagnostics.js';
import { discoverBriefings } from '../source/discover.js';
import { loadBriefing, readSource } from '../source/load.js';
import type { MarkingSystem } from '../source/markings.js';

/** Two briefings with the same id are an error at both: the id names the memo in the book. */
export function reportDuplicateIds(loaded: { briefing?: Briefing }[]): void {
  const byId = new Map<string, Briefing[]>();
  for (const { briefing } of loaded) {
    if (!briefing) continue;
    const list = byId.get(briefing.frontmatter.id) ?? [];
    list.push(briefing);
    byId.set(briefing.frontmatter.id, list);
  }
  for (const [id, briefings] of byId) {
    if (briefings.length < 2) continue;
    for (const briefing of briefings) {
      const others = briefings.filter((other) => other !== briefing).map((other) => other.file.path);
      reportError(briefing.file, `id "${id}" is also used by ${others.join(', ')}; give each briefing its own id`, briefing.locate(['id']), 'duplicate-id');
    }
  }
}

export async function checkSources(paths: string[], cwd: string, markings?: MarkingSystem) {
  const discovery = await discoverBriefings(paths, cwd);
  const loaded = await Promise.all(discovery.briefings.map(async (found) => ({ found, ...loadBriefing(await readSource(found), cwd, markings) })));
  reportDuplicateIds(loaded);
  return { discovery, loaded };
}

