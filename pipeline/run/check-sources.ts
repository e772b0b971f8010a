// The checks of the source stage over a whole run: each file on its own, then the ones that
// need them all (two briefings with one id, also against the rest of the content folder).
import { idsElsewhere } from '../source/content-ids.js';
import { reportDuplicateIds } from '../source/duplicate-ids.js';
import { discoverBriefings } from '../source/discover.js';
import { loadBriefing, readSource } from '../source/load.js';
import type { MarkingSystem } from '../source/markings.js';

export async function checkSources(paths: string[], cwd: string, markings?: MarkingSystem, houses?: readonly string[]) {
  const discovery = await discoverBriefings(paths, cwd);
  const loaded = await Promise.all(discovery.briefings.map(async (found) => ({ found, ...loadBriefing(await readSource(found), cwd, markings, houses) })));
  reportDuplicateIds(loaded, await idsElsewhere(discovery.briefings, cwd));
  return { discovery, loaded };
}

