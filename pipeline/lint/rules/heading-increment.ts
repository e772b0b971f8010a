// Headings become the PDF's outline and tag tree; a skipped level (## then ####) leaves a hole
// that screen readers announce. The memo title is the level-1 heading, so the body starts
// at ## (or #) at most.
import { lintRule } from '../rule.js';
import { visit } from 'unist-util-visit';

export default lintRule(
  { id: 'heading-increment', severity: 'error', description: 'headings go down one level at a time (the title is level 1)' },
  (tree, context) => {
    let previous = 1;
    visit(tree, 'heading', (heading) => {
      if (heading.depth > previous + 1) {
        const wanted = '#'.repeat(previous + 1);
        context.report(`heading level ${heading.depth} follows level ${previous}; use ${wanted} (level ${previous + 1}) here`, heading);
      }
      previous = heading.depth;
    });
  },
);
