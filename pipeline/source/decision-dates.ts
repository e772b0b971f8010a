// An action memo's decide-by date should leave the principal time to read, ask and decide:
// fewer than five business days (Monday to Friday; public holidays are not known here) after
// the memo's date is a warning on that recommendation's decide_by key.
import type { Briefing } from '../types.js';
import type { Place } from './diagnostics.js';

export const minimumBusinessDays = 5;

const utcDay = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
};

/** Weekdays after `from` up to and including `to` (negative when `to` is earlier). */
export function businessDaysBetween(from: string, to: string): number {
  const start = utcDay(from);
  const end = utcDay(to);
  const sign = end < start ? -1 : 1;
  let count = 0;
  for (let day = Math.min(start, end) + 86_400_000; day <= Math.max(start, end); day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return sign * count;
}

export interface DecisionDateProblem {
  message: string;
  place: Place;
  rule: string;
}

export function checkDecisionDates(briefing: Pick<Briefing, 'frontmatter' | 'locate'>): DecisionDateProblem[] {
  const { frontmatter, locate } = briefing;
  if (frontmatter.type !== 'action-memo') return [];
  const problems: DecisionDateProblem[] = [];
  frontmatter.recommendations.forEach((recommendation, index) => {
    const decideBy = recommendation.decide_by;
    if (!decideBy) return;
    const days = businessDaysBetween(frontmatter.date, decideBy);
    const place = locate(['recommendations', index, 'decide_by'], 'key');
    if (utcDay(decideBy) < utcDay(frontmatter.date)) {
      problems.push({ message: `decide_by ${decideBy} is before the memo's date (${frontmatter.date}); correct one of the two dates`, place, rule: 'decide-by' });
    } else if (days < minimumBusinessDays) {
      problems.push({
        message: `decide_by ${decideBy} is ${days} business day${days === 1 ? '' : 's'} after the memo's date (${frontmatter.date}); allow at least ${minimumBusinessDays}, or say in the memo why the decision cannot wait`,
        place,
        rule: 'decide-by',
      });
    }
  });
  return problems;
}
