// What a memo's tags print as in the weekly book's index: words a reader uses, never raw codes.
// A country is named from its ISO 3166 code by the maintained i18n-iso-countries data (not a
// table of ours); a region or topic, and a country code ISO does not know (EU), by the labels
// in the glossary (`regions:`, `topics:`, `countries:`). A tag with no name is a warning at its
// place, so the author adds the label before the book prints a code.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Glossary, TagLabels } from './glossary.js';
import type { Frontmatter } from './schema.js';

const require = createRequire(import.meta.url);
const registered = new Set<string>();

/** The country-name locale for a memo language: `ja` for `ja-JP`, English otherwise. */
function countryLocale(lang: string): string {
  const base = lang.split('-')[0]!.toLowerCase();
  const locale = countries.getSupportedLanguages().includes(base) ? base : 'en';
  if (!registered.has(locale)) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as countries.LocaleData);
    registered.add(locale);
  }
  return locale;
}

const isAbbreviation = (name: string) => !/\p{Ll}/u.test(name);

/**
 * The name of a country as an index prints it. The package's first name is ISO's short name;
 * where that is inverted ("Korea, Republic of") or long ("United States of America"), its
 * common alias reads better ("South Korea", "United States"), but never an abbreviation ("UK").
 */
export function countryName(code: string, lang: string): string | undefined {
  const locale = countryLocale(lang);
  if (!countries.isValid(code)) return undefined;
  const names = ([] as string[]).concat(countries.getName(code, locale, { select: 'all' }) ?? []);
  const [first, ...aliases] = names;
  if (!first) return undefined;
  if (locale !== 'en') return first;
  const alias = aliases.find((name) => !name.includes(',') && !isAbbreviation(name));
  return alias && (first.includes(',') || first.split(/\s+/).length >= 3) ? alias : first;
}

export type TagKind = 'regions' | 'countries' | 'topics';
export const tagKinds: TagKind[] = ['regions', 'countries', 'topics'];

/** The label of one tag, or undefined when nothing names it. */
export function tagLabel(kind: TagKind, code: string, labels: TagLabels, lang: string): string | undefined {
  const own = labels[kind].get(code);
  if (own) return own;
  return kind === 'countries' ? countryName(code, lang) : undefined;
}

const advice: Record<TagKind, (code: string) => string> = {
  regions: (code) => `add its name under regions: in the glossary, e.g. regions: { ${code}: Name of the region }`,
  topics: (code) => `add its label under topics: in the glossary, e.g. topics: { ${code}: ${code.replace(/[-_]+/g, ' ').replace(/^./, (first) => first.toUpperCase())} }`,
  countries: (code) => `use an ISO 3166 country code (JP, KR, US…), or name it under countries: in the glossary, e.g. countries: { ${code}: Full name }`,
};

export interface UnnamedTag {
  message: string;
  path: (string | number)[];
}

/** Every tag of a memo that the book's index could only print as a code. */
export function unnamedTags(frontmatter: Frontmatter, glossary: Pick<Glossary, 'labels'>): UnnamedTag[] {
  const lang = frontmatter.lang ?? 'en-US';
  const found: UnnamedTag[] = [];
  for (const kind of tagKinds) {
    (frontmatter.tags?.[kind] ?? []).forEach((code, index) => {
      if (tagLabel(kind, code, glossary.labels, lang)) return;
      const singular = kind === 'countries' ? 'country' : kind.slice(0, -1);
      found.push({ message: `the ${singular} tag "${code}" has no name for the book's index; ${advice[kind](code)}`, path: ['tags', kind, index] });
    });
  }
  return found;
}

