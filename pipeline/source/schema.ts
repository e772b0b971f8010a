// The frontmatter contract, as one zod schema: the validator, the TypeScript types and the
// editors' JSON Schema (`briefing schema`) all come from here; README.md, "A briefing", shows it.
import { z } from 'zod';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// A message starting with "is " describes the value: validate.ts writes it after the key and
// the value the author wrote (`date "2024-13-01" is not a valid date; write YYYY-MM-DD`).
const notADate = 'is not a valid date; write YYYY-MM-DD';

/** An ISO 8601 calendar date written as YYYY-MM-DD (YAML 1.2 keeps it a string). */
const isoDate = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : notADate) })
  .refine(isValidIsoDate, { error: notADate })
  .meta({ format: 'date', description: 'ISO 8601 date, YYYY-MM-DD' });

/** Where a memo stands in its clearance; `book` leaves drafts (and memos in clearance) out. */
export const memoStatuses = ['draft', 'in-clearance', 'cleared', 'approved'] as const;
export type MemoStatus = (typeof memoStatuses)[number];

const text = z.string({ error: 'write text here' }).trim().min(1, { error: 'is empty; write the text' });
const textList = z.union([text.transform((one) => [one]), z.array(text).min(1, { error: 'is an empty list; name at least one' })]);

/**
 * Every key says what it is for: editors show it on hover (`briefing schema`), and
 * test/unit/lint-json-schema.test.ts fails on a key without one.
 */
const described = <Schema extends z.ZodType>(schema: Schema, description: string): Schema => schema.meta({ description });

const person = z.strictObject({
  name: described(text, "The person's name as printed, e.g. A. Analyst"),
  office: described(text.optional(), 'Their office, e.g. Office of Japanese Affairs (EAP/J)'),
  title: described(text.optional(), 'Their job title, printed after the name'),
  phone: described(text.optional(), 'A telephone number'),
});

const marking = z.strictObject({
  level: described(text, 'Overall marking spelled out, e.g. UNCLASSIFIED, CUI, SECRET or SECRET//NOFORN; the banner on every page'),
  dissem: described(
    z.array(text),
    'Dissemination controls apart from the level, spelled out as in a banner (NOFORN, ORCON, REL TO USA, JPN); the banner reads LEVEL//NOFORN',
  ).optional(),
  compilation_reason: described(text, 'Why the memo as a whole is marked higher than every portion in it (R1)').optional(),
  authority: described(
    z.strictObject({
      classified_by: described(text.optional(), 'Classified By: the original classification authority (name and office)'),
      derived_from: described(text.optional(), 'Derived From: the source or guide of a derivative classification'),
      reason: described(text.optional(), 'Reason: the classification category, e.g. 1.4(b), (d)'),
      // YAML reads an unquoted 20490728 as a number; it is the YYYYMMDD date all the same.
      declassify_on: described(z.union([text, z.number().int().transform(String)]).optional(), 'Declassify On: a YYYYMMDD date or an event'),
    }),
    'Authority block of a classified memo, printed at the lower left of page 1 (R5)',
  ).optional(),
  cui: described(
    z.strictObject({
      controlled_by: described(text, 'Controlled by: the office that controls the CUI'),
      category: described(textList, 'CUI Category: one category or a list of every category the memo holds, e.g. [OPSEC, PRVCY]'),
      distribution: described(text.optional(), 'Distribution/LDC: a limited dissemination control, e.g. FEDCON'),
      poc: described(text, "POC: a person's name and phone"),
    }),
    'CUI designation block, printed at the lower right of page 1 (R6)',
  ).optional(),
});

const tags = z.strictObject({
  regions: described(z.array(text).optional(), 'Regions, e.g. [EAP]; the book indexes memos by them'),
  countries: described(z.array(text).optional(), 'Country codes, e.g. [US, JP, KR]; the book indexes memos by them'),
  topics: described(z.array(text).optional(), 'Topics, e.g. [extended-deterrence]; the book indexes memos by them'),
});

const source = z.strictObject({
  id: described(text, 'Short name that [@id] cites in the text, e.g. scc-2024'),
  title: described(text, 'Title of the document as listed under Sources'),
  url: described(
    z.url({ protocol: /^https?$/, error: 'is not a web address; write a full address starting with https://' }).optional(),
    'Web address of the document, https://…',
  ),
  publisher: described(text.optional(), 'Who published the document'),
  accessed: described(isoDate.optional(), 'When the web address was read, YYYY-MM-DD'),
});

export const clearanceStatuses = ['ok', 'edits', 'info'] as const;

/** One clearer in full; the short form is one line of text (`EAP - B. Director (ok)`). */
const clearer = z.strictObject({
  office: described(text, 'The clearing office, e.g. EAP/J'),
  name: described(text.optional(), 'Who cleared for the office, e.g. B. Director'),
  date: described(isoDate.optional(), 'When they cleared, YYYY-MM-DD'),
  status: described(z.enum(clearanceStatuses).optional(), 'ok: cleared as written; edits: cleared with edits; info: seen for information only'),
});

const clearance = z.strictObject({
  drafted: described(text.optional(), 'Drafted: office and drafter, e.g. EAP/J - A. Analyst'),
  cleared: described(
    z.union([text.transform((one) => [one]), z.array(z.union([text, clearer])).min(1, { error: 'is an empty list; name at least one clearer' })]).optional(),
    'Cleared: one clearance or a list; each a line of text ("EAP - B. Director (ok)") or { office, name, date, status: ok | edits | info }',
  ),
});

