// Decisions about a memo are made here, in TypeScript, and handed to the templates as plain
// values: the banner text, the date as written, the addressee line, the running header.
import { parseBanner, type MarkingSystem } from '../source/markings.js';
import type { Frontmatter } from '../source/schema.js';
import type { Paper, TransformedBody } from '../types.js';
import { defaultPaperFor, formatMemoDate } from './dates.js';

export interface MemoView {
  type: Frontmatter['type'];
  lang: string;
  paper: Paper;
  /** CSS `size` value for @page. */
  pageSize: string;
  banner: { text: string; colour: string };
  draft: boolean;
  statusLabel: string;
  dateText: string;
  memoKind: string;
  addressees: string;
  from: string;
  title: string;
  subtitle?: string;
  runningHeader: string;
  bluf?: string;
  bodyHtml: string;
  keyPoints: string[];
  authors: string[];
  recommendations: { text: string; decideBy?: string; recommendedBy?: string; opposedBy?: string }[];
  attachments: { tab: string; title: string }[];
  sources: { number: number; id: string; title: string; publisher?: string; url?: string; accessed?: string }[];
  drafted?: string;
  cleared: string[];
  authority?: { label: string; value: string }[];
  cuiBlock?: { label: string; value: string }[];
  stamp?: string;
  /** DoD practice leaves page 1 unnumbered. */
  numberFirstPage: boolean;
}

export interface ViewOptions {
  markings: MarkingSystem;
  stamp?: string;
  numberFirstPage?: boolean;
}

const memoKinds: Record<Frontmatter['type'], string> = {
  'info-memo': 'INFORMATION MEMO',
  'action-memo': 'ACTION MEMO',
  'policy-brief': 'POLICY BRIEF',
};

const tabLetter = (index: number) => String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : '');

export function memoView(frontmatter: Frontmatter, body: TransformedBody, options: ViewOptions): MemoView {
  const lang = frontmatter.lang ?? 'en-US';
  const paper = frontmatter.paper ?? defaultPaperFor(lang);
  const parsed = parseBanner(frontmatter.marking.level, options.markings);
  const colour = parsed.ok ? parsed.banner.level.colour : '#000000';
  const dateText = formatMemoDate(frontmatter.date, lang);
  const isMemo = frontmatter.type !== 'policy-brief';
  const authority = frontmatter.marking.authority;
  const cui = frontmatter.marking.cui;

  return {
    type: frontmatter.type,
    lang,
    paper,
    pageSize: paper === 'a4' ? 'A4' : 'Letter',
    banner: { text: frontmatter.marking.level, colour },
    draft: frontmatter.status === 'draft',
    statusLabel: frontmatter.status ?? '',
    dateText,
    memoKind: memoKinds[frontmatter.type],
    addressees: isMemo ? frontmatter.to.map((name) => name.toUpperCase()).join(', ') : '',
    from: isMemo ? [frontmatter.from.name, frontmatter.from.title, frontmatter.from.office].filter(Boolean).join(', ') : '',
    title: frontmatter.title,
    subtitle: frontmatter.type === 'policy-brief' ? frontmatter.subtitle : undefined,
    runningHeader: `${frontmatter.short_title ?? frontmatter.title} · ${dateText}`,
    bluf: frontmatter.bluf,
    bodyHtml: body.html,
    keyPoints: frontmatter.type === 'policy-brief' ? frontmatter.key_points ?? [] : [],
    authors: frontmatter.type === 'policy-brief' ? frontmatter.authors.map((author) => [author.name, author.office].filter(Boolean).join(', ')) : [],
    recommendations:
      frontmatter.type === 'action-memo'
        ? frontmatter.recommendations.map((recommendation) => ({
            text: recommendation.text,
            decideBy: recommendation.decide_by ? formatMemoDate(recommendation.decide_by, lang) : undefined,
            recommendedBy: recommendation.recommended_by,
            opposedBy: recommendation.opposed_by,
          }))
        : [],
    attachments: (frontmatter.attachments ?? []).map((title, index) => ({ tab: tabLetter(index), title })),
    sources: (frontmatter.sources ?? []).map((source, index) => ({
      number: index + 1,
      id: source.id,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      accessed: source.accessed ? formatMemoDate(source.accessed, lang) : undefined,
    })),
    drafted: frontmatter.clearance?.drafted,
    cleared: frontmatter.clearance?.cleared ?? [],
    authority: authority
      ? [
          ['Classified By', authority.classified_by],
          ['Derived From', authority.derived_from],
          ['Reason', authority.reason],
          ['Declassify On', authority.declassify_on],
        ]
          .filter((entry): entry is [string, string] => Boolean(entry[1]))
          .map(([label, value]) => ({ label, value }))
      : undefined,
    cuiBlock: cui
      ? [
          ['Controlled by', cui.controlled_by],
          ['CUI Category', cui.category],
          ['Distribution/LDC', cui.distribution],
          ['POC', cui.poc],
        ]
          .filter((entry): entry is [string, string] => Boolean(entry[1]))
          .map(([label, value]) => ({ label, value }))
      : undefined,
    stamp: options.stamp,
    numberFirstPage: options.numberFirstPage ?? true,
  };
}
