// ISO 8601 weeks at the year boundaries, where a week belongs to the year of its Thursday: a
// year that starts on a Thursday (or a leap year that starts on a Wednesday) has a week 53.
import { describe, expect, it } from 'vitest';
import { isoWeekOf, parseRange, parseWeek, weekFolderName } from '../../pipeline/run/book/week.js';

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

describe('ISO weeks at year boundaries', () => {
  it('2020-W53 exists: Monday 2020-12-28 to Sunday 2021-01-03', () => {
    expect(parseWeek('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03', label: '2020-W53', week: { year: 2020, number: 53 } });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, number: 53 });
    expect(isoWeekOf('2021-01-04')).toEqual({ year: 2021, number: 1 });
  });

  it('2024-12-30 is in 2025-W01, which starts in 2024', () => {
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, number: 1 });
    expect(isoWeekOf('2024-12-29')).toEqual({ year: 2024, number: 52 });
    expect(parseWeek('2025-W01')).toMatchObject({ from: '2024-12-30', to: '2025-01-05' });
    expect(weekFolderName('2024-12-31')).toBe('2025-w01');
  });

  it('2027-01-03 is in 2026-W53, and 2026-W53 exists', () => {
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, number: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, number: 1 });
    expect(parseWeek('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03', label: '2026-W53', week: { year: 2026, number: 53 } });
  });

  it('2025-W53 does not exist, nor does W00: each is an error that names the week', () => {
    expect(parseWeek('2025-W53')).toEqual({ error: '2025-W53 is not a week of 2025' });
    expect(parseWeek('2025-W00')).toEqual({ error: '2025-W00 is not a week of 2025' });
    expect(parseWeek('2025-W54')).toEqual({ error: '2025-W54 is not a week of 2025' });
  });

  it('a range that is exactly one boundary week is named as that week', () => {
    expect(parseRange('2020-12-28', '2021-01-03', isDate)).toMatchObject({ label: '2020-W53', week: { year: 2020, number: 53 } });
    expect(parseRange('2024-12-30', '2025-01-05', isDate)).toMatchObject({ label: '2025-W01' });
    expect(parseRange('2024-12-30', '2025-01-04', isDate)).toMatchObject({ label: '2024-12-30_2025-01-04', week: undefined });
  });
});
