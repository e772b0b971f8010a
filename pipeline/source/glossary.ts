// Acronyms a memo may use without spelling them out: the shared `glossary.yml` of the content
// folder (and of any folder between it and the briefing, nearer files winning) plus the
// briefing's own `glossary:` map in its frontmatter, which wins over both.
//
//   acronyms:
//     EDD: Extended Deterrence Dialogue
//   country_codes: [US, JP, KR]   # printed as written: never expanded, never reported
import { readFileSync } from 'node:fs';
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
  /** The glossary files read, nearest last: part of a memo's inputs. */
  files: string[];
  problems: string[];
}

const acronym = z.string().regex(/^[A-Z][A-Za-z0-9&]{1,9}$/, { error: 'an acronym is 2–10 letters starting with a capital, e.g. EDD' });
const glossarySchema = z.strictObject({
  acronyms: z.record(acronym, z.string().trim().min(1)).optional(),
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

export function loadGlossary(files: string[], own: Record<string, string> = {}): Glossary {
  const glossary: Glossary = { acronyms: new Map(), plain: new Set(), files: [], problems: [] };
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // no glossary at this level
    }
    glossary.files.push(file);
    let raw: unknown;
    try {
      raw = parse(text, { maxAliasCount: 50 }) ?? {};
    } catch (error) {
      glossary.problems.push(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]}); fix the glossary file`);
      continue;
    }
    const parsed = glossarySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      glossary.problems.push(`${file}: ${issue.path.join('.') || 'glossary'}: ${issue.message}; fix the glossary file`);
      continue;
    }
    for (const [name, expansion] of Object.entries(parsed.data.acronyms ?? {})) glossary.acronyms.set(name, expansion);
    for (const code of parsed.data.country_codes ?? []) glossary.plain.add(code);
  }
  for (const [name, expansion] of Object.entries(own)) glossary.acronyms.set(name, expansion);
  return glossary;
}
