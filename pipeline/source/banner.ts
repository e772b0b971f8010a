// A memo's banner: its level, plus the dissemination controls it declares apart from the level
// (`marking.dissem`, memo-formats.md §2): `level: SECRET` with `dissem: [NOFORN]` prints, and is
// judged, as SECRET//NOFORN. Everything that prints or compares a banner (the page, the marking
// rules, the book, the PDF's keywords) asks bannerText(), so none of them can disagree.
import type { Place } from './diagnostics.js';
import { abbreviatedInBanner, bannerSpelling, readCaveat } from './caveats.js';
import { closestWord } from './edit-distance.js';
import { parseBanner, type MarkingSystem } from './markings.js';
import type { Frontmatter } from './schema.js';

type Marking = Pick<Frontmatter['marking'], 'level' | 'dissem'>;

/** A control as a banner spells it: capitals, single spaces (`rel to usa,  jpn` → `REL TO USA, JPN`). */
const spelled = (value: string) => value.trim().replace(/\s+/g, ' ').toUpperCase();

const isControl = (name: string, system: MarkingSystem) => system.caveats.some((form) => form.banner === name);

/** The banner of a memo: `marking.level`, with each `marking.dissem` control it lacks added after `//`. */
export function bannerText(marking: Marking, system: MarkingSystem): string {
  const dissem = (marking.dissem ?? []).map(spelled).filter(Boolean);
  if (dissem.length === 0) return marking.level;
  const parsed = parseBanner(marking.level, system);
  // A level that does not parse is an error at marking.level already; print what was written.
  if (!parsed.ok) return [marking.level, dissem.join('/')].join('//');
  const categories = parsed.banner.categories.map((category) => [...category]);
  const present = new Set(categories.flat().map((value) => readCaveat(value, system).name));
  const added: string[] = [];
  for (const control of dissem) {
    const name = readCaveat(control, system).name;
    if (present.has(name)) continue;
    present.add(name);
    added.push(control);
  }
  if (added.length > 0) {
    // Controls share one category (`//NOFORN/ORCON`): the level's own, if it has one.
    const controls = categories.find((category) => category.every((value) => isControl(readCaveat(value, system).name, system)));
    if (controls) controls.push(...added);
    else categories.push(added);
  }
  return [parsed.banner.level.banner, ...categories.map((category) => category.join('/'))].join('//');
}

export interface DissemProblem {
  message: string;
  place: Place;
  severity: 'error' | 'warning';
  rule: string;
}

/** What is wrong with each `marking.dissem` value, at that value. */
export function dissemProblems(marking: Marking, system: MarkingSystem, locate: (path: readonly PropertyKey[], target?: 'key' | 'value') => Place): DissemProblem[] {
  const problems: DissemProblem[] = [];
  const parsed = parseBanner(marking.level, system);
  const inLevel = parsed.ok ? parsed.banner.categories.flat().map((value) => readCaveat(value, system)) : [];
  const known = system.caveats.map((form) => form.banner);
  const dissem = marking.dissem ?? [];
  dissem.forEach((value, index) => {
    const control = spelled(value);
    const problem = (message: string, severity: DissemProblem['severity'] = 'error') =>
      problems.push({ message: `marking.dissem "${value}" ${message}`, place: locate(['marking', 'dissem', index]), severity, rule: 'marking-dissem' });
    if (control.includes('/')) return problem('holds more than one control; write one control per item, e.g. dissem: [NOFORN, ORCON]');
    if (system.forbiddenInBanner.includes(control)) return problem('never goes inside the banner; remove it (set status: draft for a DRAFT line beside the banner)');
    const level = system.levels.find((candidate) => candidate.banner === control || candidate.portion === control);
    if (level) return problem(`is a level, not a dissemination control; set the level in marking.level (${level.banner}) and keep dissem for controls such as ${known[0] ?? 'NOFORN'}`);
    const spellOut = abbreviatedInBanner(control, system);
    if (spellOut) return problem(`abbreviates the control, as only a portion mark may; ${spellOut}`);
    // YAML splits `[REL TO USA, JPN]` at the comma: JPN arrives as a control of its own.
    const listBefore = [...dissem.slice(0, index)].reverse().find((earlier) => readCaveat(spelled(earlier), system).countries);
    if (listBefore && /^[A-Z]{2,3}$/.test(control) && !isControl(control, system)) {
      return problem(`reads as a country of "${listBefore}" before it, cut off because YAML splits a list at commas; put the whole control in quotes: "${[listBefore, ...dissem.slice(dissem.indexOf(listBefore) + 1, index + 1)].join(', ')}"`);
    }
    const caveat = readCaveat(control, system);
    const sameName = inLevel.find((other) => other.name === caveat.name);
    if (sameName && bannerSpelling(sameName) !== bannerSpelling(caveat)) {
      return problem(`differs from the ${bannerSpelling(sameName)} in marking.level "${marking.level}"; write it in one place`);
    }
    if (!isControl(caveat.name, system)) {
      // A slip of a known control would print a wrong banner on every page; another control may be real.
      const likely = closestWord(caveat.name, known);
      if (likely) return problem(`is not a dissemination control; did you mean ${likely}?`);
      return problem(`is not a dissemination control the ${system.name.toUpperCase()} marking system knows (${known.join(', ')}); check its spelling`, 'warning');
    }
    return undefined;
  });
  return problems;
}

/**
 * The highest of several banners, with every caveat any of them carries (R1 over a set: the
 * weekly book's memos, a redline's two versions). Banners that do not parse count for nothing.
 */
export function highestBanner(banners: readonly string[], system: MarkingSystem): string {
  let rank = 0;
  const caveats = new Set<string>();
  for (const banner of banners) {
    const parsed = parseBanner(banner, system);
    if (!parsed.ok) continue;
    rank = Math.max(rank, parsed.banner.rank);
    for (const category of parsed.banner.categories) caveats.add(category.join('/'));
  }
  return [system.levels[rank]!.banner, ...[...caveats].sort()].join('//');
}
