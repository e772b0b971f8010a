// The rest of the content model at the transform stage: citations, figures and tables with
// numbered captions and cross-references, acronyms, notes, decide-by dates, dates and paper.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../pipeline/source/decision-dates.js';
import { defaultPaperFor, formatMemoDate } from '../../pipeline/render/dates.js';
import { marginBoxes } from '../../pipeline/render/margin-boxes.js';
import { briefingText, check, expectClean, infoMemoFrontmatter, placeOf } from './content-model-support.js';

const rangesPng = readFileSync(fileURLToPath(new URL('../fixtures/content-model/ranges.png', import.meta.url)));
const sources = ['sources:', '  - { id: scc-2024, title: "Joint Statement of the SCC" }', '  - { id: dod-news, title: "DoD News" }'];

describe('citations', () => {
  it('[@id] is a note in the footnotes\' sequence, numbered by first appearance; citing again reuses the number; [@a; @b] gives adjacent markers', async () => {
    const checked = await check(briefingText([...infoMemoFrontmatter({ title: 'T' }), ...sources], ['One [@dod-news], a note[^1] and two [@scc-2024; @dod-news].', '', '[^1]: An explanation.']));
    expectClean(checked);
    const marker = (label: string, number: number, again = '') =>
      `<sup><a href="#user-content-fn-${label}" id="user-content-fnref-${label}${again}" data-footnote-ref aria-describedby="footnote-label">${number}</a></sup>`;
    const comma = '<sup class="note-separator">,</sup>';
    expect(checked.html).toContain(`One${marker('source-dod-news', 1)}, a note${marker('1', 2)} and two${marker('source-scc-2024', 3)}${comma}${marker('source-dod-news', 1, '-2')}.`);
    const notes = [...checked.notesHtml!.matchAll(/<li id="user-content-fn-([^"]+)">\s*<p>(.*?) <a/g)].map((match) => [match[1], match[2]]);
    expect(notes).toEqual([
      ['source-dod-news', '“DoD News.”'],
      ['1', 'An explanation.'],
      ['source-scc-2024', '“Joint Statement of the SCC.”'],
    ]);
  });

  it('writes a source with a publisher as `Publisher, “Title.”` in its note, keeping a title\'s own question mark', async () => {
    const checked = await check(
      briefingText([...infoMemoFrontmatter({ title: 'T' }), 'sources:', '  - { id: q, title: "Is deterrence \\"credible\\"?", publisher: "Office of Net Assessment" }'], ['A claim.[@q]']),
    );
    expectClean(checked);
    expect(checked.notesHtml).toContain('<p>Office of Net Assessment, “Is deterrence ‘credible’?” <a');
  });

  it('an unknown id is an error at its exact place, naming the ids that exist', async () => {
    const text = briefingText([...infoMemoFrontmatter({ title: 'T' }), ...sources], ['Intro line.', '', 'A claim', '  continued [@scc-2024] and [@nowhere-2024].']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '@nowhere-2024')} citation`]);
    expect(checked.report).toContain('[@nowhere-2024] cites a source that is not in the frontmatter\'s sources list (one of scc-2024, dod-news)');
  });
});

describe('figures, tables and cross-references', () => {
  it('numbers figures and tables, keeps portion marks first, and resolves [@fig:…] and [@tbl:…]', async () => {
    const text = briefingText(infoMemoFrontmatter(), [
      '(U) See [@fig:ranges], [@fig:second] and [@tbl:people].',
      '',
      '![Missile ranges](ranges.png "(U) Ranges of the missiles")',
      '',
      'Table: (U) The participants {#tbl:people}',
      '',
      '| Name | Office |',
      '|---|---|',
      '| A | B |',
      '',
      '![Second](ranges.png "(U) Second figure {#fig:second}")',
    ]);
    const checked = await check(text, { files: { 'ranges.png': rangesPng } });
    expectClean(checked);
    expect(checked.html).toContain(
      'See <a href="#figure-1" class="cross-reference">Figure 1</a>, <a href="#figure-2" class="cross-reference">Figure 2</a> and <a href="#table-1" class="cross-reference">Table 1</a>.',
    );
    expect(checked.html).toMatch(/<figure id="figure-1" class="figure"><img src="https:\/\/briefing\.invalid\/assets\/1\/ranges\.png" alt="Missile ranges"><figcaption><span class="portion-mark">\(U\)<\/span> <span class="caption-label">Figure 1\. <\/span>Ranges of the missiles<\/figcaption><\/figure>/);
    expect(checked.html).toContain('<figure id="table-1" class="table-figure"><figcaption><span class="portion-mark">(U)</span> <span class="caption-label">Table 1. </span>The participants</figcaption>');
    expect(checked.html).toContain('<span class="caption-label">Figure 2. </span>Second figure</figcaption>');
  });

  it('a :::figure block is the same numbered figure as the titled image, with its caption, label and portion mark', async () => {
    const asDirective = briefingText(infoMemoFrontmatter(), [
      '(U) See [@fig:map].',
      '',
      ':::figure{#fig:map}',
      '![Map of the ranges](ranges.png)',
      '',
      '(U) Missile ranges',
      ':::',
    ]);
    const asTitle = briefingText(infoMemoFrontmatter(), ['(U) See [@fig:map].', '', '![Map of the ranges](ranges.png "(U) Missile ranges {#fig:map}")']);
    const directive = await check(asDirective, { files: { 'ranges.png': rangesPng } });
    expectClean(directive);
    expect(directive.html).toContain('See <a href="#figure-1" class="cross-reference">Figure 1</a>.');
    expect(directive.html).toMatch(/<figure id="figure-1" class="figure"><img src="[^"]+ranges\.png" alt="Map of the ranges"><figcaption><span class="portion-mark">\(U\)<\/span> <span class="caption-label">Figure 1\. <\/span>Missile ranges<\/figcaption><\/figure>/);
    expect(directive.html).toBe((await check(asTitle, { files: { 'ranges.png': rangesPng } })).html);
  });

  it('numbers :::figure blocks and titled images in one sequence; the caption may come first or be the block label', async () => {
    const text = briefingText(infoMemoFrontmatter(), [
      '(U) See [@fig:second], [@fig:third] and [@fig:ranges].',
      '',
      '![First](ranges.png "(U) First")',
      '',
      ':::figure{#fig:second}',
      '(U) Caption above the image',
      '',
      '![Second](ranges.png)',
      ':::',
      '',
      ':::figure[(U) Caption as the label]{#fig:third}',
      '![Third](ranges.png)',
      ':::',
    ]);
    const checked = await check(text, { files: { 'ranges.png': rangesPng } });
    expectClean(checked);
    expect(checked.html).toContain('See <a href="#figure-2" class="cross-reference">Figure 2</a>, <a href="#figure-3" class="cross-reference">Figure 3</a> and <a href="#figure-1" class="cross-reference">Figure 1</a>.');
    expect(checked.html).toMatch(/<figure id="figure-2" class="figure"><img [^>]*alt="Second"><figcaption><span class="portion-mark">\(U\)<\/span> <span class="caption-label">Figure 2\. <\/span>Caption above the image<\/figcaption><\/figure>/);
    expect(checked.html).toContain('<span class="caption-label">Figure 3. </span>Caption as the label</figcaption>');
  });

  it("a :::figure caption is a portion: unmarked in a marked memo, it is an error at the caption's line", async () => {
    const text = briefingText(infoMemoFrontmatter(), ['(U) Text.', '', ':::figure{#fig:map}', '![Map](ranges.png)', '', 'Unmarked caption', ':::']);
    const checked = await check(text, { files: { 'ranges.png': rangesPng } });
    expect(checked.errors).toEqual([`${placeOf(text, 'Unmarked caption')} portion-unmarked`]);
    expect(checked.report).toContain('this caption has no portion mark');
  });

  it('a :::figure without an image or caption, with two images, stray blocks or an unusable id is an error at its place', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: 'T' }), [
      ':::figure{#fig:a}',
      'Only a caption',
      ':::',
      '',
      ':::figure{#fig:b}',
      '![Map](ranges.png)',
      ':::',
      '',
      ':::figure{#fig:c}',
      '![One](ranges.png)',
      '',
      '![Two](ranges.png)',
      '',
      'Caption',
      ':::',
      '',
      ':::figure{#fig:d}',
      '![Map](ranges.png)',
      '',
      '- a list',
      ':::',
      '',
      ':::figure{#map}',
      '![Map](ranges.png)',
      '',
      'Caption',
      ':::',
    ]);
    const checked = await check(text, { files: { 'ranges.png': rangesPng } });
    expect(checked.errors).toEqual([
      `${placeOf(text, ':::figure{#fig:a}')} figure`,
      `${placeOf(text, ':::figure{#fig:b}')} figure`,
      `${placeOf(text, '![Two]')} figure`,
      `${placeOf(text, '- a list')} figure`,
      `${placeOf(text, ':::figure{#map}')} figure`,
    ]);
    expect(checked.report).toContain('this :::figure has no image; add one');
    expect(checked.report).toContain('this :::figure has no caption; add a paragraph under the image');
    expect(checked.report).toContain('this :::figure holds 2 images; give each image its own :::figure');
    expect(checked.report).toContain('a :::figure holds one image and one caption paragraph; move this list out of the figure');
    expect(checked.report).toContain('the figure\'s id "#map" cannot be referred to; write it as {#fig:map}');
  });

  it('a reference to a label that does not exist is an error at its place', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: 'T' }), ['See [@fig:nothing].']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '@fig:nothing')} cross-reference`]);
  });
});

