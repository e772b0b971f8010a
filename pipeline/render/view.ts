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
import type { HouseStyle } from './house-style.js';
import { marginBoxes, type MarginBoxes } from './margin-boxes.js';
import { markingBand, pageNumbers, type MarkingBand, type PageNumbers } from './page-furniture.js';
import type { RedlineView } from './redline-view.js';

export interface MemoView {
  type: Frontmatter['type'];
  /** The house style it prints in: its name, also the class (`house-<name>`) its stylesheet is scoped to. */
  house: string;
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
  /** The whole body (for a template of its own that does not keep the last paragraph apart). */
  bodyHtml: string;
  /** The body but the part in `closingHtml`: what partials/body.hbs prints. */
  bodyLeadHtml: string;
  /** The body's last paragraph, printed on one page with the end matter (partials/closing.hbs). */
  closingHtml?: string;
  /** Footnotes: notes at the end of a memo, endnotes of a policy brief. */
  notesHtml?: string;
  keyPoints: PortionText[];
  authors: string[];
  /** A policy brief's issuing office (its `from`: name, title, office), printed with the byline. */
  issuedBy?: string;
  /** Every recommendation (for a template of its own). */
  recommendations: Recommendation[];
  /** All but the last, which prints with the end matter (`closingRecommendation`, partials/closing.hbs). */
  leadingRecommendations: Recommendation[];
  closingRecommendation?: Recommendation;
  /** "Recommendation" or "Recommendations"; printed over the first of them. */
  recommendationsTitle: string;
  attachments: { tab: string; title: string }[];
  /** cc: (DoD) and Distribution: (State) lines at the end of a memo, each with its entries. */
  copies: { label: string; entries: string[] }[];
  /** The Sources list: a bibliography in its documented order, each entry in parts (citation-style.ts). */
  sources: BibliographyEntry[];
  drafted?: string;
  cleared: string[];
  authority?: { label: string; value: string }[];
  cuiBlock?: { label: string; value: string }[];
  /** The band at the foot of page 1 reserved for the authority and CUI blocks, when there are any. */
  markingBand?: MarkingBand;
  /** The office's letterhead on page 1, when the house style prints one and the config gives one. */
  letterhead?: LetterheadView;
  stamp?: string;
  /** DoD practice leaves page 1 unnumbered. */
  numberFirstPage: boolean;
  /** How and where pages are numbered (the house style). */
  pageNumbers: PageNumbers;
  /** Banners print on a band of the level's colour (SF 706–712) instead of in black. */
  colourBands: boolean;
  /** A redline: what it compares, and the frontmatter changes printed above the memo. */
  redline?: RedlineView;
}