const common = {
  id: described(
    z
      .string({ error: 'give the briefing a unique id' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'is not a valid id; use letters, digits, ".", "_" and "-" only, e.g. EAP-2024-W31-001' }),
    'Unique id, stable across edits; names the memo in the book and the index, e.g. EAP-2024-W31-001',
  ),
  title: described(text, 'Title, printed as SUBJECT: or as the heading of a brief; opens with its portion mark in a marked memo'),
  short_title: described(text.optional(), 'Shorter title for the running header from page 2'),
  date: described(isoDate, 'Date of the memo, YYYY-MM-DD; printed in the date style of its language'),
  marking: described(marking, 'Markings: the overall level and what goes with it (dissem, cui, authority)'),
  bluf: described(text.optional(), 'Bottom line up front: one to four sentences'),
  tags: described(tags.optional(), 'Index terms of the weekly book'),
  sources: described(z.array(source).optional(), 'Documents the memo cites with [@id], listed under Sources'),
  status: described(
    z.enum(memoStatuses).optional(),
    'Where the memo stands; a draft prints a DRAFT watermark and DRAFT beside the banner, a memo in clearance IN CLEARANCE; the weekly book leaves both out unless asked',
  ),
  clearance: described(clearance.optional(), 'Drafted and Cleared lines at the end of the memo'),
  lang: described(
    z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'is not a language tag; write one such as en-US, en-GB or ja-JP' })
      .optional(),
    'Language tag, e.g. en-US (the default), en-GB or ja-JP: sets the date style and the paper',
  ),
  paper: described(z.enum(['letter', 'a4']).optional(), 'Paper size; by default Letter for en-US and A4 for other languages'),
  priority: described(z.number().int().optional(), 'Order in the weekly book, lower first'),
  attachments: described(z.array(text).optional(), 'Attachments, listed as Tab A, Tab B, …'),
  /** Acronyms of this briefing → their expansion; added to (and winning over) content/glossary.yml. */
  glossary: described(
    z.record(z.string().regex(/^[A-Z][A-Za-z0-9&]{1,9}$/, { error: 'is not an acronym; write 2–10 letters starting with a capital, e.g. EDD' }), text).optional(),
    "Acronyms of this memo and what they stand for, e.g. { EDD: Extended Deterrence Dialogue }; added to the content folder's glossary.yml",
  ),
  style: described(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'is not a house style name; write the name of a folder of templates/houses/, e.g. dod' })
      .optional(),
    'House style this memo prints in, a folder of templates/houses/ (state, dod, think-tank, or your own); by default the style: of briefing.config.yml',
  ),
  /** Print the banners on a band in the level's colour (SF 706–712). */
  colour_bands: described(z.boolean().optional(), "Print the banners on a band of the level's colour (SF 706–712)"),
};

const from = described(person, 'Who sends the memo: name, title and office, printed as FROM:');

const memo = {
  to: described(textList, 'Addressee or a list of them, printed as the memo FOR line, e.g. [The Secretary]'),
  from,
  through: described(
    textList.optional(),
    'Officials the memo goes through on its way to the addressee, printed as a THROUGH: line under the addressee line (State), e.g. [The Deputy Secretary]',
  ),
  cc: described(textList.optional(), 'Who gets a copy, printed as cc: lines at the end of the memo (DoD), e.g. [USD(P), DASD East Asia]'),
  distribution: described(textList.optional(), 'Distribution list, printed as Distribution: lines at the end of the memo (State), e.g. [EAP/J, S/P]'),
};

const recommendation = z.strictObject({
  text: described(text, 'The recommendation, e.g. "That you approve …"; printed with Approve / Disapprove / Other lines'),
  decide_by: described(isoDate.optional(), 'Date a decision is needed by, YYYY-MM-DD'),
  recommended_by: described(text.optional(), 'Office that recommends it (a split memo)'),
  opposed_by: described(text.optional(), 'Office that opposes it (a split memo)'),
});

const typeKey = <Type extends string>(type: Type) => described(z.literal(type), 'Memo type: info-memo, action-memo or policy-brief');

export const infoMemoSchema = z.strictObject({ type: typeKey('info-memo'), ...common, ...memo });

export const actionMemoSchema = z.strictObject({
  type: typeKey('action-memo'),
  ...common,
  ...memo,
  recommendations: described(
    z.array(recommendation).min(1, { error: 'is an empty list; an action memo needs at least one recommendation' }),
    'Recommendations of an action memo, each with a decision line',
  ),
});

export const policyBriefSchema = z.strictObject({
  type: typeKey('policy-brief'),
  ...common,
  subtitle: described(text.optional(), 'Subtitle under the title'),
  authors: described(z.array(person).min(1, { error: 'is an empty list; name at least one author' }), 'Authors, printed in the byline'),
  // The same shape as a memo's, so content moves between memo types unchanged.
  from: described(person.optional(), 'Issuing office (and its head): printed with the byline, e.g. { name: "A. Analyst", office: "Office of Japanese Affairs" }'),
  key_points: described(z.array(text).optional(), 'Key points, printed in a box under the title'),
});

export const frontmatterSchema = z.discriminatedUnion('type', [infoMemoSchema, actionMemoSchema, policyBriefSchema], {
  error: 'type must be one of info-memo, action-memo, policy-brief',
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type MemoType = Frontmatter['type'];
export const memoTypes: MemoType[] = ['info-memo', 'action-memo', 'policy-brief'];

/** Which memo types accept a top-level key: used to say "recommendations is only for action-memo". */
export function typesAcceptingKey(key: string): MemoType[] {
  const byType: Record<MemoType, z.ZodObject> = {
    'info-memo': infoMemoSchema,
    'action-memo': actionMemoSchema,
    'policy-brief': policyBriefSchema,
  };
  // Own keys only: `key in shape` would find `constructor` and `__proto__` on every object.
  return memoTypes.filter((type) => Object.hasOwn(byType[type].shape, key));
}
