// Parse only what must be printed; a cached briefing keeps its id in the manifest. A cached
// briefing that shares an id with another (of the run, or of the content folder) is parsed
// again, so the error shows at its id. The parser is loaded only when something is parsed: a
// build where nothing changed never loads it.
import { CheckCache, defaultCheckCacheFolder } from '../lint/check-cache.js';
import type { BriefingConfig } from '../source/config.js';
import { idsElsewhere } from '../source/content-ids.js';
import { reportDuplicateIds } from '../source/duplicate-ids.js';
import type { Candidate } from './plan-outputs.js';

export async function loadForPrinting(candidates: Candidate[], settings: { cwd: string; config: BriefingConfig; cacheFolder?: string }): Promise<void> {
  let loadBriefing: typeof import('../source/load.js').loadBriefing | undefined;
  const load = async (candidate: Candidate) => {
    loadBriefing ??= (await import('../source/load.js')).loadBriefing;
    candidate.loaded = loadBriefing(candidate.source, settings.cwd, settings.config.markings, settings.config.houses);
  };
  const idCount = new Map<string, number>();
  const count = (id: string) => idCount.set(id, (idCount.get(id) ?? 0) + 1);
  for (const candidate of candidates) if (candidate.cached) count(candidate.cached.id);
  for (const candidate of candidates) {
    if (candidate.cached) continue;
    await load(candidate);
    const id = candidate.loaded?.briefing?.frontmatter.id;
    if (id) count(id);
  }
  // The content folder's other briefings (another file of the folder named alone, another
  // shard): their ids come from the check cache or their frontmatter, never from their bodies.
  let idStore: CheckCache | undefined;
  const elsewhere = await idsElsewhere(
    candidates.map((candidate) => candidate.found),
    settings.cwd,
    async () => (idStore = await CheckCache.openIds(defaultCheckCacheFolder(settings.cwd, settings.cacheFolder))),
  );
  await idStore?.save();
  for (const other of elsewhere) count(other.id);
  for (const candidate of candidates) {
    if (candidate.cached && (idCount.get(candidate.cached.id) ?? 0) > 1) {
      candidate.cached = undefined;
      for (const planned of candidate.outputs) planned.cached = undefined;
      await load(candidate);
    }
  }
  reportDuplicateIds(
    candidates.map((candidate) => candidate.loaded ?? {}),
    elsewhere,
  );
}
