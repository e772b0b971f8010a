// The marking rules of memo-formats.md §2, applied to a whole briefing once its portions are
// known. Each problem names the rule, where it is, and what to change. Pure: it reads values
// and returns problems; the transform reports them on the briefing's file.
import type { Briefing } from '../types.js';
import type { Place } from './diagnostics.js';
import { bannerText } from './banner.js';
import { bannerSpelling, caveatsMissingFromBanner } from './caveats.js';
import { parseBanner, type MarkingSystem, type ParsedBanner } from './markings.js';
import { parsePortionMark, type Portion } from './portion-marks.js';

export interface MarkingProblem {
  message: string;
  place: Place;
  rule: string;
}

/** `YYYYMMDD` that is a real calendar date. */
export function isDeclassifyDate(text: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Frontmatter values that print as portions of the memo (the title is judged on its own, R3). */
export function frontmatterPortions(briefing: Pick<Briefing, 'frontmatter' | 'locate'>, system: MarkingSystem, problems: MarkingProblem[]): Portion[] {
  const { frontmatter, locate } = briefing;
  const portions: Portion[] = [];
  const add = (kind: Portion['kind'], text: string | undefined, path: PropertyKey[]) => {
    if (text === undefined) return;
    const place = locate(path, 'value');
    const parsed = parsePortionMark(text, system);
    if (parsed.kind === 'invalid') problems.push({ message: parsed.reason, place, rule: 'portion-mark-syntax' });
    portions.push({ kind, mark: parsed.kind === 'mark' ? parsed.mark : undefined, inherited: false, place });
  };
  add('BLUF', frontmatter.bluf, ['bluf']);
  if (frontmatter.type === 'policy-brief') frontmatter.key_points?.forEach((point, index) => add('key point', point, ['key_points', index]));
  if (frontmatter.type === 'action-memo') frontmatter.recommendations.forEach((item, index) => add('recommendation', item.text, ['recommendations', index, 'text']));
  return portions;
}

export function checkMarkingRules(briefing: Pick<Briefing, 'frontmatter' | 'locate'>, bodyPortions: Portion[], system: MarkingSystem): MarkingProblem[] {
  const { frontmatter, locate } = briefing;
  const problems: MarkingProblem[] = [];
  // The banner is the level with the memo's dissemination controls (banner.ts).
  const bannerWords = bannerText(frontmatter.marking, system);
  const banner = parseBanner(bannerWords, system);
  // A malformed banner is already an error (R4, source/load.ts); nothing to compare against.
  if (!banner.ok) return problems;
  const bannerRank = banner.banner.rank;
  const level = banner.banner.level;
  const levelPlace = locate(['marking', 'level'], 'value');

  const titleParse = parsePortionMark(frontmatter.title, system);
  if (titleParse.kind === 'invalid') problems.push({ message: titleParse.reason, place: locate(['title'], 'value'), rule: 'portion-mark-syntax' });
  const title: Portion = { kind: 'title', mark: titleParse.kind === 'mark' ? titleParse.mark : undefined, inherited: false, place: locate(['title'], 'value') };
  const portions = [...frontmatterPortions(briefing, system, problems), ...bodyPortions];
  const marked = [title, ...portions].filter((portion) => portion.mark && !portion.inherited);

  // R1: no portion above the banner; a banner above every portion needs a compilation reason.
  for (const portion of marked) {
    if (portion.mark!.rank <= bannerRank) continue;
    const higher = system.levels[portion.mark!.rank]!;
    const letterHint = /^[A-Z]$/.test(portion.mark!.text) ? ` (if "(${portion.mark!.text})" is a list letter, not a marking, write "${portion.mark!.text}." instead)` : '';
    problems.push({
      message: `${portion.kind} marked (${portion.mark!.text}) is higher than the banner "${bannerWords}"; raise marking.level to ${higher.banner} or re-mark this ${portion.kind}${letterHint}`,
      place: portion.place,
      rule: 'portion-above-banner',
    });
  }
  problems.push(...checkCaveats(marked, banner.banner, bannerWords, frontmatter.marking.dissem !== undefined, system));
  if (marked.length > 0 && !frontmatter.marking.compilation_reason) {
    const highest = Math.max(...marked.map((portion) => portion.mark!.rank));
    if (highest < bannerRank) {
      const top = system.levels[highest]!;
      problems.push({
        message: `banner "${bannerWords}" is higher than every portion (the highest is (${top.portion})); lower marking.level to ${top.banner}, or add marking.compilation_reason if the compilation itself is ${level.banner}`,
        place: levelPlace,
        rule: 'banner-above-portions',
      });
    }
  }
  if (marked.length === 0 && level.classified) {
    problems.push({
      message: `a ${level.banner} memo must be portion-marked; open the title and every paragraph, heading and list item with a mark such as (${level.portion}) or (U)`,
      place: levelPlace,
      rule: 'portion-marks-required',
    });
  }

  // R2: all or none. R3: the title is marked when the body is.
  if (marked.length > 0) {
    for (const portion of portions) {
      if (portion.mark) continue;
      problems.push({
        message: `this ${portion.kind} has no portion mark, but other portions of the memo do; open it with one, e.g. (${system.levels[0]!.portion})`,
        place: portion.place,
        rule: 'portion-unmarked',
      });
    }
    if (!title.mark) {
      problems.push({
        message: `the title has no portion mark, but the memo is portion-marked; open the title with one, e.g. "(${system.levels[0]!.portion}) ${frontmatter.title.slice(0, 30)}…"`,
        place: locate(['title'], 'key'),
        rule: 'title-unmarked',
      });
    }
  }

  problems.push(...checkAuthorityBlocks(briefing, level));
  return problems;
}

/** R1 for caveats: every caveat of every portion appears in the banner, `(S//NF)` → `SECRET//NOFORN`. */
function checkCaveats(marked: Portion[], banner: ParsedBanner, bannerWords: string, hasDissem: boolean, system: MarkingSystem): MarkingProblem[] {
  const problems: MarkingProblem[] = [];
  for (const portion of marked) {
    for (const gap of caveatsMissingFromBanner(portion.mark!.caveats, banner.categories, system)) {
      const caveat = bannerSpelling(gap.caveat);
      const message = gap.extraCountries
        ? `${portion.kind} marked (${portion.mark!.text}) is releasable only to ${gap.caveat.countries!.join(', ')}, but the banner "${bannerWords}" also releases to ${gap.extraCountries.join(', ')}; drop ${gap.extraCountries.length > 1 ? 'them' : 'it'} from the banner's ${gap.caveat.name} list or re-mark this ${portion.kind}`
        : `${portion.kind} marked (${portion.mark!.text}) carries ${caveat}, which the banner "${bannerWords}" lacks; every portion's caveats must appear in the banner: ${
            hasDissem ? 'add it to marking.dissem' : `add it to marking.level (e.g. "${bannerWords}${banner.categories.length > 0 ? '/' : '//'}${caveat}") or to marking.dissem,`
          } or re-mark this ${portion.kind}`;
      problems.push({ message, place: portion.place, rule: 'portion-caveat-not-in-banner' });
    }
  }
  return problems;
}

/** R5: a classified memo carries its authority block. R6: a CUI memo carries its designation block. */
function checkAuthorityBlocks(briefing: Pick<Briefing, 'frontmatter' | 'locate'>, level: MarkingSystem['levels'][number]): MarkingProblem[] {
  const { frontmatter, locate } = briefing;
  const problems: MarkingProblem[] = [];
  const authority = frontmatter.marking.authority;
  if (level.classified) {
    const original = Boolean(authority?.classified_by && authority.reason);
    const derivative = Boolean(authority?.derived_from);
    if (!authority) {
      problems.push({
        message: `a ${level.banner} memo needs an authority block; add marking.authority with classified_by, reason and declassify_on (or derived_from and declassify_on for derivative classification)`,
        place: locate(['marking'], 'key'),
        rule: 'authority-block',
      });
    } else if ((!original && !derivative) || !authority.declassify_on) {
      const missing = [
        ...(!original && !derivative ? [authority.classified_by ? 'reason' : authority.reason ? 'classified_by' : 'classified_by and reason (or derived_from)'] : []),
        ...(!authority.declassify_on ? ['declassify_on'] : []),
      ];
      problems.push({
        message: `the authority block of a ${level.banner} memo is missing ${missing.join(' and ')}; add ${missing.length > 1 ? 'them' : 'it'} under marking.authority`,
        place: locate(['marking', 'authority'], 'key'),
        rule: 'authority-block',
      });
    }
    const declassifyOn = authority?.declassify_on;
    // A date must be YYYYMMDD; anything else is read as an event ("Completion of the operation").
    if (declassifyOn && /^[\d\s./-]+$/.test(declassifyOn) && !isDeclassifyDate(declassifyOn.trim())) {
      problems.push({
        message: `declassify_on "${declassifyOn}" is not a date written YYYYMMDD (e.g. 20490728); write the date that way, or describe the event`,
        place: locate(['marking', 'authority', 'declassify_on'], 'value'),
        rule: 'authority-block',
      });
    }
  }
  if (level.designationBlock === 'cui' && !frontmatter.marking.cui) {
    problems.push({
      message: `a ${level.banner} memo needs its designation block; add marking.cui with controlled_by, category and poc (and distribution where it applies)`,
      place: locate(['marking'], 'key'),
      rule: 'cui-block',
    });
  }
  return problems;
}
