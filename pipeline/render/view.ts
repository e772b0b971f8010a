// Decisions about a memo are made here, in TypeScript, and handed to the templates as plain
// values: the banner text, the date as written, the addressee line, the running header.
import { bannerText } from '../source/banner.js';
import { parseBanner, type MarkingSystem } from '../source/markings.js';
import { splitPortionMark } from '../source/portion-marks.js';
import type { Frontmatter, MemoStatus } from '../source/schema.js';
import { bibliographyLead, bibliographyOrder, quotedTitle } from '../transform/citation-style.js';
import { typographicText } from '../transform/plugins/remark-typography.js';
import type { Paper, TransformedBody } from '../types.js';
import { defaultPaperFor, formatMemoDate } from './dates.js';
import { marginBoxes, type MarginBoxes } from './margin-boxes.js';
import type { RedlineView } from './redline-view.js';

export interface MemoView {
  type: Frontmatter['type'];
  lang: string;
  paper: Paper;
  /** CSS `size` value for @page. */
  pageSize: string;
  /** Banner text, its level's colour and the text colour that reads on a band of it. */
  banner: { text: string; colour: string; bandText: string };
  /** Widths of the top margin boxes and the header line that fits them. */
  marginBoxes: MarginBoxes;
  draft: boolean;
  statusLabel: string;
  /** What prints beside the banner at the top right: DRAFT or IN CLEARANCE (never inside it, R4). */
  statusMark?: string;
  dateText: string;
  memoKind: string;
  addressees: string;
  /** The THROUGH: line under the addressee line (State), the officials joined. */
  through?: string;
  from: string;
  title: string;
  /** The title as printed in SUBJECT: or the brief's heading, its portion mark apart. */
  subject: PortionText;
  subtitle?: string;
  /** Running header from page 2: short title (line 1) and date (line 2). */
  runningHeader: { title: string; date: string };
  bluf?: PortionText;
  bodyHtml: string;
  /** Footnotes: notes at the end of a memo, endnotes of a policy brief. */
  notesHtml?: string;
  keyPoints: PortionText[];
  authors: string[];
  /** A policy brief's issuing office (its `from`: name, title, office), printed with the byline. */
  issuedBy?: string;
  recommendations: { text: PortionText; decideBy?: string; recommendedBy?: string; opposedBy?: string }[];
  attachments: { tab: string; title: string }[];
  /** cc: (DoD) and Distribution: (State) lines at the end of a memo, each with its entries. */
  copies: { label: string; entries: string[] }[];
  /** The Sources list: a bibliography in its documented order, each entry in parts (citation-style.ts). */
  sources: BibliographyEntry[];
  drafted?: string;
  cleared: string[];
  authority?: { label: string; value: string }[];
  cuiBlock?: { label: string; value: string }[];
  stamp?: string;
  /** DoD practice leaves page 1 unnumbered. */
  numberFirstPage: boolean;
  /** Banners print on a band of the level's colour (SF 706–712) instead of in black. */
  colourBands: boolean;
  /** A redline: what it compares, and the frontmatter changes printed above the memo. */
  redline?: RedlineView;
}

/** One source in full: `Lead. “Title.” Accessed date. url.`, the parts a template joins with spaces. */
export interface BibliographyEntry {
  /** The element id of the entry, unique in a book too. */
  anchor: string;
  /** `Publisher.`; none when the source has no publisher (the entry opens with its title). */
  lead?: string;
  /** `“Title.”` */
  title: string;
  /** `Accessed July 29, 2024.` in the memo's date style. */
  accessed?: string;
  url?: string;
}

/** A frontmatter text that may open with a portion mark, which prints apart from the text. */
export interface PortionText {
  mark?: string;
  text: string;
}

export interface ViewOptions {
  markings: MarkingSystem;
  stamp?: string;
  numberFirstPage?: boolean;
  /** Put before every element id the memo prints (see the transform's `idPrefix`). */
  idPrefix?: string;
  /** Print the memo as a redline (render/redline-view.ts): its summary on top, its own running header. */
  redline?: RedlineView;
}

const memoKinds: Record<Frontmatter['type'], string> = {
  'info-memo': 'INFORMATION MEMO',
  'action-memo': 'ACTION MEMO',
  'policy-brief': 'POLICY BRIEF',
};

/** Words beside the banner for the statuses that are not final (R4 keeps them out of it). */
const statusMarks: Partial<Record<MemoStatus, string>> = { draft: 'DRAFT', 'in-clearance': 'IN CLEARANCE' };

type Clearer = NonNullable<NonNullable<Frontmatter['clearance']>['cleared']>[number];

/** A clearer as the Cleared: block prints it: `EAP/J - B. Director (ok, July 30, 2024)`; a line of text as written. */
function clearedLine(clearer: Clearer, lang: string): string {
  if (typeof clearer === 'string') return clearer;
  const note = [clearer.status, clearer.date ? formatMemoDate(clearer.date, lang) : undefined].filter(Boolean).join(', ');
  return `${[clearer.office, clearer.name].filter(Boolean).join(' - ')}${note ? ` (${note})` : ''}`;
}

const tabLetter = (index: number) => String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : '');

/** Whether black reads better than white on a colour (relative luminance above ~0.4). */
function isLight(hex: string): boolean {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((digit) => digit + digit) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const [red, green, blue] = digits.map((pair) => parseInt(pair, 16) / 255) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.4;
}

