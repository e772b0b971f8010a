// Team settings live in briefing.config.yml: the issuing office, the marking system, printing
// limits. The file is the one --config names, or the nearest one found walking up from the
// working folder (find-config.ts); paths in it are relative to its own folder. Validated like
// frontmatter; every problem is named at its line and column, all of them in one go, and a bad
// config is a usage error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { defaultTemplatesFolder } from '../project.js';
import { defaultHouse, houseNames } from './house-names.js';
import { ConfigError, configFileName } from './config-error.js';
import { closestWord } from './edit-distance.js';
import { findConfigFile } from './find-config.js';
import { defaultIdPattern, idPatternProblem } from './id-pattern.js';
import { readLetterhead, type Letterhead } from './letterhead.js';
import { markingSystems, parseBanner, type MarkingSystem } from './markings.js';

export { configFileName } from './config-error.js';

const lintSeverity = z.enum(['off', 'warning', 'error'], { error: 'write off, warning or error' });

export interface LintConfig {
  rules: Record<string, 'off' | 'warning' | 'error' | ['off' | 'warning' | 'error', Record<string, unknown>]>;
  /** Absolute paths of rule modules. */
  plugins: string[];
  /** The config's folder, where a published rule package named in `rules` is installed. */
  from?: string;
}

/** Every key says what it is for (test/unit/source-config.test.ts fails on one without). */
const described = <Schema extends z.ZodType>(schema: Schema, description: string): Schema => schema.meta({ description });

const text = z.string({ error: 'write text here' }).trim().min(1, { error: 'is empty; write the text' });

/** What `briefing new` writes into a new memo, unless its flags say otherwise. */
const newMemoSchema = z.strictObject({
  region: described(
    z.string().regex(/^[A-Za-z0-9]+$/, { error: 'is not a region code; write letters and digits only, e.g. EAP' }).optional(),
    'Region code of new ids ({region} in id_pattern), e.g. EAP; --region overrides it',
  ),
  id_pattern: described(
    z.string().refine((pattern) => idPatternProblem(pattern) === undefined, { error: (issue) => idPatternProblem(String(issue.input)) }).optional(),
    `How a new memo's id is made: {region}, {week} (2024-W31), {year}, {date} and a number such as {nnn}; default ${defaultIdPattern}`,
  ),
  from: described(
    z
      .strictObject({
        name: described(text.optional(), "The sender's name, e.g. A. Analyst"),
        title: described(text.optional(), "The sender's job title"),
        office: described(text.optional(), "The sender's office; the config's office when left out"),
      })
      .optional(),
    'Who a new memo is from (its from:)',
  ),
  to: described(z.array(text).min(1, { error: 'is an empty list; name at least one addressee' }).optional(), 'Addressees of a new memo, e.g. [The Secretary]'),
  marking: described(text.optional(), "Marking level of a new memo, e.g. UNCLASSIFIED (the marking system's lowest level when left out)"),
});

const configSchema = z.strictObject({
  office: described(z.string().min(1).optional(), "Issuing office: on the book's cover, and the office of a new memo's sender"),
  markings: described(z.enum(Object.keys(markingSystems) as [string, ...string[]]).optional(), 'The marking system: us (default) or uk'),
  pool_size: described(z.number().int().min(1).max(16).optional(), 'Pages printing at once (default: cores + 1, at most 4)'),
  print_timeout_seconds: described(z.number().positive().max(3600).optional(), 'A memo that prints longer fails alone (default 60)'),
  number_first_page: described(z.boolean().optional(), 'false: DoD style, no page number on page 1'),
  // A team's own copy of the templates/ folder (relative to this file); the tool's by default.
  templates: described(z.string().min(1).optional(), "A team's own copy of the templates/ folder, relative to this file"),
  style: described(
    z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'write the name of a folder of templates/houses/, e.g. state' }).optional(),
    'The house style every memo prints in unless its frontmatter names another: a folder of templates/houses/ (state, dod, think-tank)',
  ),
  letterhead: described(
    z
      .strictObject({
        seal: described(z.string().min(1).optional(), 'The seal or logo printed on page 1: an image file, relative to this file'),
        office: described(z.string().min(1).optional(), 'The office named in the letterhead (default: office)'),
        address: described(z.array(z.string().min(1)).optional(), 'Address lines printed under the office'),
      })
      .optional(),
    "The office's letterhead on page 1, in the house styles that print one",
  ),
  // Memo lint (pipeline/lint/): a rule's severity or `off`, `[severity, { options }]`, and
  // modules with a team's own rules, relative to this file.
  lint: described(
    z
      .strictObject({
        rules: described(
          z.record(z.string(), z.union([lintSeverity, z.tuple([lintSeverity, z.record(z.string(), z.unknown())])])).optional(),
          'Each rule (an id, or an installed remark-lint-* package): off, warning, error, or [severity, { options }]',
        ),
        plugins: described(z.array(z.string().min(1)).optional(), "Modules with a team's own rules, relative to this file"),
      })
      .optional(),
    'Memo lint rules (briefing check)',
  ),
  new: described(newMemoSchema.optional(), 'What briefing new writes into a new memo: region, id_pattern, from, to, marking'),
  book: described(
    z
      .strictObject({
        include_in_clearance: described(z.boolean().optional(), 'true: the weekly book binds memos in clearance too (drafts only with --include-drafts)'),
      })
      .optional(),
    'The weekly book',
  ),
});

