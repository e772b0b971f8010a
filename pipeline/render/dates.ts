// A memo's date is written out in the style of its language: "July 28, 2024" (en-US),
// "28 July 2024" (en-GB and most others), "2024年7月28日" (ja).

// A formatter per language: making one costs ~1 ms, and a memo formats several dates (its own,
// each source's access date, decide-by dates), once for the PDF and once for the .docx.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatMemoDate(isoDate: string, lang: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(lang, formatter);
  }
  return formatter.format(date);
}

/** US Letter for US English, A4 for everyone else (memo-formats.md §4). */
export const defaultPaperFor = (lang: string): 'letter' | 'a4' => (/^en-US$/i.test(lang) || /^en$/i.test(lang) ? 'letter' : 'a4');
