// The BLUF is read first and alone, often on a phone: at most about four lines, which the
// manuals put as one to four sentences. The limit is an option.
import { findBluf } from '../bluf.js';
import { lintRule } from '../rule.js';
import { splitSentences } from '../sentences.js';

export default lintRule(
  { id: 'bluf-length', severity: 'warning', description: 'the bottom line is at most four sentences (option: max)' },
  (tree, context) => {
    const bluf = findBluf(tree, context);
    if (!bluf) return;
    const max = typeof context.options.max === 'number' && context.options.max >= 1 ? Math.floor(context.options.max) : 4;
    const count = splitSentences(bluf.text).length;
    if (count > max) {
      context.report(`the bottom line has ${count} sentences; cut it to at most ${max} and move the detail into the body`, bluf.at);
    }
  },
);