/** The group of settings at a path (`new`, `book`), for naming the keys it takes. */
function schemaAt(path: readonly PropertyKey[]): z.ZodObject | undefined {
  let schema: z.ZodType = configSchema;
  for (const key of path) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (!(schema instanceof z.ZodObject)) return undefined;
    schema = schema.shape[String(key)] as z.ZodType;
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? schema : undefined;
}

/** The config's keys as a JSON Schema, with their descriptions. */
export const configJsonSchema = () => z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });

/** What `briefing new` fills in, resolved from the config. */
export interface NewMemoDefaults {
  region?: string;
  idPattern: string;
  from: { name?: string; title?: string; office?: string };
  to?: string[];
  marking: string;
}

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
  newMemo: NewMemoDefaults;
  /** Whether the weekly book binds memos in clearance (drafts are left out unless asked for). */
  bookIncludesInClearance: boolean;
  /** The config file that was read (absolute), if there was one. */
  file?: string;
  /** The config file's bytes, part of every output's cache key. */
  fingerprint: string;
}

export interface LoadConfigOptions {
  /** The config file to read (relative to cwd), instead of looking for one from cwd upwards. */
  configPath?: string;
}

/** `FILE:LINE:COLUMN` of a key's value (or of the key), or the file alone when it cannot be told. */
function configPlace(shown: string, document: ReturnType<typeof parseDocument> | undefined, lines: LineCounter, keys: readonly PropertyKey[], target: 'key' | 'value' = 'value'): string {
  let node: unknown = document?.contents;
  let offset: number | undefined;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      node = pair.value;
      offset = (target === 'value' ? (pair.value as Node | null)?.range?.[0] : undefined) ?? (pair.key as Node).range?.[0];
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as Node | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  if (offset === undefined) return shown;
  const { line, col } = lines.linePos(offset);
  return `${shown}:${line}:${col}`;
}

export { ConfigError } from './config-error.js';

/** Problems as the file reads, top to bottom (zod names unknown keys after wrong values); unplaced ones last. */
function inFileOrder(problems: string[]): string[] {
  const position = (problem: string) => {
    const [, line, column] = /^\S*?:(\d+):(\d+) /.exec(problem) ?? [];
    return line ? Number(line) * 1e6 + Number(column) : Number.MAX_SAFE_INTEGER;
  };
  return problems.map((problem, index) => ({ problem, index, at: position(problem) })).sort((a, b) => a.at - b.at || a.index - b.index).map(({ problem }) => problem);
}

/** The raw settings as far as they go, for the checks after a failed parse (their values are tested one by one). */
const bestEffort = (raw: unknown): Record<string, unknown> => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {});

