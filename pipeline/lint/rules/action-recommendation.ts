// An action memo exists to get a decision: it needs at least one recommendation, and a
// placeholder left from drafting ("TBD") is not one, even though the schema accepts the text.
import { lintRule } from '../rule.js';

export const placeholder = /^(?:tbd|tbc|todo|xxx+|fixme|\?+|…|\.{3}|-+|n\/a)$/i;

export default lintRule(
  { id: 'action-recommendation', severity: 'error', description: 'an action memo has at least one recommendation, and none is a placeholder' },
  (_tree, context) => {
    const { frontmatter } = context;
    if (frontmatter.type !== 'action-memo') return;
    const recommendations = frontmatter.recommendations ?? [];
    if (recommendations.length === 0) {
      context.report('an action memo needs at least one recommendation; add `recommendations: [{ text: "That you approve …" }]`', context.locate(['type']));
      return;
    }
    recommendations.forEach((recommendation, index) => {
      if (placeholder.test(recommendation.text.trim())) {
        context.report(
          `recommendation ${index + 1} is a placeholder ("${recommendation.text.trim()}"); write the decision you ask for, e.g. "That you approve …"`,
          context.locate(['recommendations', index, 'text']),
        );
      }
    });
  },
);
