// Two briefings with the same id are an error at both: the id names the memo in the book and
// in the build manifest. The one check that needs every briefing of a run at once, and the ids
// of the rest of the content folder.
import type { VFile } from 'vfile';
import type { Briefing } from '../types.js';
import { reportError, type Place } from './diagnostics.js';

/** A briefing as far as ids go: its file, and its id and where it is written, if it has one. */
export interface IdentifiedFile {
  file: VFile;
  id?: string;
  idPlace?: Place;
}

/**
 * `elsewhere` are briefings of the content folder outside the run (content-ids.ts), named by
 * the path the author sees: a briefing of the run that shares an id with one says so, and
 * they, not being checked, get no message of their own.
 */
export function reportDuplicateIdsOf(items: readonly IdentifiedFile[], elsewhere: readonly { id: string; shownPath: string }[] = []): void {
  const byId = new Map<string, IdentifiedFile[]>();
  for (const item of items) {
    if (item.id === undefined) continue;
    const list = byId.get(item.id) ?? [];
    list.push(item);
    byId.set(item.id, list);
  }
  const elsewhereById = new Map<string, string[]>();
  for (const other of elsewhere) elsewhereById.set(other.id, [...(elsewhereById.get(other.id) ?? []), other.shownPath]);
  for (const [id, sharing] of byId) {
    const outside = elsewhereById.get(id) ?? [];
    if (sharing.length + outside.length < 2) continue;
    for (const item of sharing) {
      const others = [...sharing.filter((other) => other !== item).map((other) => other.file.path), ...outside];
      reportError(item.file, `id "${id}" is also used by ${others.join(', ')}; give each briefing its own id`, item.idPlace, 'duplicate-id');
    }
  }
}

export const identified = (briefing: Briefing): IdentifiedFile => ({ file: briefing.file, id: briefing.frontmatter.id, idPlace: briefing.locate(['id']) });

export function reportDuplicateIds(loaded: readonly { briefing?: Briefing }[], elsewhere: readonly { id: string; shownPath: string }[] = []): void {
  reportDuplicateIdsOf(
    loaded.flatMap(({ briefing }) => (briefing ? [identified(briefing)] : [])),
    elsewhere,
  );
}
