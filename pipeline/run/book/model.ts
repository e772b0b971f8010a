// What a weekly book says, decided here and handed to templates/book/book.hbs as values: the
// cover, the contents with each memo's first page, the summary of BLUFs, the index by tag,
// and the book's overall marking (R1 over the whole book: its highest memo).
import { formatMemoDate } from '../../render/dates.js';
import { bannerText, highestBanner } from '../../source/banner.js';
import { portionSpelling } from '../../source/caveats.js';
import type { TagLabels } from '../../source/glossary.js';
import { parseBanner, type MarkingSystem } from '../../source/markings.js';
import type { Frontmatter } from '../../source/schema.js';
import { tagKinds, tagLabel } from '../../source/tag-labels.js';
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
  return highestBanner(
    memos.map((memo) => bannerText(memo.marking, system)),
    system,
  );
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
  /** Names of tags for the index (the memos' glossaries). */
  labels: TagLabels;
}

/** "July 29 – August 4, 2024": the range as one phrase, in the book's language. */
function dateRangeText(range: DateRange, lang: string): string {
  if (range.from === range.to) return formatMemoDate(range.from, lang);
  const utc = (text: string) => new Date(`${text}T00:00:00Z`);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).formatRange(utc(range.from), utc(range.to));
}

const indexHeadings: Record<(typeof tagKinds)[number], string> = { regions: 'Regions', countries: 'Countries', topics: 'Topics' };

/** A tag with no name (check warned about it) still reads as words, not as a code. */
const spelledOut = (code: string) => code.replace(/[-_]+/g, ' ').replace(/^./, (first) => first.toUpperCase());

export function bookView(memos: BookMemo[], range: DateRange, pages: PageMap | undefined, settings: BookSettings) {
  const frontmatters = memos.map((memo) => memo.frontmatter);
  // Before the first pass prints, page numbers are placeholders of the same width.
  const pageOf = (page: number | undefined) => (page === undefined ? '000' : String(page));
  const anchor = (memo: BookMemo) => `memo-${memo.number}`;

  const index = tagKinds
    .map((kind) => {
      const heading = indexHeadings[kind];
      const terms = new Map<string, BookMemo[]>();
      for (const memo of memos) {
        for (const code of memo.frontmatter.tags?.[kind] ?? []) {
          const term = tagLabel(kind, code, settings.labels, settings.lang) ?? spelledOut(code);
          const tagged = terms.get(term) ?? [];
          if (!tagged.includes(memo)) terms.set(term, [...tagged, memo]);
        }
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
  const part = (anchor: string, title: string, page: number | undefined) => ({ anchor, title, page: pageOf(page), part: true });
  return {
    lang: settings.lang,
    paper: settings.paper,
    pageSize: settings.paper === 'a4' ? 'A4' : 'Letter',
    title: settings.title,
    // The cover names the week once ("Week 31, 2024") and its dates once; the banners carry
    // the overall marking, so the cover does not repeat it.
    weekLabel: week ? `Week ${week.number}, ${week.year}` : undefined,
    dateRange: dateRangeText(range, settings.lang),
    office: settings.office,
    memoCount: `${memos.length} memo${memos.length === 1 ? '' : 's'}`,
    banner: overallMarking(frontmatters, settings.markings),
    // In page order: the summary, each memo, the index.
    contents: [
      part('book-summary', 'Summary', pages?.summary),
      ...memos.map((memo) => ({
        anchor: anchor(memo),
        title: typographicText(stripPortionMark(memo.frontmatter.title)),
        id: memo.frontmatter.id,
        dateText: formatMemoDate(memo.frontmatter.date, settings.lang),
        typeLabel: typeLabels[memo.frontmatter.type],
        marking: bannerText(memo.frontmatter.marking, settings.markings),
        page: pageOf(pages?.memos[memo.number - 1]),
        part: false,
      })),
      part('book-index', 'Index', pages?.index),
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
