// The Word styles of a memo. Every paragraph and run of the .docx names one of these instead of
// carrying its own formatting, so an office restyles a memo (or all its memos, through a
// template) in Word's style gallery; a house style of the templates maps onto them here.
import type { IParagraphStyleOptions, ICharacterStyleOptions, IStylesOptions } from 'docx';
import { AlignmentType, ShadingType } from 'docx';

/** Style ids, as the document's paragraphs and runs name them. */
export const paragraphStyle = {
  body: 'BodyText',
  memoDate: 'MemoDate',
  memoFor: 'MemoFor',
  memoField: 'MemoField',
  subject: 'MemoSubject',
  briefKind: 'BriefKind',
  briefTitle: 'Title',
  subtitle: 'Subtitle',
  byline: 'Byline',
  keyPointsLabel: 'KeyPointsLabel',
  keyPoint: 'KeyPoint',
  bluf: 'Bluf',
  list: 'ListParagraph',
  listContinue: ['ListContinue', 'ListContinue2', 'ListContinue3'] as const,
  quote: 'Quote',
  code: 'Code',
  callout: 'Callout',
  caption: 'Caption',
  figure: 'Figure',
  rule: 'Rule',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  recommendation: 'Recommendation',
  recommendationPosition: 'RecommendationPosition',
  decisionLines: 'DecisionLines',
  decideBy: 'DecideBy',
  attachmentsLabel: 'AttachmentsLabel',
  attachment: 'Attachment',
  bibliography: 'Bibliography',
  clearance: 'Clearance',
  clearanceName: 'ClearanceName',
  authorityBlock: 'AuthorityBlock',
  cuiBlock: 'CuiBlock',
  banner: 'Banner',
  draftLine: 'DraftLine',
  runningHeader: 'RunningHeader',
  pageNumber: 'PageNumber',
} as const;

export const characterStyle = {
  portionMark: 'PortionMark',
  captionLabel: 'CaptionLabel',
  label: 'Label',
  strong: 'Strong',
  emphasis: 'Emphasis',
  code: 'HTMLCode',
  strike: 'Strikethrough',
  noteSeparator: 'NoteSeparator',
  draft: 'DraftMark',
} as const;

/** Latin text in Times New Roman (the PDF's Tinos is metric-compatible with it); Japanese in a Mincho. */
export const latinFont = 'Times New Roman';
/** Ships with Windows and Office for Mac: Word draws East Asian runs with it. */
export const eastAsianFont = 'Yu Mincho';
export const monospaceFont = 'Courier New';

const points = (size: number) => size * 2; // Word sizes are half-points.
/** `#c8102e` or `#fff` → `C8102E`, `FFFFFF` (the view only hands over plain hex colours). */
const hex = (colour: string) => {
  const digits = colour.replace(/^#/, '');
  return (digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits.slice(0, 6)).toUpperCase();
};
const spacing = (beforePt: number, afterPt: number) => ({ before: beforePt * 20, after: afterPt * 20 });

const paragraph = (id: string, name: string, options: Omit<IParagraphStyleOptions, 'id' | 'name'> = {}): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: paragraphStyle.body,
  quickFormat: true,
  ...options,
});

const character = (id: string, name: string, run: ICharacterStyleOptions['run']): ICharacterStyleOptions => ({ id, name, basedOn: 'DefaultParagraphFont', quickFormat: true, run });

export interface StyleOptions {
  /** The memo's language: Word's proofing language of the default text. */
  lang: string;
  /** `colour_bands: true`: the banners on a band of the level's colour (SF 706–712), in the text colour that reads on it. */
  bannerBand?: { fill: string; text: string };
  /** The memo's house style (view.house): its look in the styles Word names, not in direct formatting. */
  house?: string;
}

/**
 * What each house changes in the named styles, after its house.css: DoD centres the memo kind
 * and sets it bold; the think tank prints the kind of paper, headings and the key-points rule
 * in its accent colour. An office restyles these in Word as it would any style.
 */
const houseLooks: Record<string, { accent?: string; centredKind?: boolean }> = {
  dod: { centredKind: true },
  'think-tank': { accent: '00617F' },
};

