// Readers open links from the PDF on government networks that refuse or warn on plain http;
// nearly every site has an https address.
import { lintRule } from '../rule.js';
import { visit } from 'unist-util-visit';

const isPlainHttp = (url: string) => /^http:\/\//i.test(url.trim());

export default lintRule(
  { id: 'https-links', severity: 'warning', description: 'links and source addresses use https' },
  (tree, context) => {
    visit(tree, ['link', 'definition'], (node) => {
      const url = (node as { url: string }).url;
      if (isPlainHttp(url)) context.report(`link "${url.slice(0, 80)}" uses http; use its https:// address`, node);
    });
    (context.frontmatter.sources ?? []).forEach((source, index) => {
      if (source.url && isPlainHttp(source.url)) {
        context.report(`source "${source.id}" has an http address; use its https:// address`, context.locate(['sources', index, 'url']));
      }
    });
  },
);