/** A `from` as printed: on a memo's FROM: line, and with a policy brief's byline as its issuing office. */
const sender = (from: { name: string; title?: string; office?: string }) => [from.name, from.title, from.office].filter(Boolean).join(', ');

export function memoView(frontmatter: Frontmatter, body: TransformedBody, options: ViewOptions): MemoView {
  // Texts from the frontmatter print with the body's typography (quotes, NFC); markings, ids and
  // dates print exactly as written.
  const shaped = typographicText;
  const lang = frontmatter.lang ?? 'en-US';
  const paper = frontmatter.paper ?? defaultPaperFor(lang);
  const banner = bannerText(frontmatter.marking, options.markings);
  const parsed = parseBanner(banner, options.markings);
  // The colour goes into CSS as a value: only a plain hex colour is accepted from the table.
  const tableColour = parsed.ok ? parsed.banner.level.colour : '';
  const colour = /^#[0-9a-fA-F]{3,8}$/.test(tableColour) ? tableColour : '#000000';
  const dateText = formatMemoDate(frontmatter.date, lang);
  const boxes = marginBoxes(banner, shaped(frontmatter.short_title ?? frontmatter.title), paper);
  const isMemo = frontmatter.type !== 'policy-brief';
  const authority = frontmatter.marking.authority;
  const cui = frontmatter.marking.cui;
  const portion = (text: string): PortionText => {
    const split = splitPortionMark(text, options.markings);
    return { ...split, text: shaped(split.text) };
  };

  return {
    type: frontmatter.type,
    lang,
    paper,
    pageSize: paper === 'a4' ? 'A4' : 'Letter',
    banner: { text: banner, colour, bandText: isLight(colour) ? '#000000' : '#ffffff' },
    draft: frontmatter.status === 'draft',
    statusLabel: frontmatter.status ?? '',
    statusMark: frontmatter.status ? statusMarks[frontmatter.status] : undefined,
    dateText,
    memoKind: memoKinds[frontmatter.type],
    addressees: isMemo ? shaped(frontmatter.to.map((name) => name.toUpperCase()).join(', ')) : '',
    through: isMemo && frontmatter.through ? shaped(frontmatter.through.join(', ')) : undefined,
    from: isMemo ? shaped(sender(frontmatter.from)) : '',
    title: shaped(frontmatter.title),
    subject: portion(frontmatter.title),
    subtitle: frontmatter.type === 'policy-brief' ? shaped(frontmatter.subtitle) : undefined,
    marginBoxes: boxes,
    // A redline's pages say what they compare, in place of the title and date.
    runningHeader: options.redline ? options.redline.runningHeader : { title: boxes.headerTitle, date: dateText },
    bluf: frontmatter.bluf ? portion(frontmatter.bluf) : undefined,
    bodyHtml: body.html,
    notesHtml: body.notesHtml,
    keyPoints: frontmatter.type === 'policy-brief' ? (frontmatter.key_points ?? []).map(portion) : [],
    authors: frontmatter.type === 'policy-brief' ? frontmatter.authors.map((author) => shaped([author.name, author.office].filter(Boolean).join(', '))) : [],
    issuedBy: frontmatter.type === 'policy-brief' && frontmatter.from ? shaped(sender(frontmatter.from)) : undefined,
    recommendations:
      frontmatter.type === 'action-memo'
        ? frontmatter.recommendations.map((recommendation) => ({
            text: portion(recommendation.text),
            decideBy: recommendation.decide_by ? formatMemoDate(recommendation.decide_by, lang) : undefined,
            recommendedBy: shaped(recommendation.recommended_by),
            opposedBy: shaped(recommendation.opposed_by),
          }))
        : [],
    attachments: (frontmatter.attachments ?? []).map((title, index) => ({ tab: tabLetter(index), title: shaped(title) })),
    copies: isMemo
      ? [
          { label: 'cc:', entries: frontmatter.cc ?? [] },
          { label: 'Distribution:', entries: frontmatter.distribution ?? [] },
        ]
          .filter((group) => group.entries.length > 0)
          .map((group) => ({ label: group.label, entries: group.entries.map((entry) => shaped(entry)) }))
      : [],
    sources: bibliographyOrder(frontmatter.sources ?? [], lang).map((source) => ({
      anchor: `${options.idPrefix ?? ''}source-${source.id}`,
      lead: shaped(bibliographyLead(source)),
      title: shaped(quotedTitle(source.title)),
      accessed: source.accessed ? `Accessed ${formatMemoDate(source.accessed, lang)}.` : undefined,
      url: source.url,
    })),
    drafted: shaped(frontmatter.clearance?.drafted),
    cleared: (frontmatter.clearance?.cleared ?? []).map((clearer) => shaped(clearedLine(clearer, lang))),
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
          ['CUI Category', cui.category.join(', ')],
          ['Distribution/LDC', cui.distribution],
          ['POC', cui.poc],
        ]
          .filter((entry): entry is [string, string] => Boolean(entry[1]))
          .map(([label, value]) => ({ label, value }))
      : undefined,
    stamp: options.stamp,
    numberFirstPage: options.numberFirstPage ?? true,
    colourBands: frontmatter.colour_bands ?? false,
    redline: options.redline,
  };
}
