// The CommonMark specification's 652 examples (npm commonmark-spec) as memo bodies through the
// source and transform stages: nothing crashes, and no text of the input is lost.
//
// "Text" is the character data of the spec's reference HTML (text nodes parsed with
// hast-util-from-html; attributes, alt text and comments are not text). Each reference text
// node, with all whitespace removed, must appear in our HTML's text, in order. Extra text is
// allowed: the pipeline adds some on purpose (figure captions from image titles, footnote
// labels). Whitespace is ignored because where blocks break lines is not a matter of text, and
// typographic quotes count as the typed ones: printing “ ” ‘ ’ for " and ' is deliberate
// (pipeline/transform/plugins/remark-typography.ts).
//
// Examples holding raw HTML (an `html` node in the CommonMark tree) are held to a different
// promise, since the pipeline drops raw HTML by design: the Markdown text around the HTML
// survives in order, each raw tag is reported as a warning at its position, and nothing of
// the raw HTML that could run or load (script, iframe, style, event handlers) reaches the HTML.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Root as MdastRoot } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../pipeline/source/load.js';
import { transformBody } from '../../pipeline/transform/processor.js';
import { tempFolder } from '../support/fixtures.js';

interface SpecExample {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

// The spec writes tabs as → so that they show.
const examples = (createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] }).tests.map((example) => ({
  ...example,
  markdown: example.markdown.replace(/→/g, '\t'),
  html: example.html.replace(/→/g, '\t'),
}));

const frontmatter = '---\ntype: info-memo\nid: CM-0001\ntitle: "CommonMark example"\ndate: 2024-07-29\nto: [Secretary]\nfrom: { name: "A. Analyst", office: "Office" }\nmarking: { level: UNCLASSIFIED }\nbluf: "The example."\n---\n\n';
const bodyLineOffset = frontmatter.split('\n').length - 1;
const root = tempFolder('briefing-commonmark-');

const squeeze = (text: string) => text.replace(/\s+/g, '').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

function textNodes(html: string): string[] {
  const texts: string[] = [];
  visit(fromHtml(html, { fragment: true }) as HastRoot, 'text', (node) => {
    const text = squeeze(node.value);
    if (text) texts.push(text);
  });
  return texts;
}

/** The first piece of `wanted` that is not found in `text` after the previous one, or undefined. */
function firstMissing(wanted: string[], text: string): string | undefined {
  let from = 0;
  for (const piece of wanted) {
    const at = text.indexOf(piece, from);
    if (at < 0) return piece;
    from = at + piece.length;
  }
  return undefined;
}

function transformExample(markdown: string) {
  const loaded = loadBriefing({ path: path.join(root, 'example.md'), root, relative: 'example.md', bytes: Buffer.from(frontmatter + markdown) }, root);
  expect(loaded.briefing, loaded.file.messages.map(String).join('\n')).toBeDefined();
  return { body: transformBody(loaded.briefing!), file: loaded.file };
}

const rawHtmlIn = (markdown: string): Html[] => {
  const nodes: Html[] = [];
  visit(unified().use(remarkParse).parse(markdown) as MdastRoot, 'html', (node) => void nodes.push(node));
  return nodes;
};

const plain = examples.filter((example) => rawHtmlIn(example.markdown).length === 0);
const withRawHtml = examples.filter((example) => rawHtmlIn(example.markdown).length > 0);

describe('the CommonMark spec examples as memo bodies', () => {
  it('are all here, and both groups are non-trivial', () => {
    expect(examples.length).toBe(652);
    expect(plain.length).toBeGreaterThan(500);
    expect(withRawHtml.length).toBeGreaterThan(50);
  });

  it('without raw HTML: every text of the reference HTML survives, in order', () => {
    const lost: string[] = [];
    for (const example of plain) {
      const { body } = transformExample(example.markdown);
      const missing = firstMissing(textNodes(example.html), squeeze(textNodes(body.html).join('')));
      if (missing !== undefined) lost.push(`#${example.number} (${example.section}): lost ${JSON.stringify(missing)} from ${JSON.stringify(example.markdown)} → ${JSON.stringify(body.html)}`);
    }
    expect(lost).toEqual([]);
  });

  it('with raw HTML: the Markdown text survives, each raw tag is a warning at its place, nothing runnable is left', () => {
    const problems: string[] = [];
    for (const example of withRawHtml) {
      const { body, file } = transformExample(example.markdown);
      const tree = unified().use(remarkParse).parse(example.markdown) as MdastRoot;
      const markdownText: string[] = [];
      visit(tree, (node) => {
        if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && squeeze(node.value)) markdownText.push(squeeze(node.value));
      });
      const missing = firstMissing(markdownText, squeeze(textNodes(body.html).join('')));
      if (missing !== undefined) problems.push(`#${example.number}: lost ${JSON.stringify(missing)}`);

      const warned = new Set(file.messages.filter((message) => message.ruleId === 'no-raw-html').map((message) => `${message.line}:${message.column}`));
      for (const node of rawHtmlIn(example.markdown)) {
        const value = node.value.trim();
        if (/^<!--[\s\S]*-->$/.test(value) || value.startsWith('</')) continue; // comments and closing tags are not reported
        const place = `${node.position!.start.line + bodyLineOffset}:${node.position!.start.column}`;
        if (!warned.has(place)) problems.push(`#${example.number}: no warning at ${place} for ${JSON.stringify(value.slice(0, 40))}`);
      }
      if (/<(script|iframe|object|embed|style|link|meta|base|form|input(?![^>]*type="checkbox"))\b|\son[a-z]+=|\sstyle=/i.test(body.html)) {
        problems.push(`#${example.number}: raw HTML reached the output: ${JSON.stringify(body.html)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
