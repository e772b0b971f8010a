// A house style is an office's look, a folder templates/houses/<name>/: house.yml holds the
// few decisions a stylesheet cannot make (what a memo is called, how tabs and pages are
// numbered, whether page 1 carries the letterhead), house.css its look (every rule scoped to
// `.house-<name>`, so memos of several houses can share one weekly book), and any template or
// partial of templates/ it replaces. Everything it does not replace is shared.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../source/config-error.js';
import { defaultHouse, housesFolder } from '../source/house-names.js';
import type { MemoType } from '../source/schema.js';

export interface HouseStyle {
  name: string;
  /** templates/houses/<name>/; none for the implicit house of a templates copy without houses/. */
  folder?: string;
  description: string;
  /** What the memo calls itself: INFORMATION MEMO, INFO MEMO, POLICY BRIEF… */
  memoKinds: Record<MemoType, string>;
  /** Tab A, B, … or Tab 1, 2, … */
  tabs: 'letters' | 'numbers';
  pageNumbers: {
    /** `Page 2 of 3`, or the number alone. */
    format: 'page-of-pages' | 'number';
    place: 'bottom-right' | 'bottom-center';
    /** Whether page 1 carries its number (DoD practice: it does not). */
    firstPage: boolean;
  };
  /** Whether page 1 carries the office's letterhead from the config. */
  letterhead: boolean;
  /** house.yml and the house's stylesheets: what a memo of the house depends on besides templates. */
  files: string[];
  /** The house's stylesheets, joined. */
  stylesheet: string;
}

const kinds = z.strictObject({
  'info-memo': z.string().min(1).optional(),
  'action-memo': z.string().min(1).optional(),
  'policy-brief': z.string().min(1).optional(),
});

const houseFile = z.strictObject({
  description: z.string().min(1),
  memo_kinds: kinds.optional(),
  tabs: z.enum(['letters', 'numbers'], { error: 'write letters (Tab A, B) or numbers (Tab 1, 2)' }).optional(),
  page_numbers: z
    .strictObject({
      format: z.enum(['page-of-pages', 'number'], { error: 'write page-of-pages ("Page 2 of 3") or number ("2")' }).optional(),
      place: z.enum(['bottom-right', 'bottom-center'], { error: 'write bottom-right or bottom-center' }).optional(),
      first_page: z.boolean().optional(),
    })
    .optional(),
  letterhead: z.boolean().optional(),
});

const defaultKinds: Record<MemoType, string> = {
  'info-memo': 'INFORMATION MEMO',
  'action-memo': 'ACTION MEMO',
  'policy-brief': 'POLICY BRIEF',
};

const implicitHouse = (name: string): HouseStyle => ({
  name,
  description: 'the templates as they are',
  memoKinds: defaultKinds,
  tabs: 'letters',
  pageNumbers: { format: 'page-of-pages', place: 'bottom-right', firstPage: true },
  letterhead: true,
  files: [],
  stylesheet: '',
});

/** Reads templates/houses/<name>/; a mistake in its house.yml is a usage error naming the file. */
export function loadHouse(templatesFolder: string, name: string): HouseStyle {
  const root = housesFolder(templatesFolder);
  if (!existsSync(root) && name === defaultHouse) return implicitHouse(name);
  const folder = path.join(root, name);
  const settingsFile = path.join(folder, 'house.yml');
  let raw: unknown;
  try {
    raw = parse(readFileSync(settingsFile, 'utf8'), { maxAliasCount: 10 });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `is not valid YAML (${(error as Error).message.split('\n')[0]})`;
    throw new ConfigError(`${settingsFile}: ${reason}; every folder of ${root} needs a house.yml`);
  }
  const parsed = houseFile.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${settingsFile}: ${issue.path.join('.') || 'house.yml'}: ${issue.message}`);
  }
  const settings = parsed.data;
  const styleFiles = readdirSync(folder)
    .filter((file) => file.endsWith('.css'))
    .sort()
    .map((file) => path.join(folder, file));
  return {
    name,
    folder,
    description: settings.description,
    memoKinds: { ...defaultKinds, ...settings.memo_kinds },
    tabs: settings.tabs ?? 'letters',
    pageNumbers: {
      format: settings.page_numbers?.format ?? 'page-of-pages',
      place: settings.page_numbers?.place ?? 'bottom-right',
      firstPage: settings.page_numbers?.first_page ?? true,
    },
    letterhead: settings.letterhead ?? true,
    files: [settingsFile, ...styleFiles],
    stylesheet: styleFiles.map((file) => readFileSync(file, 'utf8')).join('\n'),
  };
}
