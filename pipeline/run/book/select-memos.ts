// Which briefings go into a week's book, which are left out and which stop it.
//
// - A memo dated in the week is bound, unless its status is one the book leaves out: `draft`
//   always, `in-clearance` unless the config binds it (`book.include_in_clearance`); with
//   `--include-drafts` every status is bound. A memo left out is named on stderr, errors or not.
// - A memo dated in the week that has errors stops the book: it belongs there.
// - A briefing with errors whose date can still be read (the YAML parses, `date` is a date) is
//   judged by that date: dated outside the week, it never stops the week's book.
// - A briefing whose date cannot be read at all might belong to the week. Binding the book
//   without it would hand out a week's book with a memo silently missing, so it stops the book —
//   unless its own folder is named for another week (content/2024-w30/), the samples' naming,
//   which says where it belongs as plainly as a date would.
import path from 'node:path';
import type { VFile } from 'vfile';
import { hasErrors } from '../../source/diagnostics.js';
import type { LoadedBriefing } from '../../source/load.js';
import { isValidIsoDate, type MemoStatus } from '../../source/schema.js';
import type { Briefing } from '../../types.js';
import { inRange, overlaps, weekOfFolder, type DateRange } from './week.js';

export interface LeftOut {
  file: VFile;
  id?: string;
  status: MemoStatus;
}

export interface UnreadableElsewhere {
  file: VFile;
  /** Why it is not the week's: "dated 2024-08-12" or "in the folder 2024-w30". */
  because: string;
}

export interface BookSelection {
  /** Valid memos of the week, to bind (their body may still turn out to have errors). */
  bound: Briefing[];
  /** Briefings that stop the book: of the week (or maybe of it) and with errors. */
  blocking: VFile[];
  /** Of those, the ones that stop it only because their date cannot be read. */
  undated: VFile[];
  leftOut: LeftOut[];
  /** Briefings with errors that are not the week's: they do not stop it. */
  elsewhere: UnreadableElsewhere[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What can be told of a briefing's date and status, valid or not. */
function dateAndStatus(entry: LoadedBriefing): { date?: string; status?: string; id?: string } {
  if (entry.briefing) return { date: entry.briefing.frontmatter.date, status: entry.briefing.frontmatter.status, id: entry.briefing.frontmatter.id };
  const data = isRecord(entry.data) ? entry.data : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const date = text(data.date);
  return { date: date && isValidIsoDate(date) ? date : undefined, status: text(data.status), id: text(data.id) };
}

/** The week a file's folders are named for, nearest first (content/2024-w30/x.md → 2024-W30). */
function folderWeek(entry: LoadedBriefing): DateRange | undefined {
  const relative = entry.source?.relative;
  if (!relative || !entry.source) return undefined;
  const folders = path.dirname(entry.source.path).split(path.sep).reverse();
  for (const folder of folders) {
    const week = weekOfFolder(folder);
    if (week) return week;
  }
  return undefined;
}

export function selectBookMemos(loaded: readonly LoadedBriefing[], range: DateRange, leaveOut: ReadonlySet<string>): BookSelection {
  const selection: BookSelection = { bound: [], blocking: [], undated: [], leftOut: [], elsewhere: [] };
  for (const entry of loaded) {
    const { date, status, id } = dateAndStatus(entry);
    const left = status !== undefined && leaveOut.has(status);
    if (date !== undefined && !inRange(date, range)) {
      if (hasErrors(entry.file)) selection.elsewhere.push({ file: entry.file, because: `dated ${date}` });
      continue;
    }
    if (left) {
      selection.leftOut.push({ file: entry.file, id, status: status as MemoStatus });
      continue;
    }
    if (date === undefined) {
      const week = folderWeek(entry);
      if (week && !overlaps(week, range)) {
        selection.elsewhere.push({ file: entry.file, because: `in the folder of ${week.label}` });
        continue;
      }
      selection.blocking.push(entry.file);
      selection.undated.push(entry.file);
      continue;
    }
    if (entry.briefing && !hasErrors(entry.file)) selection.bound.push(entry.briefing);
    else selection.blocking.push(entry.file);
  }
  return selection;
}
