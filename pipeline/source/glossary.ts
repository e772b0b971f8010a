// Acronyms a memo may use without spelling them out: the shared `glossary.yml` of the content
// folder (and of any folder between it and the briefing, nearer files winning) plus the
// briefing's own `glossary:` map in its frontmatter, which wins over both.
//
//   acronyms:
//     EDD: Extended Deterrence Dialogue
//   country_codes: [US, JP, KR]   # printed as written: never expanded, never reported
//   regions: { EAP: East Asia and the Pacific }      # how the book's index names a tag
//   topics: { extended-deterrence: Extended deterrence }
//   countries: { EU: European Union }                # codes that are not ISO 3166 country codes
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { isInside } from '../paths.js';

export const glossaryFileName = 'glossary.yml';

export interface Glossary {
  /** Acronym → its expansion. */
  acronyms: Map<string, string>;
  /** Capitalised codes that are not acronyms to expand (country codes and the like). */
  plain: Set<string>;
  /** What the book's index prints for a tag, by kind and code (nearer files winning). */
  labels: TagLabels;
  /** The glossary files read, nearest last: part of a memo's inputs. */
  files: string[];
  problems: string[];
}

const acronym = z.string().regex(/^[A-Z][A-Za-z0-9&]{1,9}$/, { error: 'an acronym is 2–10 letters starting with a capital, e.g. EDD' });
/** Index labels of tags: region and topic codes, and country codes that ISO 3166 does not name. */
export interface TagLabels {
  regions: Map<string, string>;
  topics: Map<string, string>;
  countries: Map<string, string>;
}

const labelMap = z.record(z.string().min(1), z.string().trim().min(1, { error: 'write the label the index prints' })).optional();
const glossarySchema = z.strictObject({
  acronyms: z.record(acronym, z.string().trim().min(1)).optional(),
  regions: labelMap,
  topics: labelMap,
  countries: labelMap,
  country_codes: z.array(z.string().regex(/^[A-Z]{2,3}$/, { error: 'a country code is 2 or 3 capitals, e.g. JP' })).optional(),
});

/**
 * The glossary files that apply to a briefing, farthest first: from `top` down to the briefing's
 * folder. `top` is the working folder when the briefing is inside it (so `content/glossary.yml`
 * applies however the briefing was named on the command line), else the content folder given.
 */
export function glossaryFilesFor(briefingPath: string, root: string, cwd: string): string[] {
  const folder = path.dirname(briefingPath);
  const top = isInside(folder, cwd) ? cwd : root;
  const folders: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    folders.unshift(current);
    if (current === top || !isInside(current, top) || path.dirname(current) === current) break;
  }
  return folders.map((each) => path.join(each, glossaryFileName));
}

interface GlossaryFile {
  acronyms: [string, string][];
  plain: string[];
  labels?: { regions: [string, string][]; topics: [string, string][]; countries: [string, string][] };
  problem?: string;
}

/** Parsed glossary files by path, kept while the file's size and time stay the same: every
 *  memo of a folder reads the same glossary, and parsing it again per memo was a tenth of `check`. */
const parsedFiles = new Map<string, { stamp: string; parsed: GlossaryFile }>();

function readGlossaryFile(file: string): GlossaryFile | undefined {
  let stamp: string;
  try {
    const info = statSync(file);
    stamp = `${info.size}:${info.mtimeMs}`;
  } catch {
    return undefined; // no glossary at this level
  }
  const known = parsedFiles.get(file);
  if (known?.stamp === stamp) return known.parsed;
  const parsed = parseGlossaryFile(file);
  if (parsed) parsedFiles.set(file, { stamp, parsed });
  return parsed;
}

function parseGlossaryFile(file: string): GlossaryFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 50 }) ?? {};
  } catch (error) {
    return { acronyms: [], plain: [], problem: `${file}: not valid YAML (${(error as Error).message.split('\n')[0]}); fix the glossary file` };
  }
  const parsed = glossarySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { acronyms: [], plain: [], problem: `${file}: ${issue.path.join('.') || 'glossary'}: ${issue.message}; fix the glossary file` };
  }
  const { data } = parsed;
  return {
    acronyms: Object.entries(data.acronyms ?? {}),
    plain: data.country_codes ?? [],
    labels: { regions: Object.entries(data.regions ?? {}), topics: Object.entries(data.topics ?? {}), countries: Object.entries(data.countries ?? {}) },
  };
}

export function loadGlossary(files: string[], own: Record<string, string> = {}): Glossary {
  const glossary: Glossary = { acronyms: new Map(), plain: new Set(), labels: { regions: new Map(), topics: new Map(), countries: new Map() }, files: [], problems: [] };
  for (const file of files) {
    const parsed = readGlossaryFile(file);
    if (!parsed) continue;
    glossary.files.push(file);
    if (parsed.problem) {
      glossary.problems.push(parsed.problem);
      continue;
    }
    for (const [name, expansion] of parsed.acronyms) glossary.acronyms.set(name, expansion);
    for (const code of parsed.plain) glossary.plain.add(code);
    for (const kind of ['regions', 'topics', 'countries'] as const) for (const [code, label] of parsed.labels?.[kind] ?? []) glossary.labels[kind].set(code, label);
  }
  for (const [name, expansion] of Object.entries(own)) glossary.acronyms.set(name, expansion);
  return glossary;
}
