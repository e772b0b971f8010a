// The job summary's table must survive what authors write in a message: a `|` would split the
// row into cells, a line break would end it, and `<` would start HTML on GitHub's page.
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkSummary } from '../../pipeline/run/step-summary.js';

describe('checkSummary', () => {
  it('keeps each briefing on one table row, whatever its messages hold', () => {
    const file = new VFile({ path: 'content/a|b.md', value: '' });
    const message = file.message('a cell "x | y" <b>beyond</b>\nthe header row', { line: 12, column: 3 }, 'table-cells');
    message.fatal = true;
    const markdown = checkSummary([file, new VFile({ path: 'content/fine.md', value: '' })]);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| content/'));
    expect(rows).toEqual([
      '| content/a\\|b.md | failed | `content/a\\|b.md:12:3` error a cell "x \\| y" &lt;b>beyond&lt;/b> the header row `table-cells` |',
    ]);
    expect(markdown).toContain('2 briefings checked: 1 error, 0 warnings');
  });

  it('writes counts and no table when nothing is wrong', () => {
    const markdown = checkSummary([new VFile({ path: 'content/fine.md', value: '' })]);
    expect(markdown).toContain('1 briefing checked: 0 errors, 0 warnings');
    expect(markdown).not.toContain('| Briefing |');
  });
});
