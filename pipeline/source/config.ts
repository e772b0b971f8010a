// Team settings live in briefing.config.yml in the working folder: the issuing office, the
// marking system, printing limits. Validated like frontmatter; a bad config is a usage error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { defaultTemplatesFolder } from '../project.js';
import { defaultHouse, houseNames } from './house-names.js';
import { ConfigError, configFileName } from './config-error.js';
import { readLetterhead, type Letterhead } from './letterhead.js';
import { markingSystems, type MarkingSystem } from './markings.js';

export { configFileName } from './config-error.js';

const lintSeverity = z.enum(['off', 'warning', 'error'], { error: 'write off, warning or error' });

export interface LintConfig {
  rules: Record<string, 'off' | 'warning' | 'error' | ['off' | 'warning' | 'error', Record<string, unknown>]>;
  /** Absolute paths of rule modules. */
  plugins: string[];
}

const configSchema = z.strictObject({
  office: z.string().min(1).optional(),
  markings: z.enum(Object.keys(markingSystems) as [string, ...string[]]).optional(),
  pool_size: z.number().int().min(1).max(16).optional(),
  print_timeout_seconds: z.number().positive().max(3600).optional(),
  number_first_page: z.boolean().optional(),
  // A team's own copy of the templates/ folder (relative to this file); the tool's by default.
  templates: z.string().min(1).optional(),
  // The house style every memo prints in unless its frontmatter names another (templates/houses/).
  style: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'write the name of a folder of templates/houses/, e.g. state' }).optional(),
  // The office's letterhead on page 1: its seal or logo (an image in this folder), name, address.
  letterhead: z
    .strictObject({
      seal: z.string().min(1).optional(),
      office: z.string().min(1).optional(),
      address: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  // Memo lint (pipeline/lint/): a rule's severity or `off`, `[severity, { options }]`, and
  // modules with a team's own rules, relative to this file.
  lint: z
    .strictObject({
      rules: z.record(z.string(), z.union([lintSeverity, z.tuple([lintSeverity, z.record(z.string(), z.unknown())])])).optional(),
      plugins: z.array(z.string().min(1)).optional(),
    })
    .optional(),
});

export interface BriefingConfig {
  office: string;
  markings: MarkingSystem;
  poolSize?: number;
  printTimeoutMs: number;
  /** Whether page 1 carries a page number; undefined: as the memo's house style says. */
  numberFirstPage?: boolean;
  /** Folder of the Handlebars templates, partials and stylesheets. */
  templatesFolder: string;
  /** The house style of a memo that names none (a folder of templates/houses/). */
  style: string;
  /** Every house style the templates offer: a memo's `style:` names one of them. */
  houses: string[];
  letterhead?: Letterhead;
  lint?: LintConfig;
  /** The config file's bytes, part of every output's cache key. */
  fingerprint: string;
}

export { ConfigError } from './config-error.js';

export function loadConfig(cwd = process.cwd()): BriefingConfig {
  const file = path.join(cwd, configFileName);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // No config file: the defaults below.
  }
  let raw: unknown = {};
  try {
    raw = text ? parse(text, { maxAliasCount: 50 }) ?? {} : {};
  } catch (error) {
    throw new ConfigError(`${configFileName}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${configFileName}: ${issue.path.join('.') || 'config'}: ${issue.message}`);
  }
  const settings = parsed.data;
  const templatesFolder = settings.templates ? path.resolve(cwd, settings.templates) : defaultTemplatesFolder;
  const style = settings.style ?? defaultHouse;
  const houses = houseNames(templatesFolder);
  if (!houses.includes(style)) {
    throw new ConfigError(`${configFileName}: style: there is no house style "${style}" in ${templatesFolder}/houses; the styles are ${houses.join(', ') || 'none'}`);
  }
  const office = settings.office ?? 'Office of the Policy Planning Staff';
  return {
    office,
    markings: markingSystems[settings.markings ?? 'us']!,
    poolSize: settings.pool_size,
    printTimeoutMs: (settings.print_timeout_seconds ?? 60) * 1000,
    numberFirstPage: settings.number_first_page,
    templatesFolder,
    style,
    houses,
    letterhead: settings.letterhead ? readLetterhead(settings.letterhead, office, cwd) : undefined,
    lint: { rules: settings.lint?.rules ?? {}, plugins: (settings.lint?.plugins ?? []).map((plugin) => path.resolve(cwd, plugin)) },
    // The house styles there are decide whether a memo's style: is known.
    fingerprint: `${text}\n# houses: ${houses.join(' ')}`,
  };
}
