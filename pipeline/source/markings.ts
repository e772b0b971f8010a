// The marking system is data: a table of levels (lowest first) with their banner words and
// portion abbreviations. A UK or NATO scheme is another table, chosen in the config.
import { abbreviatedInBanner } from './caveats.js';

export interface MarkingLevel {
  /** Spelled-out banner word(s), e.g. `SECRET`. */
  banner: string;
  /** Portion mark abbreviation, e.g. `S` in `(S)`. */
  portion: string;
  /** Whether the level is classified (needs an authority block, R5). */
  classified: boolean;
  /** Whether the level is controlled or sensitive though unclassified (CUI, OFFICIAL-SENSITIVE). */
  controlled: boolean;
  /**
   * The designation block page 1 must carry (R6), if any. Only US CUI has one (32 CFR 2002.20);
   * a controlled level of another scheme, such as UK OFFICIAL-SENSITIVE, has none.
   */
  designationBlock?: 'cui';
  /** Optional colour band (SF 706–712). */
  colour: string;
}

export interface MarkingSystem {
  name: string;
  levels: MarkingLevel[];
  /** Words that never go inside a banner (R4); they print beside it instead. */
  forbiddenInBanner: string[];
  /**
   * Caveats whose portion form differs from the banner's (CAPCO: `(S//NF)` under
   * `SECRET//NOFORN`). A caveat not listed is written the same in both.
   */
  caveats: CaveatForm[];
}

export interface CaveatForm {
  /** As the banner spells it, e.g. `NOFORN`, or the head of a list, `REL TO`. */
  banner: string;
  /** As a portion mark abbreviates it, e.g. `NF`; the banner form is accepted in a portion too. */
  portion: string;
  /** Followed by a list of countries (`REL TO USA, JPN`); a portion may leave the list out. */
  countries?: boolean;
  /** Stricter banner caveats that cover this one: a REL TO portion under a NOFORN banner. */
  coveredBy?: string[];
}

export const usMarkings: MarkingSystem = {
  name: 'us',
  levels: [
    { banner: 'UNCLASSIFIED', portion: 'U', classified: false, controlled: false, colour: '#007a33' },
    { banner: 'CUI', portion: 'CUI', classified: false, controlled: true, designationBlock: 'cui', colour: '#502b85' },
    { banner: 'CONFIDENTIAL', portion: 'C', classified: true, controlled: false, colour: '#0033a0' },
    { banner: 'SECRET', portion: 'S', classified: true, controlled: false, colour: '#c8102e' },
    { banner: 'TOP SECRET', portion: 'TS', classified: true, controlled: false, colour: '#ff8c00' },
  ],
  forbiddenInBanner: ['DRAFT', 'PRE-DECISIONAL', 'PREDECISIONAL', 'DELIBERATIVE', 'WORKING PAPER'],
  // CAPCO register: dissemination controls with a portion abbreviation of their own.
  caveats: [
    { banner: 'NOFORN', portion: 'NF' },
    { banner: 'ORCON', portion: 'OC' },
    { banner: 'ORCON-USGOV', portion: 'OC-USGOV' },
    { banner: 'PROPIN', portion: 'PR' },
    { banner: 'IMCON', portion: 'IMC' },
    { banner: 'RELIDO', portion: 'RELIDO', coveredBy: ['NOFORN'] },
    { banner: 'REL TO', portion: 'REL', countries: true, coveredBy: ['NOFORN'] },
    { banner: 'FOUO', portion: 'FOUO' },
    { banner: 'LIMDIS', portion: 'DS' },
  ],
};

export const ukMarkings: MarkingSystem = {
  name: 'uk',
  levels: [
    { banner: 'OFFICIAL', portion: 'O', classified: false, controlled: false, colour: '#007a33' },
    { banner: 'OFFICIAL-SENSITIVE', portion: 'OS', classified: false, controlled: true, colour: '#502b85' },
    { banner: 'SECRET', portion: 'S', classified: true, controlled: false, colour: '#c8102e' },
    { banner: 'TOP SECRET', portion: 'TS', classified: true, controlled: false, colour: '#ff8c00' },
  ],
  forbiddenInBanner: ['DRAFT'],
  caveats: [{ banner: 'UK EYES ONLY', portion: 'UKEO' }],
};

export const markingSystems: Record<string, MarkingSystem> = { us: usMarkings, uk: ukMarkings };

/** A banner split into its level and its caveat categories (R4: `LEVEL//CAT/VAL//CAT`). */
export interface ParsedBanner {
  level: MarkingLevel;
  rank: number;
  categories: string[][];
}

export type BannerParse = { ok: true; banner: ParsedBanner } | { ok: false; reason: string };

/** Parses `SECRET//NOFORN` against a marking system; the reason says how to fix a bad one. */
export function parseBanner(text: string, system: MarkingSystem): BannerParse {
  const parts = text.split('//').map((part) => part.trim());
  const head = parts[0] ?? '';
  const rank = system.levels.findIndex((level) => level.banner === head);
  if (rank < 0) {
    const byAbbreviation = system.levels.find((level) => level.portion === head);
    const known = system.levels.map((level) => level.banner).join(', ');
    return {
      ok: false,
      reason: byAbbreviation
        ? `marking "${text}" abbreviates the level; spell it out as "${byAbbreviation.banner}" in the banner`
        : `marking "${text}" does not start with a known level; use one of ${known}`,
    };
  }
  const categories = parts.slice(1).map((category) => category.split('/').map((value) => value.trim()));
  for (const values of categories) {
    for (const value of values) {
      if (value === '') return { ok: false, reason: `marking "${text}" has an empty category; separate categories with // and values with /` };
      if (system.forbiddenInBanner.includes(value.toUpperCase())) {
        return { ok: false, reason: `"${value}" never goes inside the banner "${text}"; remove it (set status: draft for a DRAFT line beside the banner)` };
      }
      const spellOut = abbreviatedInBanner(value, system);
      if (spellOut) return { ok: false, reason: `marking "${text}" abbreviates the caveat "${value}", as only a portion mark may; ${spellOut} in the banner` };
    }
  }
  return { ok: true, banner: { level: system.levels[rank]!, rank, categories } };
}
