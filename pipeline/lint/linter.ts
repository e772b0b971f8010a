// The memo linter: the built-in rules plus a team's own rule modules, each switched off or
// given a severity in briefing.config.yml, run as one unified pipeline over a separately
// parsed body (so the transform stage stays untouched) and reported on the briefing's vfile.
import { pathToFileURL } from 'node:url';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { configFileName, ConfigError, type LintConfig } from '../source/config.js';
import type { Briefing } from '../types.js';
import { lintRule, type LintPlugin, type RuleCheck, type Severity } from './rule.js';
import { builtInRules } from './rules/index.js';

export interface Linter {
  /** The rules in force, with the severity each reports at. */
  rules: { id: string; severity: Severity; description: string }[];
  /** Lints the briefing; `tree` is its freshly parsed body when the caller already has one. */
  lint(briefing: Briefing, tree?: Root): void;
}

const ruleIdPattern = /^[a-z][a-z0-9-]*$/;

/**
 * A team's rule module default-exports either a plugin made with `lintRule` or a plain object
 * `{ id, severity, description, check(tree, context) }`; both become the same kind of plugin.
 */
function asLintPlugin(exported: unknown, file: string): LintPlugin {
  const candidate = exported as Partial<LintPlugin> & { id?: unknown; severity?: unknown; description?: unknown; check?: unknown };
  if (typeof exported === 'function' && typeof (exported as Partial<LintPlugin>).rule?.id === 'string') return exported as LintPlugin;
  if (candidate && typeof candidate === 'object' && typeof candidate.id === 'string' && typeof candidate.check === 'function') {
    const severity = candidate.severity === 'error' ? 'error' : 'warning';
    return lintRule({ id: candidate.id, severity, description: typeof candidate.description === 'string' ? candidate.description : candidate.id }, candidate.check as RuleCheck);
  }
  throw new ConfigError(`${configFileName}: lint.plugins: ${file} does not export a rule; export default { id: "my-rule", severity: "warning", check(tree, context) { … } }`);
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
  for (const id of Object.keys(config.rules)) {
    if (!plugins.some((plugin) => plugin.rule.id === id)) {
      throw new ConfigError(`${configFileName}: lint.rules: there is no rule "${id}"; the rules are ${plugins.map((plugin) => plugin.rule.id).join(', ')}`);
    }
  }

  const processor: Processor<Root, Root, Root> = unified().use(remarkParse).use(remarkGfm).use(remarkDirective) as never;
  const rules: Linter['rules'] = [];
  for (const plugin of plugins) {
    const setting = config.rules[plugin.rule.id];
    const [level, options] = Array.isArray(setting) ? setting : [setting, {}];
    if (level === 'off') continue;
    const severity = level ?? plugin.rule.severity;
    processor.use(plugin, { severity, options });
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
