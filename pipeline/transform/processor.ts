// The transform stage: Markdown body → safe HTML fragment, as one unified pipeline. Raw HTML is
// dropped and the result sanitised, so nothing an author writes can run or load in the browser.
// The content model lives in the plugins: captions, portion marks and the marking rules,
// acronyms, citations (notes) and cross-references, callouts.
import path from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
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
import { checkDecisionDates } from '../source/decision-dates.js';
import { reportError, reportWarning } from '../source/diagnostics.js';
import { glossaryFileName, glossaryFilesFor, loadGlossary } from '../source/glossary.js';
import { usMarkings } from '../source/markings.js';
import { unnamedTags } from '../source/tag-labels.js';
import { shownPath } from '../paths.js';
import type { Briefing, TransformedBody } from '../types.js';
import { splitClosingBlock } from './closing-block.js';
import remarkAcronyms from './plugins/remark-acronyms.js';
import remarkCallouts from './plugins/remark-callouts.js';
import remarkCaptions from './plugins/remark-captions.js';
import rehypeLinkTargets from './plugins/rehype-link-targets.js';
import rehypeScriptLanguages, { languageIdPrefix } from './plugins/rehype-script-languages.js';
import rehypeSourceLines from './plugins/rehype-source-lines.js';
import remarkLanguage from './plugins/remark-language.js';
import remarkLocalImages from './plugins/remark-local-images.js';
import remarkMarkingRules from './plugins/remark-marking-rules.js';
import remarkMergeText from './plugins/remark-merge-text.js';
import remarkNoteSeparators from './plugins/remark-note-separators.js';
import remarkPortionMarks from './plugins/remark-portion-marks.js';
import rehypeIdPrefix from './plugins/rehype-id-prefix.js';
import remarkRawHtml from './plugins/remark-raw-html.js';
import remarkReferences from './plugins/remark-references.js';
import remarkSafeLinks from './plugins/remark-safe-links.js';
import remarkSingleBluf from './plugins/remark-single-bluf.js';
import remarkTableCells from './plugins/remark-table-cells.js';
import remarkTypography from './plugins/remark-typography.js';
import remarkUnclosedBlocks from './plugins/remark-unclosed-blocks.js';
import remarkUnusedDefinitions from './plugins/remark-unused-definitions.js';
import rehypeCalloutLabels from './plugins/rehype-callout-labels.js';
import rehypeRedline, { type RedlineOptions } from './plugins/rehype-redline.js';
import rehypeUrlBreaks from './plugins/rehype-url-breaks.js';

import { assetOrigin } from '../asset-origin.js';

export { assetOrigin };

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
    // Portion marks and caption labels; nothing else needs a class on a span.
    span: [['className', 'portion-mark', 'caption-label']],
    // The comma between adjacent note numbers.
    sup: [['className', 'note-separator']],
    // Cross-references link inside the memo; GFM footnotes keep their own class.
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((attribute) => !(Array.isArray(attribute) && attribute[0] === 'className')),
      ['className', 'data-footnote-backref', 'cross-reference'],
    ],
    figure: [['className', 'figure', 'table-figure']],
    // The footnotes heading keeps the class the stylesheet sizes it by.
    h2: [['className', 'sr-only', 'notes-heading']],
  },
  protocols: { ...defaultSchema.protocols, src: ['https'] },
};

/** GFM puts footnotes in a <section data-footnotes> at the end of the body; lift it out. */
function takeNotes(tree: HastRoot): Element | undefined {
  const index = tree.children.findIndex((node) => node.type === 'element' && node.tagName === 'section' && node.properties?.dataFootnotes !== undefined);
  if (index < 0) return undefined;
  const [notes] = tree.children.splice(index, 1);
  return notes as Element;
}

export interface TransformOptions {
  /** Put before every id of the HTML and every link to one: unique ids for each memo of a book. */
  idPrefix?: string;
  /** A redline: the words inserted and deleted since an earlier version, marked in the HTML. */
  redline?: RedlineOptions;
}

/**
 * `inspect` sees the freshly parsed tree before any plugin changes it. With `mode: 'diagnostics'`
 * only the Markdown plugins run (they are the ones that report); `check` needs no HTML.
 * `mode: 'audit'` is the HTML with each element's Markdown line on it (`check --a11y`).
 */
