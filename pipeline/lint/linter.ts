// The memo linter: the built-in rules, a team's own rule modules and published remark-lint
// rules, each switched off or given a severity in briefing.config.yml, run as one unified
// pipeline over the tree the transform stage parsed (before its plugins change it; a briefing
// that never reaches that stage is parsed here) and reported on the briefing's vfile.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { configFileName, ConfigError, type LintConfig } from '../source/config.js';
import type { Briefing } from '../types.js';
import { lintRule, severityLabel, type LintPlugin, type RuleCheck, type Severity } from './rule.js';
import { isRulePackage, rulePackageEntry } from './rule-packages.js';
import { builtInRules } from './rules/index.js';

export interface Linter {
  /** The rules in force, with the severity each reports at. */
  rules: { id: string; severity: Severity; description: string }[];
  /** Lints the briefing; `tree` is its freshly parsed body when the caller already has one. */
  lint(briefing: Briefing, tree?: Root): void;
}

const ruleIdPattern = /^[a-z][a-z0-9-]*$/;

/**
 * A unified-lint-rule plugin (every remark-lint rule) is named `source:rule-id`; it becomes a
 * plugin of ours under that rule id, warning unless the config says otherwise.
 */
function publishedRule(exported: unknown, description: string): LintPlugin | undefined {
  if (typeof exported !== 'function') return undefined;
  const id = /^[^:]+:([a-z][a-z0-9-]*)$/.exec(exported.name)?.[1];
  if (!id) return undefined;
  const plugin = (...config: unknown[]) => (exported as (...config: unknown[]) => unknown)(...config);
  return Object.assign(plugin, { rule: { id, severity: 'warning' as const, description } }) as unknown as LintPlugin;
}

/**
 * A team's rule module default-exports a plugin made with `lintRule`, any unified-lint-rule
 * plugin, or a plain object `{ id, severity, description, check(tree, context) }`; all become
 * the same kind of plugin.
 */
function asLintPlugin(exported: unknown, file: string): LintPlugin {
  const candidate = exported as Partial<LintPlugin> & { id?: unknown; severity?: unknown; description?: unknown; check?: unknown };
  if (typeof exported === 'function' && typeof (exported as Partial<LintPlugin>).rule?.id === 'string') return exported as LintPlugin;
  if (candidate && typeof candidate === 'object' && typeof candidate.id === 'string' && typeof candidate.check === 'function') {
    const severity = candidate.severity === 'error' ? 'error' : 'warning';
    return lintRule({ id: candidate.id, severity, description: typeof candidate.description === 'string' ? candidate.description : candidate.id }, candidate.check as RuleCheck);
  }
  const published = publishedRule(exported, `${path.basename(file)} (a unified-lint-rule plugin)`);
  if (published) return published;
  throw new ConfigError(`${configFileName}: lint.plugins: ${file} does not export a rule; export default { id: "my-rule", severity: "warning", check(tree, context) { … } }`);
}

/** A published rule package (`remark-lint-no-duplicate-headings`), installed beside the config. */
async function loadPackageRule(name: string, from: string): Promise<LintPlugin> {
  let module: { default?: unknown };
  try {
    const entry = rulePackageEntry(name, from);
    module = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError(
      `${configFileName}: lint.rules: could not load the package ${name} (${(error as Error).message.split('\n')[0]}); install it beside ${configFileName} with npm install --save-dev ${name}`,
    );
  }
  const plugin = publishedRule(module.default, `${name} (published)`);
  if (!plugin) throw new ConfigError(`${configFileName}: lint.rules: ${name} does not export a lint rule made with unified-lint-rule, as remark-lint-* rules are`);
  return plugin;
}

async function loadPlugin(file: string): Promise<LintPlugin> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError(`${configFileName}: lint.plugins: could not load ${file} (${(error as Error).message.split('\n')[0]}); check the path, relative to ${configFileName}`);
  }
  return asLintPlugin(module.default, file);
}

export async function createLinter(config: LintConfig = { rules: {}, plugins: [] }): Promise<Linter> {
  const plugins = [...builtInRules];
  for (const file of config.plugins) {
    const plugin = await loadPlugin(file);
    if (!ruleIdPattern.test(plugin.rule.id)) {
      throw new ConfigError(`${configFileName}: lint.plugins: ${file} names its rule "${plugin.rule.id}"; use lower-case letters, digits and "-"`);
    }
    if (plugins.some((known) => known.rule.id === plugin.rule.id)) {
      throw new ConfigError(`${configFileName}: lint.plugins: ${file} defines "${plugin.rule.id}", which another rule already uses; give it its own id`);
    }
    plugins.push(plugin);
  }
  // Each plugin with the key of lint.rules that sets it: its rule id, or a package's name.
  const keyed = plugins.map((plugin) => ({ plugin, key: plugin.rule.id }));
  for (const key of Object.keys(config.rules)) {
    if (keyed.some((known) => known.key === key)) continue;
    if (!isRulePackage(key)) {
      throw new ConfigError(
        `${configFileName}: lint.rules: there is no rule "${key}"; the rules are ${plugins.map((plugin) => plugin.rule.id).join(', ')}, or name an installed remark-lint-* package`,
      );
    }
    keyed.push({ plugin: await loadPackageRule(key, config.from ?? process.cwd()), key });
  }

  const processor: Processor<Root, Root, Root> = unified().use(remarkParse).use(remarkGfm).use(remarkDirective) as never;
  const rules: Linter['rules'] = [];
  for (const { plugin, key } of keyed) {
    const setting = config.rules[key];
    const [level, options] = Array.isArray(setting) ? setting : [setting, {}];
    if (level === 'off') continue;
    const severity = level ?? plugin.rule.severity;
    // Two rules in force under one id would print messages no one could tell apart.
    if (rules.some((rule) => rule.id === plugin.rule.id)) {
      throw new ConfigError(`${configFileName}: lint.rules: ${key} reports as "${plugin.rule.id}", as another rule in force does; turn one of them off`);
    }
    processor.use(plugin, [severityLabel(severity), options]);
    rules.push({ ...plugin.rule, severity });
  }
  processor.freeze();

  return {
    rules,
    lint(briefing, tree) {
      const file = briefing.file;
      file.data.lintSubject = { frontmatter: briefing.frontmatter, locate: briefing.locate };
      try {
        // The rules only read the tree, so the transform stage's own parse can be shared.
        processor.runSync(tree ?? processor.parse(briefing.body), file);
      } finally {
        delete file.data.lintSubject;
      }
    },
  };
}

const linters = new WeakMap<object, Promise<Linter>>();

/** The linter of a config; its rules are loaded once per config. */
export function linterFor(config: { lint?: LintConfig }): Promise<Linter> {
  let linter = linters.get(config);
  if (!linter) {
    linter = createLinter(config.lint);
    linters.set(config, linter);
  }
  return linter;
}
