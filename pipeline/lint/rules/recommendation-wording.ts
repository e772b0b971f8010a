// Each recommendation is answered with Approve / Disapprove lines, so it is written as the
// decision itself: "That you approve …" (State 5 FAH-1 H-320 practice).
import { lintRule } from '../rule.js';
import { placeholder } from './action-recommendation.js';

export default lintRule(
  { id: 'recommendation-wording', severity: 'warning', description: 'each recommendation reads "That you …", the decision the Approve/Disapprove lines answer' },
  (_tree, context) => {
    const { frontmatter } = context;
    if (frontmatter.type !== 'action-memo') return;
    (frontmatter.recommendations ?? []).forEach((recommendation, index) => {
      const text = recommendation.text.replace(/^\((?:U|CUI|C|S|TS)[^)]*\)\s*/, '').trim();
      // A placeholder is action-recommendation's error already.
      if (/^that\b/i.test(text) || text.length === 0 || placeholder.test(text)) return;
      context.report(
        `recommendation ${index + 1} does not read as a decision; start it with "That you …" (e.g. "That you approve …") so Approve/Disapprove answer it`,
        context.locate(['recommendations', index, 'text']),
      );
    });
  },
);
