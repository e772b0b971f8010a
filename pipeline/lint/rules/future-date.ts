// A memo dated weeks ahead is almost always a typo (2042 for 2024, 08 for 07); a few days
// ahead is normal for a memo prepared for a meeting. The margin is an option.
import { lintRule } from '../rule.js';

const dayMs = 24 * 60 * 60 * 1000;

export default lintRule(
  { id: 'future-date', severity: 'warning', description: 'the memo date is at most N days in the future (option: days, default 14)' },
  (_tree, context) => {
    const days = typeof context.options.days === 'number' && context.options.days >= 0 ? context.options.days : 14;
    const dated = Date.parse(`${context.frontmatter.date}T00:00:00Z`);
    const now = Date.now();
    const today = now - (now % dayMs);
    const ahead = Math.round((dated - today) / dayMs);
    if (ahead > days) {
      context.report(`the memo is dated ${context.frontmatter.date}, ${ahead} days from today; check the date (more than ${days} days ahead is treated as a typo)`, context.locate(['date']));
    }
  },
);