export function transformBody(briefing: Briefing, inspect?: (tree: MdastRoot) => void, mode: 'html' | 'diagnostics' | 'audit' = 'html', options: TransformOptions = {}): TransformedBody {
  const { frontmatter } = briefing;
  const file = briefing.file;
  const markings = briefing.markings ?? usMarkings;
  const cwd = file.cwd ?? process.cwd();
  const glossaryFiles = glossaryFilesFor(briefing.source.path, briefing.source.root, cwd);
  const glossary = loadGlossary(glossaryFiles, frontmatter.glossary);
  for (const problem of glossary.problems) reportError(file, problem, undefined, 'glossary');
  // Every candidate, present or not: adding a glossary.yml later must rebuild the memo.
  file.data.inputs = [...(file.data.inputs ?? []), ...glossaryFiles];
  for (const problem of checkDecisionDates(briefing)) reportWarning(file, problem.message, problem.place, problem.rule);
  for (const tag of unnamedTags(frontmatter, glossary)) reportWarning(file, tag.message, briefing.locate(tag.path), 'tag-label');

  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkRawHtml)
    .use(remarkUnclosedBlocks, { source: briefing.body })
    .use(remarkUnusedDefinitions)
    .use(remarkTableCells)
    .use(remarkLanguage)
    .use(remarkSafeLinks)
    .use(remarkSingleBluf, { frontmatterBluf: frontmatter.bluf ? briefing.locate(['bluf'], 'key') : undefined })
    .use(remarkCallouts)
    .use(remarkMergeText)
    .use(remarkCaptions, { markings })
    .use(remarkPortionMarks, { markings })
    .use(remarkMarkingRules, { briefing, markings })
    .use(remarkAcronyms, { glossary, markings, source: briefing.body, glossaryName: shownPath(glossary.files.at(-1) ?? path.join(briefing.source.root, glossaryFileName), cwd) })
    .use(remarkReferences, { sources: frontmatter.sources ?? [], source: briefing.body })
    .use(remarkNoteSeparators)
    .use(remarkLocalImages, { folder: path.dirname(briefing.source.path), root: briefing.source.root, origin: assetOrigin });
  const headings: TransformedBody['headings'] = [];
  if (mode === 'diagnostics') {
    const tree = processor.parse(briefing.body) as MdastRoot;
    inspect?.(tree);
    visit(tree, 'heading', (heading) => {
      headings.push({ depth: heading.depth, text: toString(heading) });
    });
    processor.runSync(tree, file);
    return { html: '', assets: file.data.assets ?? new Map(), headings };
  }
  const toHtml = processor
    // Typography changes only how text prints, so `check` does without it; it runs last, on the
    // words the other plugins added too (acronym expansions).
    .use(remarkTypography)
    .use(remarkRehype, {
      // Chromium cannot float notes to the foot of their page: memos print them as notes at the
      // end, policy briefs as endnotes (see templates).
      footnoteLabel: frontmatter.type === 'policy-brief' ? 'Endnotes' : 'Notes',
      footnoteLabelProperties: { className: ['notes-heading'] },
    })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeCalloutLabels)
    // A redline's insertions and deletions, while every text node still has its position.
    .use(options.redline ? rehypeRedline : () => undefined, options.redline!)
    .use(rehypeUrlBreaks)
    // Ids are prefixed per memo in a book before the link descriptions are keyed by them.
    .use(rehypeIdPrefix, { prefix: options.idPrefix ?? '' })
    // After the sanitiser: these add attributes it would strip (role, lang on generated spans).
    .use(rehypeScriptLanguages, { lang: frontmatter.lang ?? 'en-US', idPrefix: languageIdPrefix(frontmatter.id) })
    .use(rehypeLinkTargets)
    .use(mode === 'audit' ? rehypeSourceLines : () => undefined)
    .use(rehypeStringify);

  const tree = toHtml.parse(briefing.body) as MdastRoot;
  // Readers of the untouched tree (the memo lint rules) look at it here, before the plugins
  // change it, so the body is parsed once for both.
  inspect?.(tree);
  const hast = toHtml.runSync(tree, file) as HastRoot;
  // The headings as they print (typographic quotes): the PDF's outline is repaired against them.
  visit(tree, 'heading', (heading) => {
    headings.push({ depth: heading.depth, text: toString(heading) });
  });
  const notes = takeNotes(hast);
  const html = toHtml.stringify(hast, file);
  const split = splitClosingBlock(hast);
  const closingSplit = split ? { lead: toHtml.stringify(split.lead, file), closing: toHtml.stringify(split.closing, file) } : undefined;
  const notesHtml = notes ? toHtml.stringify({ type: 'root', children: [notes] }, file) : undefined;
  return { html, closingSplit, assets: file.data.assets ?? new Map(), headings, notesHtml, linkTargets: file.data.linkTargets, tree: hast, notesTree: notes };
}

declare module 'vfile' {
  interface DataMap {
    /** Files other than the source that a transform read (a glossary, say): part of the cache key. */
    inputs: string[];
  }
}
