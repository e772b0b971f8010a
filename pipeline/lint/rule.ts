// A lint rule is a small unified plugin, the way remark-lint builds them: it walks the body's
// syntax tree (and reads the frontmatter) and reports at node positions, with its id and the
// severity the team chose. `lintRule` turns a rule's id, default severity and check into that
// plugin; a team's own rule module goes through the same function (see linter.ts).
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
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

export interface RuleSettings {
  severity?: Severity;
  options?: Record<string, unknown>;
}

export type LintPlugin = ((settings?: RuleSettings) => (tree: Root, file: VFile) => void) & { rule: LintRuleMeta };

const isNode = (at: Node | Place): at is Node => 'type' in at;

export function lintRule(meta: LintRuleMeta, check: RuleCheck): LintPlugin {
  const plugin = (settings: RuleSettings = {}) => {
    const severity = settings.severity ?? meta.severity;
    return (tree: Root, file: VFile) => {
      const subject = file.data.lintSubject;
      if (!subject) return;
      check(tree, {
        ...subject,
        options: settings.options ?? {},
        report(message, at) {
          const place = at === undefined ? undefined : isNode(at) ? at.position : at;
          const entry = file.message(message, { place, ruleId: meta.id, source: 'briefing' });
          entry.fatal = severity === 'error';
        },
      });
    };
  };
  return Object.assign(plugin, { rule: meta });
}

declare module 'vfile' {
  interface DataMap {
    lintSubject: LintSubject;
  }
}
