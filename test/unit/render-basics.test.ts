// The render stage: an info memo's HTML carries every part of the memo in order, the paper
// size the memo asks for, and nothing an author writes can become markup or leave its string.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../pipeline/render/render.js';
import { cssString, loadTemplates } from '../../pipeline/render/templates.js';
import { formatDiagnostics } from '../../pipeline/source/diagnostics.js';
import { loadBriefing, readSource } from '../../pipeline/source/load.js';
import { usMarkings } from '../../pipeline/source/markings.js';
import { assetOrigin, transformBody } from '../../pipeline/transform/processor.js';
import type { RenderedDocument } from '../../pipeline/types.js';
import { memo, writeTree } from '../support/fixtures.js';

const templates = loadTemplates();

async function render(options: Parameters<typeof memo>[0]): Promise<RenderedDocument> {
  const folder = writeTree({ 'm.md': memo(options) });
  const loaded = loadBriefing(await readSource({ path: path.join(folder, 'm.md'), root: folder, relative: 'm.md' }), folder);
  expect(formatDiagnostics([loaded.file])).toBe('');
  const body = transformBody(loaded.briefing!);
  return renderDocument(loaded.briefing!, body, { templates, origin: assetOrigin, date: new Date('2024-07-29T00:00:00Z'), markings: usMarkings });
}

/** The text of the page's own stylesheet: everything up to the first </style>. */
const styleOf = (html: string) => html.slice(html.indexOf('<style>'), html.indexOf('</style>'));

/** Parts that are not found each after the one before it, in the page body. */
function missingInOrder(html: string, parts: string[]): string[] {
  let from = html.indexOf('<body');
  return parts.filter((part) => {
    const at = html.indexOf(part, from);
    if (at < 0) return true;
    from = at + part.length;
    return false;
  });
}

describe('the info-memo template', () => {
  it('prints banner, date, addressee, FROM, SUBJECT, BLUF, body, sources and clearance, in that order', async () => {
    const document = await render({
      title: '(U) Extended deterrence dialogue',
      extra: [
        'sources:',
        '  - { id: scc, title: "Joint Statement of the Security Consultative Committee", url: "https://www.state.gov/scc", accessed: 2024-07-29 }',
        'clearance: { drafted: "A. Analyst, ext. 1234", cleared: ["EAP/J: B. Officer", "PM: C. Person"] }',
        '',
      ].join('\n'),
      body: '## Background\n\nThe ministers met in Tokyo.\n',
    });
    const { html } = document;
    expect(styleOf(html)).toMatch(/@top-center \{ content: "UNCLASSIFIED";/);
    expect(styleOf(html)).toMatch(/@bottom-center \{ content: "UNCLASSIFIED";/);
    const parts = [
      '<p class="memo-date">July 29, 2024</p>',
      'INFORMATION MEMO FOR SECRETARY',
      '<dt>FROM:</dt><dd>A. Analyst, Office of Japanese Affairs</dd>',
      '<dt>SUBJECT:</dt>',
      'Extended deterrence dialogue',
      'Bottom line:</strong> The alliance is stronger.',
      '<h2>Background</h2>\n<p>The ministers met in Tokyo.</p>',
      '<li id="source-scc">“Joint Statement of the Security Consultative Committee.” Accessed July 29, 2024. <a href="https://www.state.gov/scc"><span class="url">https://www.<wbr>state.<wbr>gov/<wbr>scc</span></a>.</li>',
      'Drafted:</dt> <dd>A. Analyst, ext. 1234',
      'Cleared:',
      '<li>EAP/J: B. Officer</li><li>PM: C. Person</li>',
    ];
    expect(missingInOrder(html, parts)).toEqual([]);
    expect(document.metadata).toMatchObject({ title: '(U) Extended deterrence dialogue', author: 'A. Analyst, Office of Japanese Affairs', subject: 'The alliance is stronger.' });
    expect(document.metadata.keywords).toContain('TEST-001');
  });

  it('loads nothing but its own origin, and forbids script', async () => {
    const { html } = await render({});
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; script-src &#x27;none&#x27;/);
    // Links and sources, and the font files its @font-face rules name.
    const urls = [...html.matchAll(/(?:href|src)="([^"]+)"|url\(([^)]+)\)/g)].map((match) => match[1] ?? match[2]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith(`${assetOrigin}/`))).toEqual([]);
  });
});

describe('paper size', () => {
  it('is US Letter by default', async () => {
    const document = await render({});
    expect(document.paper).toBe('letter');
    expect(styleOf(document.html)).toMatch(/@page[^{]*\{\s*size: Letter;/);
  });

  it('is A4 when the memo says paper: a4', async () => {
    const document = await render({ extra: 'paper: a4\n' });
    expect(document.paper).toBe('a4');
    expect(styleOf(document.html)).toMatch(/@page[^{]*\{\s*size: A4;/);
  });

  it('is A4 for British English, with the date written the British way', async () => {
    const document = await render({ extra: 'lang: en-GB\n' });
    expect(document.paper).toBe('a4');
    expect(document.lang).toBe('en-GB');
    expect(document.html).toContain('<html lang="en-GB">');
    expect(document.html).toContain('<p class="memo-date">29 July 2024</p>');
  });

  it('lets paper: letter win over the language', async () => {
    const document = await render({ extra: 'lang: en-GB\npaper: letter\n' });
    expect(styleOf(document.html)).toMatch(/size: Letter;/);
  });
});

describe('escaping', () => {
  const hostile = '</style><script>alert(1)</script><img src=x onerror=alert(2)> & "quoted"';

  it('HTML-escapes every frontmatter value in the page', async () => {
    const { html } = await render({
      title: hostile.replace(/"/g, '\\"'),
      extra: `clearance: { drafted: "<b>drafter</b>", cleared: ["<i>office</i>"] }\nsources:\n  - { id: s1, title: "<script>x()</script>" }\n`,
    });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&amp; “quoted”');
    expect(html).toContain('&lt;b&gt;drafter&lt;/b&gt;');
  });

  it('keeps a hostile title inside its CSS string, so the <style> element is not closed early', async () => {
    const { html } = await render({ title: hostile.replace(/"/g, '\\"'), extra: `short_title: "${hostile.replace(/"/g, '\\"')}"\n` });
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    // The page rules after the running header are still inside the one stylesheet.
    expect(styleOf(html)).toMatch(/@top-left \{ content: "\\3c \/style\\3e [^"]*"[\s\S]*@bottom-center \{ content: "UNCLASSIFIED";/);
  });

  it.each([
    ['</style><script>alert(1)</script>'],
    ['"; } body { display: none } @page { content: "'],
    ['line\nbreak\r\fand \\ backslash'],
    ['<!-- -->'],
  ])('cssString(%j) is one CSS string with no markup characters', (value) => {
    const css = cssString(value);
    expect(css).toMatch(/^"(?:[^"\\<>\n\r\f]|\\[0-9a-f]{1,6} )*"$/);
  });

  it('cssString keeps ordinary text readable', () => {
    expect(cssString('UNCLASSIFIED//FOUO')).toBe('"UNCLASSIFIED//FOUO"');
    expect(cssString('日米 2+2')).toBe('"日米 2+2"');
    expect(cssString(undefined)).toBe('""');
  });
});
