// Two briefings with the same id are an error at both: the id names the memo in the book and
// in the build manifest. The one check that needs every briefing of a run at once.
import type { VFile } from 'vfile';
import type { Briefing } from '../types.js';
import { reportError, type Place } from './diagnostics.js';

/** A briefing as far as ids go: its file, and its id and where it is written, if it has one. */
export interface IdentifiedFile {
  file: VFile;
  id?: string;
  idPlace?: Place;
}

export function reportDuplicateIdsOf(items: readonly IdentifiedFile[]): void {
  const byId = new Map<string, IdentifiedFile[]>();
  for (const item of items) {
    if (item.id === undefined) continue;
    const list = byId.get(item.id) ?? [];
    list.push(item);
    byId.set(item.id, list);
  }
  for (const [id, sharing] of byId) {
    if (sharing.length < 2) continue;
    for (const item of sharing) {
      const others = sharing.filter((other) => other !== item).map((other) => other.file.path);
      reportError(item.file, `id "${id}" is also used by ${others.join(', ')}; give each briefing its own id`, item.idPlace, 'duplicate-id');
    }
  }
}

export const identified = (briefing: Briefing): IdentifiedFile => ({ file: briefing.file, id: briefing.frontmatter.id, idPlace: briefing.locate(['id']) });

export function reportDuplicateIds(loaded: readonly { briefing?: Briefing }[]): void {
  reportDuplicateIdsOf(loaded.flatMap(({ briefing }) => (briefing ? [identified(briefing)] : [])));
}
