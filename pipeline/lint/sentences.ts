// Counts sentences the way a reader would: the platform's sentence segmenter (it knows
// Japanese 。 too), then glued back where a full stop only ends an abbreviation ("U.S.",
// "Amb.", "A. Analyst"), which would otherwise make every State Department BLUF "too long".
const abbreviations = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'amb', 'gen', 'adm', 'lt', 'col', 'maj', 'capt', 'sgt', 'sen', 'rep', 'gov', 'pres', 'sec', 'dept',
    'st', 'no', 'vol', 'fig', 'approx', 'etc', 'vs', 'e.g', 'i.e', 'cf', 'al', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ].map((word) => word.toLowerCase()),
);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function endsInAbbreviation(segment: string): boolean {
  const lastWord = /(?:^|[\s(])([A-Za-z][A-Za-z.]*)\.\s*$/.exec(segment)?.[1];
  if (!lastWord) return false;
  // Initials and dotted abbreviations: "A.", "U.S.", "U.K.", "e.g."
  if (/^[A-Za-z](\.[A-Za-z])*$/.test(lastWord)) return true;
  return abbreviations.has(lastWord.toLowerCase());
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(text.trim())) {
    pending += segment;
    if (endsInAbbreviation(pending)) continue;
    if (pending.trim()) sentences.push(pending.trim());
    pending = '';
  }
  if (pending.trim()) sentences.push(pending.trim());
  return sentences;
}
