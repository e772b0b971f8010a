// A lint rule is a unified plugin made with `unified-lint-rule`, as every remark-lint rule is: it
// walks the body's syntax tree (and reads the frontmatter) and reports at node positions, and
// unified-lint-rule gives each message the rule's id and the severity the team chose. So our
// rules, a team's own modules and published `remark-lint-*` rules all run the same way.
// `lintRule` adds what our rules know besides the tree: the frontmatter and where it is written.
import type { Root } from 'mdast';
import { lintRule as unifiedLintRule, type Label, type Plugin } from 'unified-lint-rule';
import type { Node } from 'unist';
import type { Place } from '../source/diagnostics.js';
import type { Frontmatter } from '../source/schema.js';

export type Severity = 'error' | 'warning';

export interface LintRuleMeta {
  /** Kebab-case id, printed after every message and used in briefing.config.yml. */
  id: string;
  severity: Severity;
  /** One line for `briefing check --help`-style listings and the README. */
  description: string;
}

/** What a rule sees of the briefing besides the tree; set on the vfile by the linter. */
export interface LintSubject {
  frontmatter: Frontmatter;
  /** Where a frontmatter key or value is written in the file. */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): Place;
}

export interface RuleContext extends LintSubject {
  /** The rule's options from briefing.config.yml (`rule-id: [warning, { … }]`). */
  options: Record<string, unknown>;
  /** Reports a problem at a node of the tree or a place in the file. */
  report(message: string, at?: Node | Place): void;
}

export type RuleCheck = (tree: Root, context: RuleContext) => void;

/** A unified-lint-rule plugin with what `briefing check` lists of it; configured `[label, options]`. */
export type LintPlugin = Plugin<Root, Record<string, unknown>> & { rule: LintRuleMeta };

/** unified-lint-rule's word for a severity as briefing.config.yml writes it. */
export const severityLabel = (severity: Severity): Label => (severity === 'error' ? 'error' : 'warn');

const isNode = (at: Node | Place): at is Node => 'type' in at;

export function lintRule(meta: LintRuleMeta, check: RuleCheck): LintPlugin {
  // `briefing:` is the messages' source, as `remark-lint:` is for remark-lint's rules.
  const plugin = unifiedLintRule<Root, Record<string, unknown>>({ origin: `briefing:${meta.id}` }, (tree, file, options) => {
    const subject = file.data.lintSubject;
    if (!subject) return;
    check(tree, {
      ...subject,
      options: options ?? {},
      report(message, at) {
        file.message(message, { place: at === undefined ? undefined : isNode(at) ? at.position : at });
      },
    });
  });
  return Object.assign(plugin, { rule: meta });
}

declare module 'vfile' {
  interface DataMap {
    lintSubject: LintSubject;
  }
}
