// ISO 8601 weeks: a book covers Monday to Sunday of week `YYYY-Www` (the week that holds the
// year's first Thursday is W01), or an explicit date range.

export interface DateRange {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
  /** `2024-W31`, or `2024-07-29_2024-08-04` for a range: names the default output file. */
  label: string;
  /** ISO week number when the range is one ISO week. */
  week?: { year: number; number: number };
}

const day = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (text: string) => new Date(`${text}T00:00:00Z`);

/** The ISO week that contains a date. */
export function isoWeekOf(text: string): { year: number; number: number } {
  const date = utc(text);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * day);
  const year = thursday.getUTCFullYear();
  const firstThursday = utc(`${year}-01-04`);
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * day);
  return { year, number: 1 + Math.round((thursday.getTime() - firstMonday.getTime() - 3 * day) / (7 * day)) };
}

export const weekLabel = (week: { year: number; number: number }) => `${week.year}-W${String(week.number).padStart(2, '0')}`;

export function parseWeek(text: string): DateRange | { error: string } {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!match) return { error: `--week takes an ISO week such as 2024-W31; got "${text}"` };
  const year = Number(match[1]);
  const number = Number(match[2]);
  const firstThursday = utc(`${year}-01-04`);
  const monday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * day + (number - 1) * 7 * day);
  const week = isoWeekOf(iso(monday));
  if (number < 1 || week.year !== year || week.number !== number) return { error: `${text} is not a week of ${year}` };
  return { from: iso(monday), to: iso(new Date(monday.getTime() + 6 * day)), label: weekLabel(week), week };
}

export function parseRange(from: string, to: string, isValidDate: (text: string) => boolean): DateRange | { error: string } {
  for (const [flag, value] of [['--from', from], ['--to', to]] as const) {
    if (!isValidDate(value)) return { error: `${flag} takes a date written YYYY-MM-DD; got "${value}"` };
  }
  if (from > to) return { error: `--from ${from} is after --to ${to}` };
  const week = isoWeekOf(from);
  const sameWeek = parseWeek(weekLabel(week));
  const isWholeWeek = !('error' in sameWeek) && sameWeek.from === from && sameWeek.to === to;
  return { from, to, label: isWholeWeek ? weekLabel(week) : `${from}_${to}`, week: isWholeWeek ? week : undefined };
}

export const inRange = (date: string, range: DateRange) => date >= range.from && date <= range.to;

/** The folder of a week under content/, as the samples name it: `2024-w31`. */
export const weekFolderName = (date: string) => weekLabel(isoWeekOf(date)).toLowerCase();

/** The week a folder is named for (`2024-w31`), if its name is one. */
export function weekOfFolder(name: string): DateRange | undefined {
  const match = /^(\d{4})-w(\d{2})$/i.exec(name);
  if (!match) return undefined;
  const week = parseWeek(`${match[1]}-W${match[2]}`);
  return 'error' in week ? undefined : week;
}

export const overlaps = (a: DateRange, b: DateRange) => a.from <= b.to && b.from <= a.to;
