// `briefing check --a11y`: the accessibility findings in the form authors know, positioned at
// the Markdown line when the element came from the body; nothing on the samples.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { memo, writeTree } from '../support/fixtures.js';

describe('briefing check --a11y', () => {
  it('reports an empty table header cell at its Markdown line, as an error', async () => {
    const folder = writeTree({ 'memo.md': memo({ body: '## Background\n\nThe ministers met.\n\n|  | Position |\n|---|---|\n| Tokyo | Agrees |\n' }) });
    const result = await runCli(['check', folder, '--a11y', '--no-cache']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/memo\.md:16:1 {2}error {2}Table header text should not be empty \(th:nth-child\(1\)\) {2}axe\/empty-table-header/);
    expect(result.stderr).not.toContain('pdfua/');
    // Without --a11y the same memo passes: the audit is what found it.
    expect((await runCli(['check', folder, '--no-cache'])).code).toBe(0);
  });

  it('finds nothing on the samples', async () => {
    const result = await runCli(['check', 'content', '--a11y', '--no-cache']);
    expect(result.stderr).not.toMatch(/axe\/|pdfua\//);
    expect(result.code).toBe(0);
  });
});