describe('acronyms', () => {
  const glossary = ['acronyms:', '  EDD: Extended Deterrence Dialogue', '  SCC: Security Consultative Committee', 'country_codes: [US, JP]'].join('\n');

  it('spells out the first use from the shared glossary and the frontmatter glossary, once each', async () => {
    const text = briefingText([...infoMemoFrontmatter({ title: 'T' }), 'glossary: { NCG: "Nuclear Consultative Group" }'], [
      '## EDD in a heading is left alone',
      '',
      'The EDD met. The EDD meets again. The NCG is Korean. US and JP agreed.',
    ]);
    const checked = await check(text, { files: { 'glossary.yml': glossary } });
    expectClean(checked);
    expect(checked.html).toContain('<h2>EDD in a heading is left alone</h2>');
    expect(checked.html).toContain('The Extended Deterrence Dialogue (EDD) met. The EDD meets again. The Nuclear Consultative Group (NCG) is Korean. US and JP agreed.');
  });

  it('leaves an acronym the author introduced alone, and warns once at the first use of an undefined one', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: 'T' }), [
      'The Security Consultative Committee (SCC) met; the SCC agreed.',
      '',
      'Joint Operations Command (JJOC) is new. The QRX met, the QRX again.',
      '',
      'Part II of the SECRET annex; DO NOT RELEASE THIS. (U) marks and PAC-3 and EAP/K are not acronyms.',
    ]);
    const checked = await check(text, { files: { 'glossary.yml': glossary } });
    expect(checked.warnings).toEqual([`${placeOf(text, 'QRX')} acronym-undefined`]);
    expect(checked.errors).toEqual([]);
    expect(checked.html).toContain('The Security Consultative Committee (SCC) met; the SCC agreed.');
    expect(checked.report).toContain('acronym "QRX" is not defined; add it to');
  });

  it("takes the marking scheme's caveats, in both spellings, for markings rather than acronyms", async () => {
    const checked = await check(briefingText(infoMemoFrontmatter({ title: 'T' }), ['Mark it IMCON (IMC in a portion) or RELIDO.']));
    expectClean(checked);
  });

  it('a broken glossary file is an error that names the file', async () => {
    const checked = await check(briefingText(infoMemoFrontmatter({ title: 'T' }), ['Text.']), { files: { 'glossary.yml': 'acronyms:\n  edd: lower case\n' } });
    expect(checked.report).toMatch(/glossary\.yml: acronyms\.edd: .*fix the glossary file  glossary/);
  });
});