export function memoStyles(options: StyleOptions): IStylesOptions {
  const japanese = /^ja\b/i.test(options.lang);
  const small = points(10);
  const look = houseLooks[options.house ?? ''] ?? {};
  const headingColour = look.accent ?? '000000';
  return {
    default: {
      document: {
        run: {
          font: { ascii: latinFont, hAnsi: latinFont, cs: latinFont, eastAsia: eastAsianFont },
          size: points(12),
          language: { value: japanese ? 'en-US' : options.lang, eastAsia: 'ja-JP' },
        },
        // Widows and orphans of at least two lines, as in the PDF.
        paragraph: { spacing: { after: 0, line: 240 } },
      },
      heading1: { run: { font: latinFont, size: points(12), bold: true, color: headingColour }, paragraph: { spacing: spacing(12, 6), keepNext: true, keepLines: true } },
      heading2: { run: { font: latinFont, size: points(12), bold: true, italics: true, color: headingColour }, paragraph: { spacing: spacing(10, 4), keepNext: true, keepLines: true } },
      heading3: { run: { font: latinFont, size: points(12), italics: true, color: '000000' }, paragraph: { spacing: spacing(8, 4), keepNext: true, keepLines: true } },
      title: { run: { font: latinFont, size: points(20), bold: true, color: '000000' }, paragraph: { spacing: spacing(6, 6) } },
      listParagraph: { paragraph: { spacing: spacing(0, 6) } },
      footnoteText: { run: { size: small } },
      endnoteText: { run: { size: small } },
      hyperlink: { run: { color: '1F3A93', underline: {} } },
    },
    paragraphStyles: [
      paragraph(paragraphStyle.body, 'Body Text', { paragraph: { spacing: spacing(0, 10) } }),
      paragraph(paragraphStyle.memoDate, 'Memo Date', { paragraph: { alignment: AlignmentType.RIGHT, spacing: spacing(0, 12) } }),
      paragraph(paragraphStyle.memoFor, 'Memo Addressee Line', { run: { bold: true }, paragraph: { spacing: spacing(0, 12), keepNext: true, ...(look.centredKind ? { alignment: AlignmentType.CENTER } : {}) } }),
      paragraph(paragraphStyle.memoField, 'Memo Field', { paragraph: { spacing: spacing(0, 6) } }),
      paragraph(paragraphStyle.subject, 'Memo Subject', { basedOn: paragraphStyle.memoField, run: { bold: true }, paragraph: { spacing: spacing(0, 6), outlineLevel: 0 } }),
      paragraph(paragraphStyle.briefKind, 'Brief Kind', { run: { bold: true, allCaps: true, size: small, ...(look.accent ? { color: look.accent } : {}) }, paragraph: { spacing: spacing(0, 6), ...(look.centredKind ? { alignment: AlignmentType.CENTER } : {}) } }),
      paragraph(paragraphStyle.subtitle, 'Subtitle', { run: { size: points(14), italics: true }, paragraph: { spacing: spacing(0, 10) } }),
      paragraph(paragraphStyle.byline, 'Byline', { paragraph: { spacing: spacing(0, 4) } }),
      paragraph(paragraphStyle.keyPointsLabel, 'Key Points Label', { run: { bold: true, allCaps: true, ...(look.accent ? { color: look.accent } : {}) }, paragraph: { spacing: spacing(6, 4), keepNext: true } }),
      paragraph(paragraphStyle.keyPoint, 'Key Point', { basedOn: paragraphStyle.list, paragraph: { spacing: spacing(0, 4), indent: { left: 360 } } }),
      paragraph(paragraphStyle.bluf, 'Bottom Line', { paragraph: { spacing: spacing(6, 12), border: { left: { style: 'single', size: 18, color: '444444', space: 8 } }, indent: { left: 200 } } }),
      paragraph(paragraphStyle.listContinue[0], 'List Continue', { paragraph: { indent: { left: 360 }, spacing: spacing(0, 6) } }),
      paragraph(paragraphStyle.listContinue[1], 'List Continue 2', { paragraph: { indent: { left: 720 }, spacing: spacing(0, 6) } }),
      paragraph(paragraphStyle.listContinue[2], 'List Continue 3', { paragraph: { indent: { left: 1080 }, spacing: spacing(0, 6) } }),
      paragraph(paragraphStyle.quote, 'Quote', { run: { italics: true }, paragraph: { indent: { left: 720, right: 720 }, spacing: spacing(0, 10) } }),
      paragraph(paragraphStyle.code, 'Code', { run: { font: monospaceFont, size: small }, paragraph: { spacing: spacing(0, 10), keepLines: true } }),
      paragraph(paragraphStyle.callout, 'Callout', { paragraph: { spacing: spacing(0, 8), indent: { left: 200 }, border: { left: { style: 'single', size: 18, color: '444444', space: 8 } } } }),
      paragraph(paragraphStyle.caption, 'Caption', { run: { size: points(11) }, paragraph: { spacing: spacing(4, 10), keepNext: false } }),
      paragraph(paragraphStyle.figure, 'Figure', { paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: spacing(6, 2) } }),
      paragraph(paragraphStyle.rule, 'Horizontal Rule', { paragraph: { border: { bottom: { style: 'single', size: 6, color: '000000', space: 1 } }, spacing: spacing(0, 10) } }),
      paragraph(paragraphStyle.tableText, 'Table Text', { run: { size: points(11) } }),
      paragraph(paragraphStyle.tableHeading, 'Table Heading', { basedOn: paragraphStyle.tableText, run: { size: points(11), bold: true }, paragraph: { keepNext: true } }),
      paragraph(paragraphStyle.recommendation, 'Recommendation', { paragraph: { spacing: spacing(6, 6), keepNext: true } }),
      paragraph(paragraphStyle.recommendationPosition, 'Recommendation Position', { paragraph: { indent: { left: 360 }, keepNext: true } }),
      paragraph(paragraphStyle.decisionLines, 'Decision Lines', { paragraph: { spacing: spacing(12, 6), keepNext: true } }),
      paragraph(paragraphStyle.decideBy, 'Decide By', { run: { italics: true }, paragraph: { spacing: spacing(0, 10) } }),
      paragraph(paragraphStyle.attachmentsLabel, 'Attachments Label', { paragraph: { spacing: spacing(12, 2), keepNext: true } }),
      paragraph(paragraphStyle.attachment, 'Attachment', { paragraph: { indent: { left: 360 } } }),
      paragraph(paragraphStyle.bibliography, 'Bibliography', { paragraph: { indent: { left: 360, hanging: 360 }, spacing: spacing(0, 6) } }),
      paragraph(paragraphStyle.clearance, 'Clearance', { run: { size: small }, paragraph: { keepNext: true, keepLines: true } }),
      paragraph(paragraphStyle.clearanceName, 'Clearance Name', { basedOn: paragraphStyle.clearance, run: { size: small }, paragraph: { indent: { left: 360 }, keepNext: true } }),
      paragraph(paragraphStyle.authorityBlock, 'Classification Authority Block', { run: { size: small } }),
      paragraph(paragraphStyle.cuiBlock, 'CUI Designation Block', { run: { size: small } }),
      paragraph(paragraphStyle.banner, 'Banner', {
        run: { size: small, bold: true, ...(options.bannerBand ? { color: hex(options.bannerBand.text) } : {}) },
        paragraph: { alignment: AlignmentType.CENTER, ...(options.bannerBand ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(options.bannerBand.fill) } } : {}) },
      }),
      // Under the top banner, never on its colour band.
      paragraph(paragraphStyle.draftLine, 'Draft Line', { run: { size: small, bold: true }, paragraph: { alignment: AlignmentType.CENTER } }),
      paragraph(paragraphStyle.runningHeader, 'Running Header', { run: { size: small } }),
      paragraph(paragraphStyle.pageNumber, 'Page Number', { run: { size: small }, paragraph: { alignment: AlignmentType.CENTER } }),
    ],
    characterStyles: [
      // Portion marks print as written, in the text's own face: no bold from a heading's run.
      character(characterStyle.portionMark, 'Portion Mark', { bold: false, italics: false }),
      character(characterStyle.captionLabel, 'Caption Label', { bold: true }),
      character(characterStyle.label, 'Field Label', { bold: true }),
      character(characterStyle.strong, 'Strong', { bold: true }),
      character(characterStyle.emphasis, 'Emphasis', { italics: true }),
      character(characterStyle.code, 'HTML Code', { font: monospaceFont, size: points(11) }),
      character(characterStyle.strike, 'Strikethrough', { strike: true }),
      character(characterStyle.noteSeparator, 'Note Separator', { superScript: true }),
      character(characterStyle.draft, 'Draft Mark', { bold: true, color: 'C00000' }),
    ],
  };
}