/** The config for a run in `cwd`: the file `configPath` names, or the nearest briefing.config.yml above. */
export function loadConfig(cwd = process.cwd(), options: LoadConfigOptions = {}): BriefingConfig {
  const file = options.configPath !== undefined ? path.resolve(cwd, options.configPath) : findConfigFile(cwd);
  // Messages name the file as the author would type it; relative paths in it start from its folder.
  // (--config's path as typed; a file found above as ../briefing.config.yml).
  const shown = options.configPath ?? (file ? path.relative(cwd, file) || configFileName : configFileName);
  const base = file ? path.dirname(file) : cwd;
  let text = '';
  if (file) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      // A file found by walking up exists; one named by --config may not.
      throw new ConfigError(`${shown}: cannot read the config (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path given to --config`);
    }
  }
  const lines = new LineCounter();
  const document = text ? parseDocument(text, { lineCounter: lines, prettyErrors: false }) : undefined;
  if (document?.errors.length) {
    throw new ConfigError(
      document.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return `${shown}:${line}:${col}  not valid YAML (${error.message.split('\n')[0]})`;
      }),
    );
  }
  let raw: unknown = {};
  try {
    raw = document?.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    throw new ConfigError(`${shown}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  // Every problem is collected, so that one run names them all.
  const problems: string[] = [];
  const place = (keys: readonly PropertyKey[], target?: 'key' | 'value') => configPlace(shown, document, lines, keys, target);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const known = Object.keys(schemaAt(issue.path)?.shape ?? {});
        for (const key of issue.keys) {
          const likely = closestWord(key, known);
          const keys = [...issue.path, key];
          problems.push(`${place(keys, 'key')}  ${keys.join('.')} is not a setting; ${likely ? `did you mean ${likely}?` : `use one of ${known.join(', ')}`}`);
        }
      } else problems.push(`${place(issue.path)}  ${issue.path.join('.') || 'config'}: ${issue.message}`);
    }
  }
  // What did parse is still checked further: a wrong style is named beside a wrong key.
  const settings = (parsed.success ? parsed.data : bestEffort(raw)) as z.output<typeof configSchema>;
  const templatesFolder = typeof settings.templates === 'string' ? path.resolve(base, settings.templates) : defaultTemplatesFolder;
  const style = typeof settings.style === 'string' ? settings.style : defaultHouse;
  const houses = houseNames(templatesFolder);
  if (!houses.includes(style)) {
    // No style: key means the default's missing from a team's own templates: point at those.
    problems.push(`${place(typeof settings.style === 'string' ? ['style'] : ['templates'])}  style: there is no house style "${style}" in ${templatesFolder}/houses; the styles are ${houses.join(', ') || 'none'}`);
  }
  const office = typeof settings.office === 'string' ? settings.office : 'Office of the Policy Planning Staff';
  const markings = markingSystems[typeof settings.markings === 'string' ? settings.markings : 'us'] ?? markingSystems.us!;
  const newMarking = typeof settings.new?.marking === 'string' ? settings.new.marking : markings.levels[0]!.banner;
  const banner = parseBanner(newMarking, markings);
  if (!banner.ok) problems.push(`${place(['new', 'marking'])}  new.marking: ${banner.reason}`);
  let letterhead: Letterhead | undefined;
  try {
    letterhead = parsed.success && settings.letterhead ? readLetterhead(settings.letterhead, office, base) : undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // letterhead.ts names the file alone; the place of seal: tells the author where to look.
    problems.push(...error.problems.map((problem) => problem.replace(`${configFileName}: letterhead.seal:`, `${place(['letterhead', 'seal'])}  letterhead.seal:`)));
  }
  if (problems.length > 0) throw new ConfigError(inFileOrder(problems));
  return {
    office,
    markings,
    poolSize: settings.pool_size,
    printTimeoutMs: (settings.print_timeout_seconds ?? 60) * 1000,
    numberFirstPage: settings.number_first_page,
    templatesFolder,
    style,
    houses,
    letterhead,
    lint: { rules: settings.lint?.rules ?? {}, plugins: (settings.lint?.plugins ?? []).map((plugin) => path.resolve(base, plugin)), from: base },
    newMemo: {
      region: settings.new?.region,
      idPattern: settings.new?.id_pattern ?? defaultIdPattern,
      // A sender's office left out is the team's office, when the config names one.
      from: { ...settings.new?.from, office: settings.new?.from?.office ?? settings.office },
      to: settings.new?.to,
      marking: newMarking,
    },
    bookIncludesInClearance: settings.book?.include_in_clearance ?? false,
    file,
    // The house styles there are decide whether a memo's style: is known.
    fingerprint: `${text}\n# houses: ${houses.join(' ')}`,
  };
}
