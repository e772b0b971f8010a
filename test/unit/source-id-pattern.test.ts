// The ids `briefing new` makes: the pattern filled in, the number one above the highest of the
// same form, whatever the case or the number's width, and never one of another week or region.
import { describe, expect, it } from 'vitest';
import { idPatternProblem, nextId } from '../../pipeline/source/id-pattern.js';

const week31 = { region: 'EAP', week: '2024-W31', date: '2024-07-29' };

describe('nextId', () => {
  it('numbers from 1 in a week with no memo', () => {
    expect(nextId('{region}-{week}-{nnn}', week31, [])).toBe('EAP-2024-W31-001');
  });

  it('takes the number after the highest of the same region and week, gaps left alone', () => {
    const taken = ['EAP-2024-W31-001', 'eap-2024-w31-004', 'EAP-2024-W30-009', 'NEA-2024-W31-012', 'EAP-2024-W31-002-old'];
    expect(nextId('{region}-{week}-{nnn}', week31, taken)).toBe('EAP-2024-W31-005');
  });

  it('fills {year} and {date}, with as many digits as n', () => {
    expect(nextId('{region}{year}.{nnnn}', week31, ['EAP2024.0041'])).toBe('EAP2024.0042');
    expect(nextId('memo-{date}-{n}', week31, [])).toBe('memo-2024-07-29-1');
  });
});

describe('idPatternProblem', () => {
  it.each(['{region}-{week}-{nnn}', 'S-P_{year}.{nn}', '{nnn}'])('accepts %s', (pattern) => {
    expect(idPatternProblem(pattern)).toBeUndefined();
  });

  it.each([
    ['{region}-{week}', 'needs exactly one number'],
    ['{nn}-{nnn}', 'needs exactly one number'],
    ['{office}-{nnn}', '{office} is not a part of an id'],
    ['{region}/{nnn}', 'may hold only letters, digits'],
    ['-{nnn}', 'must start with a letter, a digit or a {part}'],
  ])('refuses %s', (pattern, problem) => {
    expect(idPatternProblem(pattern)).toContain(problem);
  });
});
