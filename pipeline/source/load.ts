// The source stage for one file: bytes → text → frontmatter → validated Briefing. Every
// problem becomes a positioned message on the briefing's vfile; nothing here throws.
import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { bannerText, dissemProblems } from './banner.js';
import type { Briefing, SourceFile } from '../types.js';
import { briefingFile, hasErrors, reportError, reportWarning } from './diagnostics.js';
import type { FoundBriefing } from './discover.js';
import { splitBriefing } from './frontmatter.js';
import { parseBanner, usMarkings, type MarkingSystem } from './markings.js';
import { bodyPlaceholders, frontmatterPlaceholders } from './placeholders.js';
import { validateFrontmatter } from './validate.js';

/**
 * Larger sources are refused before parsing. A real memo is a few kilobytes and a long policy
 * brief about 100 KB; Markdown parsing costs ~5 s and ~400 MB of memory per megabyte, so a
 * 10 MB file would take minutes and gigabytes before failing anywhere else.
 */
export const maxSourceBytes = 1024 * 1024;

export interface LoadedBriefing {
  file: VFile;
  source?: SourceFile;
  briefing?: Briefing;
  /**
   * The frontmatter as YAML read it, before the schema: what can still be told of a briefing
   * that has errors (its date and status, for the weekly book).
   */
  data?: unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeSource(bytes: Buffer): { text: string } | { problem: string } {
  if (bytes.length > maxSourceBytes) {
    return {
      problem: `the file is ${(bytes.length / 1048576).toFixed(1)} MB; a briefing may be at most ${maxSourceBytes / 1048576} MB (a long brief is about 0.1 MB): split it into several briefings, or move long tables into an attachment`,
    };
  }
  if (bytes.includes(0)) return { problem: 'the file is binary, not Markdown text; save the briefing as UTF-8 text' };
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { problem: 'the file is not valid UTF-8 text; save it as UTF-8 (your editor\'s "Save with encoding" option)' };
  }
}

export async function readSource(found: FoundBriefing): Promise<SourceFile> {
  return { ...found, bytes: await readFile(found.path) };
}

/**
 * `houses` are the house styles of the templates in use (config.ts): a memo's `style:` must
 * name one of them. Without them (a caller that does not render) the style is not checked.
 */
export function loadBriefing(source: SourceFile, cwd = process.cwd(), markings: MarkingSystem = usMarkings, houses?: readonly string[]): LoadedBriefing {
  const file = briefingFile(source.path, cwd);
  const decoded = decodeSource(source.bytes);
  if ('problem' in decoded) {
    reportError(file, decoded.problem, { line: 1, column: 1 }, 'encoding');
    return { file, source };
  }
  file.value = decoded.text;
  const split = splitBriefing(decoded.text);
  for (const problem of split.problems) reportError(file, problem.message, problem.place, problem.rule);
  if (split.problems.length > 0) return { file, source };
  const data = split.data;

  // A scaffold's placeholders first: they are what an author of a new memo has left to do.
  const lines = decoded.text.replace(/\r\n?/g, '\n').split('\n');
  for (const problem of [...frontmatterPlaceholders(data, split.locate, lines), ...bodyPlaceholders(split.body)]) reportError(file, problem.message, problem.place, problem.rule);

  const validation = validateFrontmatter(split);
  for (const problem of validation.errors) reportError(file, problem.message, problem.place, problem.rule);
  for (const problem of validation.warnings) reportWarning(file, problem.message, problem.place, problem.rule);
  if (!validation.frontmatter || hasErrors(file)) return { file, source, data };

  const { marking } = validation.frontmatter;
  const level = parseBanner(marking.level, markings);
  if (!level.ok) reportError(file, level.reason, split.locate(['marking', 'level']), 'marking-syntax');
  for (const problem of dissemProblems(marking, markings, split.locate)) {
    (problem.severity === 'error' ? reportError : reportWarning)(file, problem.message, problem.place, problem.rule);
  }
  if (hasErrors(file)) return { file, source, data };
  // What the level and the controls make together must be a banner too (R4).
  const banner = parseBanner(bannerText(marking, markings), markings);
  if (!banner.ok) reportError(file, banner.reason, split.locate(['marking', 'dissem'], 'key'), 'marking-syntax');
  if (hasErrors(file)) return { file, source, data };
  const { style } = validation.frontmatter;
  if (style !== undefined && houses && !houses.includes(style)) {
    reportError(file, `style "${style}" is not a house style of the templates; use one of ${houses.join(', ')} (or leave style: out for the config's)`, split.locate(['style']), 'style');
    return { file, source, data };
  }

  return { file, source, data, briefing: { source, frontmatter: validation.frontmatter, body: split.body, file, locate: split.locate, markings } };
}
