// What a weekly book says, decided here and handed to templates/book/book.hbs as values: the
// cover, the contents with each memo's first page, the summary of BLUFs, the index by tag,
// and the book's overall marking (R1 over the whole book: its highest memo).
import { formatMemoDate } from '../../render/dates.js';
import { bannerText } from '../../source/banner.js';
import { portionSpelling } from '../../source/caveats.js';
import { parseBanner, type MarkingSystem } from '../../source/markings.js';
import type { Frontmatter } from '../../source/schema.js';
import { typographicText } from '../../transform/plugins/remark-typography.js';
import type { DateRange } from './week.js';

export interface BookMemo {
  /** 1-based position in the book; names the memo's anchor and page group. */
  number: number;
  frontmatter: Frontmatter;
  /** The memo rendered as a section of the book. */
  html: string;
  /** The memo's own view, for its page rules (banner, running header). */
  view: object;
}

/** Where each part of the book starts (1-based pages), measured from a printed pass. */
export interface PageMap {
  memos: number[];
  summary?: number;
  index?: number;
}

const typeLabels: Record<Frontmatter['type'], string> = {
  'info-memo': 'Information memo',
  'action-memo': 'Action memo',
  'policy-brief': 'Policy brief',
};

const stripPortionMark = (text: string) => text.replace(/^\((?:[A-Z]{1,4})(?:\/\/[A-Z0-9/ -]+)?\)\s*/, '');

/** The highest banner of the book's memos, with every caveat any of them carries. */
export function overallMarking(memos: Frontmatter[], system: MarkingSystem): string {
  let rank = 0;
  const caveats = new Set<string>();
  for (const memo of memos) {
    const parsed = parseBanner(bannerText(memo.marking, system), system);
    if (!parsed.ok) continue;
    rank = Math.max(rank, parsed.banner.rank);
    for (const category of parsed.banner.categories) caveats.add(category.join('/'));
  }
  return [system.levels[rank]!.banner, ...[...caveats].sort()].join('//');
}

function portionOf(memo: Frontmatter, system: MarkingSystem): string {
  const parsed = parseBanner(bannerText(memo.marking, system), system);
  if (!parsed.ok) return '?';
  const caveats = parsed.banner.categories.map((category) => category.map((value) => portionSpelling(value, system)).join('/'));
  return [parsed.banner.level.portion, ...caveats].join('//');
}

export interface BookSettings {
  title: string;
  office: string;
  lang: string;
  paper: 'letter' | 'a4';
  markings: MarkingSystem;
}

function dateRangeText(range: DateRange, lang: string): string {
  const from = formatMemoDate(range.from, lang);
  const to = formatMemoDate(range.to, lang);
  return from === to ? from : `${from} – ${to}`;
}

export function bookView(memos: BookMemo[], range: DateRange, pages: PageMap | undefined, settings: BookSettings) {
  const frontmatters = memos.map((memo) => memo.frontmatter);
  // Before the first pass prints, page numbers are placeholders of the same width.
  const pageOf = (page: number | undefined) => (page === undefined ? '000' : String(page));
  const anchor = (memo: BookMemo) => `memo-${memo.number}`;

  const groups: [string, (tags: NonNullable<Frontmatter['tags']>) => string[] | undefined][] = [
    ['Regions', (tags) => tags.regions],
    ['Countries', (tags) => tags.countries],
    ['Topics', (tags) => tags.topics],
  ];
  const index = groups
    .map(([heading, pick]) => {
      const terms = new Map<string, BookMemo[]>();
      for (const memo of memos) {
        for (const term of pick(memo.frontmatter.tags ?? {}) ?? []) terms.set(term, [...(terms.get(term) ?? []), memo]);
      }
      const entries = [...terms.entries()]
        .sort(([a], [b]) => a.localeCompare(b, settings.lang))
        .map(([term, tagged]) => ({
          term,
          pages: tagged
            .map((memo) => ({ anchor: anchor(memo), page: pageOf(pages?.memos[memo.number - 1]), sortKey: pages?.memos[memo.number - 1] ?? memo.number }))
            .sort((a, b) => a.sortKey - b.sortKey),
        }));
      return { heading, entries };
    })
    .filter((group) => group.entries.length > 0);

  const week = range.week;
  return {
    lang: settings.lang,
    paper: settings.paper,
    pageSize: settings.paper === 'a4' ? 'A4' : 'Letter',
    title: settings.title,
    weekLabel: week ? `Week ${week.number}, ${week.year} (${range.label})` : range.label.replace('_', ' to '),
    dateRange: dateRangeText(range, settings.lang),
    issue: week ? `Issue No. ${week.number} of ${week.year}` : `Issue for ${range.from} to ${range.to}`,
    office: settings.office,
    memoCount: `${memos.length} memo${memos.length === 1 ? '' : 's'}`,
    banner: overallMarking(frontmatters, settings.markings),
    contents: memos.map((memo) => ({
      anchor: anchor(memo),
      title: typographicText(stripPortionMark(memo.frontmatter.title)),
      typeLabel: typeLabels[memo.frontmatter.type],
      marking: bannerText(memo.frontmatter.marking, settings.markings),
      page: pageOf(pages?.memos[memo.number - 1]),
    })),
    frontEntries: [
      { anchor: 'book-summary', title: 'Summary', page: pageOf(pages?.summary) },
      { anchor: 'book-index', title: 'Index', page: pageOf(pages?.index) },
    ],
    summary: memos.map((memo) => ({
      anchor: anchor(memo),
      title: typographicText(stripPortionMark(memo.frontmatter.title)),
      page: pageOf(pages?.memos[memo.number - 1]),
      portion: portionOf(memo.frontmatter, settings.markings),
      bluf: typographicText(stripPortionMark(memo.frontmatter.bluf ?? 'No bottom line was given.')),
    })),
    memos: memos.map((memo) => ({ number: memo.number, html: memo.html, view: memo.view })),
    index,
  };
}
