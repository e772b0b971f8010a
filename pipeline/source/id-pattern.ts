// How `briefing new` names a memo: a pattern from the config, by default the samples' own
// `{region}-{week}-{nnn}` (EAP-2024-W31-006). The number is the next one after the highest that
// any briefing of the content folder already has for the same region and week, so an id once
// given (and maybe cited) is never given again, even after its memo was deleted.

export const defaultIdPattern = '{region}-{week}-{nnn}';

export interface IdValues {
  /** Region code, e.g. EAP. */
  region?: string;
  /** ISO week, e.g. 2024-W31. */
  week: string;
  /** YYYY-MM-DD of the memo. */
  date: string;
}

const tokenPattern = /\{([a-z]+)\}/g;
const named = ['region', 'week', 'year', 'date'] as const;
const isCounter = (token: string) => /^n+$/.test(token);

/** What is wrong with a pattern, in words; undefined when it is fine. */
export function idPatternProblem(pattern: string): string | undefined {
  const tokens = [...pattern.matchAll(tokenPattern)].map((match) => match[1]!);
  const unknown = tokens.find((token) => !isCounter(token) && !(named as readonly string[]).includes(token));
  if (unknown) return `{${unknown}} is not a part of an id; use {region}, {week}, {year}, {date} and a number such as {nnn}`;
  const counters = tokens.filter(isCounter);
  if (counters.length !== 1) return `needs exactly one number, such as {nnn} (three digits), to tell the week's memos apart`;
  const literal = pattern.replace(tokenPattern, '');
  if (/[^A-Za-z0-9._-]/.test(literal)) return 'may hold only letters, digits, ".", "_" and "-" besides its {parts}';
  if (/^[._-]/.test(pattern)) return 'must start with a letter, a digit or a {part}';
  return undefined;
}

/** Whether the pattern needs a region (and so `--region` or `new.region` in the config). */
export const needsRegion = (pattern: string) => pattern.includes('{region}');

/**
 * The next free id: the pattern with the values filled in and the number one above the highest
 * that an id of the same form already carries.
 */
export function nextId(pattern: string, values: IdValues, existing: Iterable<string>): string {
  const fill = (token: string): string => {
    if (token === 'region') return values.region ?? '';
    if (token === 'week') return values.week;
    if (token === 'year') return values.date.slice(0, 4);
    if (token === 'date') return values.date;
    return `{${token}}`;
  };
  const filled = pattern.replace(tokenPattern, (_, token: string) => (isCounter(token) ? `{${token}}` : fill(token)));
  const counter = /\{(n+)\}/.exec(filled)!;
  const digits = counter[1]!.length;
  const before = filled.slice(0, counter.index);
  const after = filled.slice(counter.index + counter[0].length);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sameForm = new RegExp(`^${escape(before)}(\\d+)${escape(after)}$`, 'i');
  let highest = 0;
  for (const id of existing) {
    const match = sameForm.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${before}${String(highest + 1).padStart(digits, '0')}${after}`;
}
