// Text shaping at the transform and render stages: typographic quotes and apostrophes in prose and
// in the frontmatter texts that print, never in code or URLs, Japanese brackets and `--`/`...` as
// written; NFC; URLs that break only after / . - _ ? & =; font faces that leave combining marks
// to the face that has the accented letters.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFaceCss, withoutCombiningMarks } from '../../pipeline/render/fonts.js';
import { renderDocument } from '../../pipeline/render/render.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { loadBriefing, readSource } from '../../pipeline/source/load.js';
import { usMarkings } from '../../pipeline/source/markings.js';
import { typographicText } from '../../pipeline/transform/plugins/remark-typography.js';
import { breakableUrlHtml, urlSegments } from '../../pipeline/transform/printed-urls.js';
import { assetOrigin, transformBody } from '../../pipeline/transform/processor.js';
import { writeTree } from '../support/fixtures.js';
import { briefingText, check, expectClean, infoMemoFrontmatter } from './content-model-support.js';

/** The text of an HTML fragment: language spans and other markup do not change what is read. */
const withoutTags = (html: string) => html.replace(/<[^>]+>/g, '');

const togoDecomposed = 'To\u0304go\u0304';

describe('typographic quotes in the body', () => {
  it("turns straight quotes and apostrophes into typographic ones: “…”, ‘…’, Korea’s, ’90s", async () => {
    const checked = await check(briefingText(infoMemoFrontmatter({ title: 'T' }), [`Seoul's view: "the '90s are over," and 'never again'. "The **Asian** NATO" was named.`]));
    expectClean(checked);
    expect(checked.html).toContain('Seoul’s view: “the ’90s are over,” and ‘never again’. “The <strong>Asian</strong> NATO” was named.');
  });

  it('leaves code, URLs, Japanese brackets, -- and ... as written', async () => {
    const checked = await check(
      briefingText(infoMemoFrontmatter({ title: 'T' }), [
        'Code `"x" and \'y\'` and "quoted" text; https://example.org/o\'clock?q=1 and <https://example.org/it\'s>.',
        '',
        '```',
        'say "hi" and don\'t',
        '```',
        '',
        '「アジア版NATO」と『同盟』 -- then... more',
      ]),
    );
    expectClean(checked);
    expect(checked.html).toContain('<code>"x" and \'y\'</code> and “quoted” text;');
    expect(checked.html).toContain('say "hi" and don\'t');
    expect(checked.html).toContain('o\'clock?<wbr>');
    expect(checked.html).toContain('it\'s</span></a>');
    expect(withoutTags(checked.html)).toContain('「アジア版NATO」と『同盟』 -- then... more');
  });

  it('opens a quotation that follows a Japanese letter: 日本は“NATO”と“日本”と', async () => {
    const checked = await check(briefingText(infoMemoFrontmatter({ title: 'T' }), ['日本は"NATO"と"日本"と言う。', '', '"東京"と"大阪"、"**東京**と大阪"']));
    expect(withoutTags(checked.html)).toContain('日本は“NATO”と“日本”と言う。');
    expect(withoutTags(checked.html)).toContain('“東京”と“大阪”、“東京と大阪”');
  });

  it('normalises text to NFC: a letter written with a combining mark becomes the composed letter', async () => {
    const checked = await check(briefingText(infoMemoFrontmatter({ title: 'T' }), [`Foreign Minister ${togoDecomposed} Shigenori.`]));
    expect(checked.html).toContain('Foreign Minister Tōgō Shigenori.');
    expect(checked.html).not.toContain('\u0304');
  });
});

