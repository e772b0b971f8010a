// Applies the marking rules (source/marking-rules.ts) once remark-portion-marks has listed the
// portions of the body, and reports each problem at its place on the briefing's file.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportError } from '../../source/diagnostics.js';
import { checkMarkingRules } from '../../source/marking-rules.js';
import type { MarkingSystem } from '../../source/markings.js';
import type { Briefing } from '../../types.js';

export interface MarkingRuleOptions {
  briefing: Pick<Briefing, 'frontmatter' | 'locate'>;
  markings: MarkingSystem;
}

export default function remarkMarkingRules(options: MarkingRuleOptions) {
  return (_tree: Root, file: VFile) => {
    for (const problem of checkMarkingRules(options.briefing, file.data.portions ?? [], options.markings)) {
      reportError(file, problem.message, problem.place, problem.rule);
    }
  };
}
