// A memo to a principal is held to two pages by custom (State: two pages for an action memo;
// DoD: one page is the aim), tabs not counted. How long a memo runs is known only once it is
// printed, so this rule does nothing over the Markdown: `build` applies it to the printed page
// count (run/memo-length.ts) and `check` to the count the last build recorded. It is a rule
// like the others so that briefing.config.yml sets its severity and its `max` the same way.
import { lintRule } from '../rule.js';

export default lintRule(
  { id: 'memo-length', severity: 'warning', description: 'an information or action memo runs to at most two pages, tabs not counted (option: max; measured when printed)' },
  () => undefined,
);