describe('frontmatter texts print with the same typography', () => {
  it('title, FROM, BLUF, sources and the running header get typographic quotes and NFC', async () => {
    const text = briefingText(
      [
        'type: info-memo',
        'id: TY-1',
        `title: "Japan's \\"new era\\" with To\\u0304go\\u0304"`,
        'date: 2024-07-29',
        'to: [Secretary]',
        'from: { name: "A. Analyst", office: "Office of Japan\'s Affairs" }',
        'marking: { level: UNCLASSIFIED }',
        `bluf: "Tokyo called it a \\"new era.\\""`,
        'sources:',
        '  - { id: s, title: "The \\"2+2\\" statement", url: "https://www.defense.gov/News/Releases/" }',
      ],
      ['Body.'],
    );
    const folder = writeTree({ 'm.md': text });
    const loaded = loadBriefing(await readSource({ path: path.join(folder, 'm.md'), root: folder, relative: 'm.md' }), folder);
    const html = renderDocument(loaded.briefing!, transformBody(loaded.briefing!), { templates: loadTemplates(), origin: assetOrigin, date: new Date('2024-07-29T00:00:00Z'), markings: usMarkings }).html;
    expect(html).toContain('<h1 class="subject">Japan’s “new era” with Tōgō');
    expect(html).toContain('@top-left { content: "Japan’s “new era” with Tōgō"');
    expect(html).toContain('Tokyo called it a “new era.”');
    expect(html).toContain('Office of Japan’s Affairs');
    // A source title prints quoted in the bibliography; its own quotation marks become single ones (Chicago).
    expect(html).toContain('“The ‘2+2’ statement.”');
    expect(html).toContain('<a href="https://www.defense.gov/News/Releases/"><span class="url">https://www.<wbr>defense.<wbr>gov/<wbr>News/<wbr>Releases/</span></a>');
    expect(html).not.toContain('\u0304');
  });

  it('one function shapes a frontmatter text: the same quotes, apostrophes and NFC as the body', () => {
    expect(typographicText(`"Asian NATO" in the '90s, Korea's ${togoDecomposed}`)).toBe('“Asian NATO” in the ’90s, Korea’s Tōgō');
    expect(typographicText('An em dash -- and dots... stay')).toBe('An em dash -- and dots... stay');
  });
});

describe('printed URLs', () => {
  it('break only after / . - _ ? & =, the scheme staying with the host', () => {
    expect(urlSegments('https://www.defense.gov/News/Releases/Release/Article/3852232/joint_statement?id=1&lang=en')).toEqual([
      'https://www.',
      'defense.',
      'gov/',
      'News/',
      'Releases/',
      'Release/',
      'Article/',
      '3852232/',
      'joint_',
      'statement?',
      'id=',
      '1&',
      'lang=',
      'en',
    ]);
    expect(breakableUrlHtml('https://a.org/?q="x"&y=<z>')).toBe('<span class="url">https://a.<wbr>org/?<wbr>q=<wbr>&quot;x&quot;&amp;<wbr>y=<wbr>&lt;z&gt;</span>');
  });

  it('a bare URL and an autolink in the body get the same break opportunities; link text that is not a URL does not', async () => {
    const checked = await check(briefingText(infoMemoFrontmatter({ title: 'T' }), ['See https://www.mofa.go.jp/a_b/c-d.html and <https://x.org/y> and [the statement](https://x.org/z).']));
    expect(checked.html).toContain('<a href="https://www.mofa.go.jp/a_b/c-d.html"><span class="url">https://www.<wbr>mofa.<wbr>go.<wbr>jp/<wbr>a_<wbr>b/<wbr>c-<wbr>d.<wbr>html</span></a>');
    expect(checked.html).toContain('<a href="https://x.org/y"><span class="url">https://x.<wbr>org/<wbr>y</span></a>');
    expect(checked.html).toContain('<a href="https://x.org/z">the statement</a>');
  });
});

describe('font faces', () => {
  it('the face that holds the base letters claims no combining marks, so ō comes from the face that has it', () => {
    const latin = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F';
    expect(withoutCombiningMarks(latin)).toBe('U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F');
    expect(withoutCombiningMarks('U+0000-0400')).toBe('U+0000-02FF,U+0370-0400');
    const latinExt = 'U+0100-02BA,U+02BD-02C5,U+0304,U+0308,U+0329,U+1E00-1E9F';
    expect(withoutCombiningMarks(latinExt)).toBe(latinExt);
    const css = fontFaceCss(assetOrigin);
    expect(css).toContain(`src: url(${assetOrigin}/fonts/tinos/files/tinos-latin-400-normal.woff2)`);
    const latinFaces = [...css.matchAll(/latin-400-normal\.woff2[^}]*unicode-range: ([^;]+);/g)].map((match) => match[1]!);
    expect(latinFaces.length).toBeGreaterThanOrEqual(2); // Tinos and Noto Serif JP
    for (const range of latinFaces) expect(range).not.toMatch(/U\+03[0-6]/);
  });
});
