// Bottom line up front: a memo opens with its main point (State 5 FAH-1 H-320). A policy
// brief may carry it as key points instead.
import { findBluf } from '../bluf.js';
import { lintRule } from '../rule.js';

export default lintRule(
  { id: 'bluf-required', severity: 'error', description: 'a memo states its bottom line up front (frontmatter bluf or a :::bluf callout)' },
  (tree, context) => {
    const bluf = findBluf(tree, context);
    if (bluf && bluf.text.trim()) return;
    const { frontmatter } = context;
    if (frontmatter.type === 'policy-brief' && (frontmatter.key_points?.length ?? 0) > 0) return;
    context.report(
      bluf
        ? 'the :::bluf callout is empty; write the bottom line (one to four sentences) inside it'
        : 'the memo has no bottom line up front; add `bluf: "…"` to the frontmatter (one to four sentences) or a :::bluf callout at the top of the body',
      bluf?.at ?? context.locate(['title'], 'key'),
    );
  },
);