describe('notes', () => {
  it('takes footnotes out of the body: "Notes" for memos, "Endnotes" for policy briefs', async () => {
    const memo = await check(briefingText(infoMemoFrontmatter({ title: 'T' }), ['A claim.[^1]', '', '[^1]: The source.']));
    expectClean(memo);
    expect(memo.html).not.toContain('data-footnotes');
    expect(memo.notesHtml).toContain('Notes</h2>');
    expect(memo.notesHtml).toContain('The source.');
    const brief = await check(
      briefingText(
        ['type: policy-brief', 'id: PB-1', 'title: "Brief"', 'date: 2024-07-29', 'authors: [{ name: "M. Fellow" }]', 'marking: { level: UNCLASSIFIED }'],
        ['A claim.[^1]', '', '[^1]: The source.'],
      ),
    );
    expect(brief.notesHtml).toContain('Endnotes</h2>');
  });

  it('with an id prefix (each memo of a book has its own), every id and every reference to one carries it', async () => {
    const text = briefingText(
      [...infoMemoFrontmatter({ title: 'T' }), ...sources],
      ['A claim.[^1][@scc-2024] See [@fig:ranges] and [@tbl:people].', '', '![Ranges](ranges.png "Ranges")', '', 'Table: People {#tbl:people}', '', '| A |', '|---|', '| b |', '', '[^1]: A note.'],
    );
    const checked = await check(text, { files: { 'ranges.png': rangesPng }, transform: { idPrefix: 'memo-2-' } });
    expectClean(checked);
    const html = checked.html + checked.notesHtml;
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!);
    const references = [...html.matchAll(/ (?:href="#|aria-describedby=")([^"]+)"/g)].map((match) => match[1]!);
    expect(ids.length).toBe(7);
    expect(ids.filter((id) => !id.startsWith('memo-2-'))).toEqual([]);
    expect(references.filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['memo-2-figure-1', 'memo-2-table-1', 'memo-2-footnote-label', 'memo-2-user-content-fn-1', 'memo-2-user-content-fn-source-scc-2024']));
  });
});

