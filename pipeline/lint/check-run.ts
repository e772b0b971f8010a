// `check` over a list of sources: each briefing's own checks come from the check cache when
// nothing they depend on changed, and are run (source stage, transform, memo lint) otherwise;
// then the one check that needs them all, duplicate ids, against the ids of the whole content
// folder (content-ids.ts; those of unchanged files come from the cache). The parser and validator
// are loaded only when some briefing needs them, so a check where nothing changed is reads and hashes.
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import type { BriefingConfig } from '../source/config.js';
import { briefingFile, replayMessages } from '../source/diagnostics.js';
import { idsElsewhere } from '../source/content-ids.js';
import { reportDuplicateIdsOf, type IdentifiedFile } from '../source/duplicate-ids.js';
import type { SourceFile } from '../types.js';
import type { CheckCache } from './check-cache.js';

export interface CheckedSource {
  file: VFile;
  /** Whether the messages came from the cache. */
  cached: boolean;
}

export async function checkSourceFiles(sources: readonly SourceFile[], cwd: string, config: BriefingConfig, cache?: CheckCache): Promise<CheckedSource[]> {
  const hashes = sources.map((source) => createHash('sha256').update(source.bytes).digest('hex'));
  const hits = await Promise.all(sources.map((source, index) => cache?.lookup(source.path, hashes[index]!)));

  let stages: [typeof import('../source/load.js'), typeof import('./check-briefing.js')] | undefined;
  const checked: (IdentifiedFile & CheckedSource)[] = [];
  for (const [index, source] of sources.entries()) {
    const hit = hits[index];
    if (hit) {
      const file = briefingFile(source.path, cwd);
      replayMessages(hit.messages, file);
      checked.push({ file, id: hit.id, idPlace: hit.idPlace, cached: true });
      continue;
    }
    stages ??= await Promise.all([import('../source/load.js'), import('./check-briefing.js')]);
    const [{ loadBriefing }, { checkBriefing }] = stages;
    const loaded = loadBriefing(source, cwd, config.markings, config.houses);
    await checkBriefing(loaded, config, 'diagnostics');
    const { briefing } = loaded;
    const id = briefing ? { id: briefing.frontmatter.id, place: briefing.locate(['id']) } : undefined;
    await cache?.store(source.path, hashes[index]!, loaded.file, id);
    // The text is not needed past this point; a large run keeps only the messages.
    loaded.file.value = '';
    checked.push({ file: loaded.file, id: id?.id, idPlace: id?.place, cached: false });
  }
  reportDuplicateIdsOf(checked, await idsElsewhere(sources, cwd, cache && (async () => cache)));
  await cache?.save();
  return checked.map(({ file, cached }) => ({ file, cached }));
}
