// The transform stage: Markdown body → safe HTML fragment, as one unified pipeline. Raw HTML is
// dropped and the result sanitised, so nothing an author writes can run or load in the browser.
import path from 'node:path';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Briefing, TransformedBody } from '../types.js';
import remarkCallouts from './plugins/remark-callouts.js';
import remarkLocalImages from './plugins/remark-local-images.js';
import remarkRawHtml from './plugins/remark-raw-html.js';
import remarkSafeLinks from './plugins/remark-safe-links.js';

/** Virtual origin of every local file the printed page may load (see print/lockdown.ts). */
export const assetOrigin = 'https://briefing.invalid';

const classed = ['className'];
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // remark-rehype already prefixes footnote ids; a second prefix breaks the footnote links.
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    aside: [...classed, 'dataSource'],
    p: classed,
    li: [...(defaultSchema.attributes?.li ?? []), ...classed],
    span: classed,
    figure: classed,
    // The footnotes heading keeps the class the stylesheet sizes it by.
    h2: [['className', 'sr-only', 'notes-heading']],
  },
  protocols: { ...defaultSchema.protocols, src: ['https'] },
};

export function transformBody(briefing: Briefing): TransformedBody {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkRawHtml)
    .use(remarkSafeLinks)
    .use(remarkCallouts)
    .use(remarkLocalImages, { folder: path.dirname(briefing.source.path), root: briefing.source.root, origin: assetOrigin })
    .use(remarkRehype, { footnoteLabel: 'Notes', footnoteLabelProperties: { className: ['notes-heading'] } })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeStringify);

  const file = briefing.file;
  const tree = processor.parse(briefing.body) as MdastRoot;
  const headings: TransformedBody['headings'] = [];
  visit(tree, 'heading', (heading) => {
    headings.push({ depth: heading.depth, text: toString(heading) });
  });
  const hast = processor.runSync(tree, file);
  const html = processor.stringify(hast, file);
  return { html, assets: file.data.assets ?? new Map(), headings };
}