export interface Recommendation {
  text: PortionText;
  decideBy?: string;
  recommendedBy?: string;
  opposedBy?: string;
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

/** The letterhead as printed: the seal's URL on the page (the render stage serves the file), name, address. */
export interface LetterheadView {
  seal?: string;
  office: string;
  address: string[];
}

export interface ViewOptions {
  markings: MarkingSystem;
  house: HouseStyle;
  letterhead?: LetterheadView;
  stamp?: string;
  /** The config's choice; undefined leaves it to the house style. */
  numberFirstPage?: boolean;
  /** Put before every element id the memo prints (see the transform's `idPrefix`). */
  idPrefix?: string;
  /** Print the memo as a redline (render/redline-view.ts): its summary on top, its own running header. */
  redline?: RedlineView;
}

/** Tab A, B, … Z, AA, AB … (letters) or Tab 1, 2, … (numbers), as the house numbers them. */
export function tabName(index: number, tabs: HouseStyle['tabs']): string {
  if (tabs === 'numbers') return String(index + 1);
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/** Words beside the banner for the statuses that are not final (R4 keeps them out of it). */
const statusMarks: Partial<Record<MemoStatus, string>> = { draft: 'DRAFT', 'in-clearance': 'IN CLEARANCE' };

type Clearer = NonNullable<NonNullable<Frontmatter['clearance']>['cleared']>[number];

/** A clearer as the Cleared: block prints it: `EAP/J - B. Director (ok, July 30, 2024)`; a line of text as written. */
function clearedLine(clearer: Clearer, lang: string): string {
  if (typeof clearer === 'string') return clearer;
  const note = [clearer.status, clearer.date ? formatMemoDate(clearer.date, lang) : undefined].filter(Boolean).join(', ');
  return `${[clearer.office, clearer.name].filter(Boolean).join(' - ')}${note ? ` (${note})` : ''}`;
}

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
  const { house } = options;
  const portion = (text: string): PortionText => {
    const split = splitPortionMark(text, options.markings);
    return { ...split, text: shaped(split.text) };
  };

  const recommendations: Recommendation[] =
    frontmatter.type === 'action-memo'
      ? frontmatter.recommendations.map((recommendation) => ({
          text: portion(recommendation.text),
          decideBy: recommendation.decide_by ? formatMemoDate(recommendation.decide_by, lang) : undefined,
          recommendedBy: shaped(recommendation.recommended_by),
          opposedBy: shaped(recommendation.opposed_by),
        }))
      : [];
  const authorityBlock = authority
    ? [
        ['Classified By', authority.classified_by],
        ['Derived From', authority.derived_from],
        ['Reason', authority.reason],
        ['Declassify On', authority.declassify_on],
      ]
        .filter((entry): entry is [string, string] => Boolean(entry[1]))
        .map(([label, value]) => ({ label, value }))
    : undefined;
  const cuiBlock = cui
    ? [
        ['Controlled by', cui.controlled_by],
        ['CUI Category', cui.category.join(', ')],
        ['Distribution/LDC', cui.distribution],
        ['POC', cui.poc],
      ]
        .filter((entry): entry is [string, string] => Boolean(entry[1]))
        .map(([label, value]) => ({ label, value }))
    : undefined;

  return {
    type: frontmatter.type,
    house: house.name,
    lang,
    paper,
    pageSize: paper === 'a4' ? 'A4' : 'Letter',
    banner: { text: banner, colour, bandText: isLight(colour) ? '#000000' : '#ffffff' },
    draft: frontmatter.status === 'draft',
    statusLabel: frontmatter.status ?? '',
    statusMark: frontmatter.status ? statusMarks[frontmatter.status] : undefined,
    dateText,
    memoKind: house.memoKinds[frontmatter.type],
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
    // The text's last paragraph prints with the end matter: the last recommendation of an
    // action memo, else the body's last paragraph.
    bodyHtml: body.html,
    bodyLeadHtml: recommendations.length > 0 || !body.closingSplit ? body.html : body.closingSplit.lead,
    closingHtml: recommendations.length > 0 ? undefined : body.closingSplit?.closing,
    notesHtml: body.notesHtml,
    keyPoints: frontmatter.type === 'policy-brief' ? (frontmatter.key_points ?? []).map(portion) : [],
    authors: frontmatter.type === 'policy-brief' ? frontmatter.authors.map((author) => shaped([author.name, author.office].filter(Boolean).join(', '))) : [],
    issuedBy: frontmatter.type === 'policy-brief' && frontmatter.from ? shaped(sender(frontmatter.from)) : undefined,
    recommendations,
    leadingRecommendations: recommendations.slice(0, -1),
    closingRecommendation: recommendations.at(-1),
    recommendationsTitle: recommendations.length > 1 ? 'Recommendations' : 'Recommendation',
    attachments: (frontmatter.attachments ?? []).map((title, index) => ({ tab: tabName(index, house.tabs), title: shaped(title) })),
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
    authority: authorityBlock,
    cuiBlock,
    markingBand: markingBand([authorityBlock, cuiBlock], paper),
    letterhead: house.letterhead ? options.letterhead : undefined,
    stamp: options.stamp,
    numberFirstPage: pageNumbers(house, options.numberFirstPage).firstPage,
    pageNumbers: pageNumbers(house, options.numberFirstPage),
    colourBands: frontmatter.colour_bands ?? false,
    redline: options.redline,
  };
}
