// The frontmatter contract (../shared/docs/memo-formats.md §3), as one zod schema: the validator,
// the TypeScript types and the editors' JSON Schema all come from here.
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

const text = z.string({ error: 'write text here' }).trim().min(1, { error: 'is empty; write the text' });
const textList = z.union([text.transform((one) => [one]), z.array(text).min(1, { error: 'is an empty list; name at least one' })]);

const person = z.strictObject({
  name: text,
  office: text.optional(),
  title: text.optional(),
  phone: text.optional(),
});

const marking = z.strictObject({
  level: text.meta({ description: 'Overall marking spelled out, e.g. UNCLASSIFIED or SECRET//NOFORN' }),
  dissem: z.array(text).optional(),
  compilation_reason: text.optional(),
  authority: z
    .strictObject({
      classified_by: text.optional(),
      derived_from: text.optional(),
      reason: text.optional(),
      // YAML reads an unquoted 20490728 as a number; it is the YYYYMMDD date all the same.
      declassify_on: z.union([text, z.number().int().transform(String)]).optional(),
    })
    .optional(),
  cui: z
    .strictObject({
      controlled_by: text,
      category: text,
      distribution: text.optional(),
      poc: text,
    })
    .optional(),
});

const tags = z.strictObject({
  regions: z.array(text).optional(),
  countries: z.array(text).optional(),
  topics: z.array(text).optional(),
});

const source = z.strictObject({
  id: text,
  title: text,
  url: z.url({ protocol: /^https?$/, error: 'is not a web address; write a full address starting with https://' }).optional(),
  publisher: text.optional(),
  accessed: isoDate.optional(),
});

const clearance = z.strictObject({
  drafted: text.optional(),
  cleared: textList.optional(),
});

const common = {
  id: z
    .string({ error: 'give the briefing a unique id' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'is not a valid id; use letters, digits, ".", "_" and "-" only, e.g. EAP-2024-W31-001' }),
  title: text,
  short_title: text.optional(),
  date: isoDate,
  marking,
  bluf: text.optional(),
  tags: tags.optional(),
  sources: z.array(source).optional(),
  status: z.enum(['draft', 'in-clearance', 'cleared', 'approved']).optional(),
  clearance: clearance.optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'is not a language tag; write one such as en-US, en-GB or ja-JP' })
    .optional(),
  paper: z.enum(['letter', 'a4']).optional(),
  priority: z.number().int().optional(),
  attachments: z.array(text).optional(),
  /** Acronyms of this briefing → their expansion; added to (and winning over) content/glossary.yml. */
  glossary: z.record(z.string().regex(/^[A-Z][A-Za-z0-9&]{1,9}$/, { error: 'is not an acronym; write 2–10 letters starting with a capital, e.g. EDD' }), text).optional(),
  /** Print the banners on a band in the level's colour (SF 706–712). */
  colour_bands: z.boolean().optional(),
};

const memo = {
  to: textList,
  from: person,
};

const recommendation = z.strictObject({
  text: text,
  decide_by: isoDate.optional(),
  recommended_by: text.optional(),
  opposed_by: text.optional(),
});

export const infoMemoSchema = z.strictObject({ type: z.literal('info-memo'), ...common, ...memo });

export const actionMemoSchema = z.strictObject({
  type: z.literal('action-memo'),
  ...common,
  ...memo,
  recommendations: z.array(recommendation).min(1, { error: 'is an empty list; an action memo needs at least one recommendation' }),
});

export const policyBriefSchema = z.strictObject({
  type: z.literal('policy-brief'),
  ...common,
  subtitle: text.optional(),
  authors: z.array(person).min(1, { error: 'is an empty list; name at least one author' }),
  key_points: z.array(text).optional(),
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
