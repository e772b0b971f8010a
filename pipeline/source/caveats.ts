// Caveats (dissemination controls) are compared between a portion and the banner: every caveat
// of every portion must appear in the banner, or the banner under-marks the memo. A portion
// abbreviates what the banner spells out, `(S//NF)` under `SECRET//NOFORN`; which abbreviation
// stands for which word is the marking system's data (markings.ts), not code.
import type { CaveatForm, MarkingSystem } from './markings.js';

export interface Caveat {
  /** The banner's spelling, e.g. `NOFORN`, or `REL TO` for a country list. */
  name: string;
  /** Countries of a `REL TO USA, JPN` caveat; undefined when none are written (`(S//REL)`). */
  countries?: string[];
}

const formOf = (name: string, system: MarkingSystem): CaveatForm | undefined => system.caveats.find((form) => form.banner === name);

/** Reads one caveat value as written in a portion or a banner, in either spelling. */
export function readCaveat(value: string, system: MarkingSystem): Caveat {
  const written = value.trim().replace(/\s+/g, ' ').toUpperCase();
  for (const form of system.caveats) {
    // The banner's head first: `REL TO USA` also starts with the portion form `REL`.
    for (const head of [form.banner, form.portion]) {
      if (written === head) return { name: form.banner };
      if (form.countries && written.startsWith(`${head} `)) {
        const countries = written.slice(head.length + 1).split(/[\s,]+/).filter(Boolean);
        return { name: form.banner, countries };
      }
    }
  }
  return { name: written };
}

/** The caveat as the banner would spell it: `REL TO USA, JPN`. */
export function bannerSpelling(caveat: Caveat): string {
  return caveat.countries ? `${caveat.name} ${caveat.countries.join(', ')}` : caveat.name;
}

/** The caveat as a portion mark abbreviates it: `NF`, `REL TO USA, JPN`. */
export function portionSpelling(value: string, system: MarkingSystem): string {
  const caveat = readCaveat(value, system);
  const form = formOf(caveat.name, system);
  if (!form) return caveat.name;
  return caveat.countries ? `${form.banner} ${caveat.countries.join(', ')}` : form.portion;
}

/** Why a banner value is the portion abbreviation rather than the spelled-out caveat, if it is. */
export function abbreviatedInBanner(value: string, system: MarkingSystem): string | undefined {
  const written = value.trim().toUpperCase();
  const form = system.caveats.find((candidate) => {
    if (candidate.portion === candidate.banner || written.startsWith(candidate.banner)) return false;
    return written === candidate.portion || (candidate.countries === true && written.startsWith(`${candidate.portion} `));
  });
  if (!form) return undefined;
  return form.countries ? `write "${form.banner}" followed by its countries, e.g. ${form.banner} USA, JPN` : `spell it out as "${form.banner}"`;
}

export interface CaveatGap {
  /** The portion's caveat, as the banner should spell it. */
  caveat: Caveat;
  /** Countries the banner releases to that the portion is not released to. */
  extraCountries?: string[];
}

/**
 * The caveats of a portion that the banner does not carry. A stricter banner caveat covers a
 * looser one (NOFORN covers REL TO); a banner's REL TO list may not name a country that a
 * portion's list leaves out, since the banner releases the whole memo.
 */
export function caveatsMissingFromBanner(portion: string[][], banner: string[][], system: MarkingSystem): CaveatGap[] {
  const bannerCaveats = banner.flat().map((value) => readCaveat(value, system));
  const gaps: CaveatGap[] = [];
  for (const caveat of portion.flat().map((value) => readCaveat(value, system))) {
    const coveredBy = formOf(caveat.name, system)?.coveredBy ?? [];
    if (bannerCaveats.some((candidate) => coveredBy.includes(candidate.name))) continue;
    const match = bannerCaveats.find((candidate) => candidate.name === caveat.name);
    if (!match) {
      gaps.push({ caveat });
      continue;
    }
    if (caveat.countries && match.countries) {
      const extraCountries = match.countries.filter((country) => !caveat.countries!.includes(country));
      if (extraCountries.length > 0) gaps.push({ caveat, extraCountries });
    }
  }
  return gaps;
}
