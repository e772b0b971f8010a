// What a redline says above the memo, decided here and handed to partials/redline-summary.hbs:
// since which commit, how to read the marks, and what changed in the frontmatter that prints
// (title, marking, bottom line, recommendations, key points), each change as words inserted
// and deleted. The running header of every later page says the same in two lines.
import type { ChangeLedger } from '../change-marks.js';
import { bannerText } from '../source/banner.js';
import { parseBanner, type MarkingSystem } from '../source/markings.js';
import type { Frontmatter } from '../source/schema.js';
import { changeHtml } from '../transform/redline/change-elements.js';
import { stretches, wordTokens } from '../transform/redline/plan.js';
import { typographicText } from '../transform/plugins/remark-typography.js';
import { formatMemoDate } from './dates.js';

export interface RedlineSince {
  /** Abbreviated commit, e.g. 3f2a9c1. */
  shortCommit: string;
  /** The commit's date, YYYY-MM-DD. */
  date: string;
  /** The file did not exist at that commit: every word is inserted. */
  isNew: boolean;
}

export interface RedlineView {
  /** `REDLINE — changes since 3f2a9c1 (July 29, 2024)`. */
  heading: string;
  /** How to read the page, and how much changed. */
  legend: string;
  /** Said instead of the list when there is nothing to list. */
  note?: string;
  /** Each frontmatter text that changed, with its words marked (HTML made here, escaped). */
  entries: { label: string; html: string }[];
  /** The running header from page 2: the heading in two lines. */
  runningHeader: { title: string; date: string };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A text as it was and as it is, word by word: kept words plain, the others in <del> and <ins>. */
export function wordChangesHtml(before: string, after: string, ledger: ChangeLedger, lang: string): string {
  const oldTokens = wordTokens(before);
  const newTokens = wordTokens(after);
  // Each token with the whitespace after it in its own text, so the words keep their spacing.
  const withSpace = (tokens: ReturnType<typeof wordTokens>, text: string) => tokens.map((token, index) => text.slice(token.start, tokens[index + 1]?.start ?? text.length));
  const oldPieces = withSpace(oldTokens, before);
  const newPieces = withSpace(newTokens, after);
  let html = escapeHtml(after.slice(0, newTokens[0]?.start ?? after.length));
  for (const stretch of stretches(oldTokens, newTokens)) {
    if (stretch.kind === 'kept') {
      html += escapeHtml(typographicText(newPieces.slice(...stretch.new).join('')));
      continue;
    }
    const text = stretch.kind === 'removed' ? oldPieces.slice(...stretch.old).join('') : newPieces.slice(...stretch.new).join('');
    html += `${changeHtml(stretch.kind === 'removed' ? 'deleted' : 'inserted', typographicText(text.trim()), ledger, lang)}${/\s$/.test(text) ? ' ' : ''}`;
  }
  return html.trim();
}

/** The banner a version's frontmatter (valid or not) would print, if it can be told. */
export function bannerOf(data: unknown, markings: MarkingSystem): string | undefined {
  const marking = isRecord(data) && isRecord(data.marking) ? data.marking : undefined;
  const level = textOf(marking?.level);
  if (!level) return undefined;
  const dissem = Array.isArray(marking?.dissem) ? marking.dissem.filter((value): value is string => typeof value === 'string') : undefined;
  const banner = bannerText({ level, dissem }, markings);
  return parseBanner(banner, markings).ok ? banner : undefined;
}

/** A list of texts (recommendations, key points) compared by position. */
function listEntries(label: string, before: (string | undefined)[], after: string[], ledger: ChangeLedger, lang: string): { label: string; html: string }[] {
  const entries: { label: string; html: string }[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const was = before[index];
    const now = after[index];
    if (was === now) continue;
    const html =
      now === undefined
        ? changeHtml('deleted', typographicText(was ?? ''), ledger, lang)
        : was === undefined
          ? changeHtml('inserted', typographicText(now), ledger, lang)
          : wordChangesHtml(was, now, ledger, lang);
    entries.push({ label: `${label} ${index + 1}`, html });
  }
  return entries;
}

export function redlineView(options: {
  /** The earlier version's frontmatter as YAML read it; undefined for a file new since then. */
  before: unknown;
  after: Frontmatter;
  since: RedlineSince;
  counts: { inserted: number; deleted: number };
  ledger: ChangeLedger;
  markings: MarkingSystem;
}): RedlineView {
  const { after, since, ledger, markings } = options;
  const lang = after.lang ?? 'en-US';
  const when = formatMemoDate(since.date, lang);
  const heading = `REDLINE — changes since ${since.shortCommit} (${when})`;
  const runningHeader = { title: 'REDLINE — changes since', date: `${since.shortCommit} (${when})` };
  const words = (count: number) => `${count} word${count === 1 ? '' : 's'}`;
  const legend = `Inserted words are underlined, deleted words struck through, and a bar in the margin marks each line with a change: ${words(options.counts.inserted)} inserted, ${words(options.counts.deleted)} deleted.`;
  if (since.isNew) return { heading, legend, note: `The memo did not exist at ${since.shortCommit}: all of it is inserted.`, entries: [], runningHeader };

  const before = isRecord(options.before) ? options.before : {};
  const entries: { label: string; html: string }[] = [];
  const compare = (label: string, was: string | undefined, now: string | undefined) => {
    if ((was ?? '') === (now ?? '')) return;
    const html = !was ? changeHtml('inserted', typographicText(now!), ledger, lang) : !now ? changeHtml('deleted', typographicText(was), ledger, lang) : wordChangesHtml(was, now, ledger, lang);
    entries.push({ label, html });
  };
  compare('Title', textOf(before.title), after.title);
  const oldBanner = bannerOf(before, markings);
  const newBanner = bannerText(after.marking, markings);
  if (oldBanner !== newBanner) {
    entries.push({ label: 'Marking', html: [oldBanner && changeHtml('deleted', oldBanner, ledger, lang), changeHtml('inserted', newBanner, ledger, lang)].filter(Boolean).join(' ') });
  }
  compare('Bottom line', textOf(before.bluf), after.bluf);
  const texts = (value: unknown, key?: string) => (Array.isArray(value) ? value.map((item) => textOf(key && isRecord(item) ? item[key] : item)) : []);
  if (after.type === 'action-memo' || Array.isArray(before.recommendations)) {
    entries.push(...listEntries('Recommendation', texts(before.recommendations, 'text'), after.type === 'action-memo' ? after.recommendations.map((item) => item.text) : [], ledger, lang));
  }
  if (after.type === 'policy-brief' || Array.isArray(before.key_points)) {
    entries.push(...listEntries('Key point', texts(before.key_points), after.type === 'policy-brief' ? (after.key_points ?? []) : [], ledger, lang));
  }
  return { heading, legend, note: entries.length === 0 ? 'Title, marking, bottom line and recommendations: unchanged.' : undefined, entries, runningHeader };
}