describe('decide-by dates on action memos', () => {
  const actionMemo = (decideBy: string, date = '2024-07-31') =>
    briefingText(
      [
        'type: action-memo',
        'id: AM-1',
        'title: "Action"',
        `date: ${date}`,
        'to: [Secretary]',
        'from: { name: "A. Analyst" }',
        'marking: { level: UNCLASSIFIED }',
        'recommendations:',
        '  - text: "That you approve."',
        `    decide_by: ${decideBy}`,
      ],
      ['Body.'],
    );

  it('counts business days, skipping weekends', () => {
    expect(businessDaysBetween('2024-07-31', '2024-08-09')).toBe(7);
    expect(businessDaysBetween('2024-08-02', '2024-08-09')).toBe(5); // Friday to Friday
    expect(businessDaysBetween('2024-08-02', '2024-08-05')).toBe(1); // over a weekend
    expect(businessDaysBetween('2024-08-09', '2024-08-02')).toBe(-5);
  });

  it('fewer than five business days after the memo date is a warning at the decide_by key', async () => {
    const soon = actionMemo('2024-08-02');
    const checked = await check(soon);
    expect(checked.warnings).toEqual([`${placeOf(soon, 'decide_by')} decide-by`]);
    expect(checked.report).toContain("decide_by 2024-08-02 is 2 business days after the memo's date (2024-07-31); allow at least 5");
    expectClean(await check(actionMemo('2024-08-09', '2024-08-02')));
    expect((await check(actionMemo('2024-08-08', '2024-08-02'))).warnings).toHaveLength(1);
    expect((await check(actionMemo('2024-07-30'))).report).toContain("is before the memo's date");
  });
});

describe('dates and paper follow the language', () => {
  it.each([
    ['en-US', 'July 28, 2024', 'letter'],
    ['en-GB', '28 July 2024', 'a4'],
    ['ja-JP', '2024年7月28日', 'a4'],
    ['en', 'July 28, 2024', 'letter'],
  ])('%s writes %s on %s', (lang, written, paper) => {
    expect(formatMemoDate('2024-07-28', lang)).toBe(written);
    expect(defaultPaperFor(lang)).toBe(paper);
  });
});

describe('running header boxes', () => {
  it('keep the banner centred, give the rest to the sides equally, and cut a long title to one line', () => {
    const boxes = marginBoxes('UNCLASSIFIED', 'A very long short title that could never fit in the left margin box of a memo', 'letter');
    expect(parseFloat(boxes.side) * 2 + parseFloat(boxes.centre)).toBeCloseTo(6.5, 1);
    expect(boxes.headerTitle).toMatch(/^A very long short title.*…$/);
    expect(boxes.headerTitle.length).toBeLessThan(60);
    expect(marginBoxes('UNCLASSIFIED', 'Short title', 'a4').headerTitle).toBe('Short title');
    expect(parseFloat(marginBoxes('TOP SECRET//SI/TK//NOFORN', 'x', 'letter').centre)).toBeGreaterThan(parseFloat(marginBoxes('CUI', 'x', 'letter').centre));
  });
});
