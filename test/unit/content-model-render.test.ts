// The content model at the render stage: what the document's stylesheet and page rules say
// before Chromium prints them. Widows and orphans cannot be read back from a PDF's text, so the
// proof that every memo type asks for at least two lines is here, in the rendered HTML.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../pipeline/render/render.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { formatDiagnostics } from '../../pipeline/source/diagnostics.js';
import { loadBriefing, readSource } from '../../pipeline/source/load.js';
import { usMarkings } from '../../pipeline/source/markings.js';
import { assetOrigin, transformBody } from '../../pipeline/transform/processor.js';
import { writeTree } from '../support/fixtures.js';
import { briefingText, infoMemoFrontmatter } from './content-model-support.js';

const templates = loadTemplates();

async function renderHtml(text: string, options: { numberFirstPage?: boolean } = {}): Promise<string> {
  const folder = writeTree({ 'memo.md': text });
  const loaded = loadBriefing(await readSource({ path: path.join(folder, 'memo.md'), root: folder, relative: 'memo.md' }), folder);
  const body = transformBody(loaded.briefing!);
  expect(formatDiagnostics([loaded.file])).toBe('');
  return renderDocument(loaded.briefing!, body, { templates, origin: assetOrigin, date: new Date('2024-07-29T00:00:00Z'), markings: usMarkings, ...options }).html;
}

/** Everything inside the document's <style> element. */
const styleOf = (html: string) => html.slice(html.indexOf('<style>'), html.indexOf('</style>'));

/** The declarations of every rule whose selector list names `selector`. */
function declarationsFor(css: string, selector: string): string {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter((rule) => rule[1]!.split(',').some((part) => part.trim() === selector))
    .map((rule) => rule[2])
    .join(';');
}

const memoTypes: Record<string, string[]> = {
  'info-memo': infoMemoFrontmatter({ title: 'T' }),
  'action-memo': ['type: action-memo', 'id: AM-1', 'title: "T"', 'date: 2024-07-31', 'to: [Secretary]', 'from: { name: "A. Analyst" }', 'marking: { level: UNCLASSIFIED }', 'recommendations:', '  - { text: "That you approve." }'],
  'policy-brief': ['type: policy-brief', 'id: PB-1', 'title: "Brief"', 'date: 2024-07-29', 'authors: [{ name: "M. Fellow" }]', 'marking: { level: UNCLASSIFIED }'],
};

describe('widows and orphans', () => {
  it.each(Object.keys(memoTypes))('%s: the body keeps at least two lines of a paragraph together at a page break', async (type) => {
    const body = declarationsFor(styleOf(await renderHtml(briefingText(memoTypes[type]!, ['Text.']))), 'body');
    const lines = (property: string) => Number(new RegExp(`(?:^|;)\\s*${property}:\\s*(\\d+)`).exec(body)?.[1] ?? 0);
    expect(lines('orphans')).toBeGreaterThanOrEqual(2);
    expect(lines('widows')).toBeGreaterThanOrEqual(2);
  });
});

describe('page rules', () => {
  const secretDraft = briefingText(
    [
      ...infoMemoFrontmatter({ title: '(S) T', level: 'SECRET//NOFORN', extra: ['  authority: { classified_by: "A", reason: "1.4(d)", declassify_on: 20490729 }'] }),
      'short_title: "(U) Short"',
      'status: draft',
    ],
    ['(S//NF) Text.'],
  );

  it('a draft prints DRAFT in its own margin box and as a watermark, never in the banner boxes', async () => {
    const css = styleOf(await renderHtml(secretDraft));
    expect(css).toMatch(/@top-center \{ content: "SECRET\/\/NOFORN";/);
    expect(css).toMatch(/@bottom-center \{ content: "SECRET\/\/NOFORN";/);
    expect(css).toMatch(/@top-right \{ content: "DRAFT";/);
    expect(await renderHtml(secretDraft)).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
  });

  it('a cleared memo carries no DRAFT anywhere', async () => {
    const html = await renderHtml(secretDraft.replace('status: draft', 'status: cleared'));
    expect(styleOf(html)).not.toContain('content: "DRAFT"');
    expect(html.slice(html.indexOf('</style>'))).not.toContain('DRAFT');
  });

  it('page 1 drops the running header, and the page number only when number_first_page is false', async () => {
    const numbered = styleOf(await renderHtml(secretDraft));
    expect(numbered).toMatch(/@top-left \{ content: "\(U\) Short" "\\A" "July 29, 2024";/);
    const first = /@page :first \{([\s\S]*?)\n\}/.exec(numbered)?.[1] ?? '';
    expect(first).toContain('@top-left { content: none; }');
    expect(first).not.toContain('@bottom-right');
    const dod = /@page :first \{([\s\S]*?)\n\}/.exec(styleOf(await renderHtml(secretDraft, { numberFirstPage: false })))?.[1] ?? '';
    expect(dod).toContain('@bottom-right { content: none; }');
  });
});
