// Acronym expansion never rewrites what someone else said: words inside quotation marks (straight,
// typographic, Japanese), a :::quote, a block quote, code, link text and headings print as
// written, and the first *eligible* use of the acronym is the one spelled out. (The HTML prints
// straight quotes as typographic ones: remark-typography.ts.)
import { describe, expect, it } from 'vitest';
import { quotedSpans } from '../../pipeline/transform/quotations.js';
import { briefingText, check, expectClean, infoMemoFrontmatter, placeOf } from './content-model-support.js';

/** The text of an HTML fragment: language spans and other markup do not change what is read. */
const withoutTags = (html: string) => html.replace(/<[^>]+>/g, '');

const glossary = ['acronyms:', '  NATO: North Atlantic Treaty Organization', '  EDD: Extended Deterrence Dialogue', 'country_codes: [US, JP]'].join('\n');
const expanded = 'North Atlantic Treaty Organization (NATO)';

async function body(lines: string[]) {
  const checked = await check(briefingText(infoMemoFrontmatter({ title: 'T' }), lines), { files: { 'glossary.yml': glossary } });
  return checked;
}

/** The quoted parts of a text, as the scanner reads them. */
const quoted = (text: string) => quotedSpans(text).map((span) => text.slice(span.start, span.end));

describe('quotations in prose', () => {
  it('pairs straight, typographic and Japanese marks, and nests one quotation in another', () => {
    expect(quoted('as an "Asian NATO." Then NATO')).toEqual(['"Asian NATO."']);
    expect(quoted('as an “Asian NATO.” Then')).toEqual(['“Asian NATO.”']);
    expect(quoted('「アジア版NATO」と『NATO』')).toEqual(['「アジア版NATO」', '『NATO』']);
    expect(quoted("he said 'an Asian NATO' twice")).toEqual(["'an Asian NATO'"]);
    expect(quoted('"He called it \'an Asian NATO\' on air," she said.')).toEqual(['"He called it \'an Asian NATO\' on air,"']);
    expect(quoted('日本は"NATO"と')).toEqual(['"NATO"']);
  });

  it("takes apostrophes and elisions for what they are: Korea's, the Koreas', '90s, ’90s", () => {
    expect(quoted("Korea's NATO ties, the Koreas' NATO view, the '90s NATO, the ’90s NATO, Korea’s NATO")).toEqual([]);
    expect(quoted("'the Koreas' NATO'")).toEqual(["'the Koreas'"]);
  });

  it('runs a quotation left open to the end of its block, and ignores a closing mark with no opening', () => {
    expect(quoted('an "Asian NATO')).toEqual(['"Asian NATO']);
    expect(quoted('5\'10" tall and NATO” stray')).toEqual([]);
  });
});

describe('acronyms and quotations', () => {
  it('leaves the trilateral memo\'s "Asian NATO." alone and expands the first use outside it', async () => {
    const checked = await body(['Expect Pyongyang to describe the framework as an "Asian NATO." NATO itself is not a party.']);
    expectClean(checked);
    expect(checked.html).toContain(`as an “Asian NATO.” ${expanded} itself is not a party.`);
  });

  it('does not expand inside curly quotes or Japanese brackets, and counts no first use there', async () => {
    const checked = await body(['Officials spoke of an “Asian NATO”, of 「アジア版NATO」 and of 『NATO』; NATO declined to comment.']);
    expectClean(checked);
    expect(withoutTags(checked.html)).toContain(`of an “Asian NATO”, of 「アジア版NATO」 and of 『NATO』; ${expanded} declined to comment.`);
  });

  it('reads a quotation across bold, italics and links', async () => {
    const checked = await body(['They said "the **Asian** NATO" and "an *EDD* for [Asia](https://example.org/)". Later the EDD and NATO met.']);
    expectClean(checked);
    expect(checked.html).toContain('They said “the <strong>Asian</strong> NATO” and “an <em>EDD</em> for <a href="https://example.org/">Asia</a>”.');
    expect(checked.html).toContain(`Later the Extended Deterrence Dialogue (EDD) and ${expanded} met.`);
  });

  it("does not take an apostrophe for a quotation mark: Korea's NATO partners get the expansion", async () => {
    const checked = await body(["Korea's NATO partners met in the '90s."]);
    expectClean(checked);
    expect(checked.html).toContain(`Korea’s ${expanded} partners met in the ’90s.`);
  });

  it('leaves :::quote callouts, block quotes, code, link text and headings alone', async () => {
    const checked = await body([
      '## NATO in a heading',
      '',
      ':::quote{source="Ministry of Foreign Affairs"}',
      'We reject any Asian NATO.',
      ':::',
      '',
      '> An Asian NATO is not on the table.',
      '',
      'The code `NATO` and the [NATO summit](https://example.org/) page.',
      '',
      '```',
      'NATO',
      '```',
      '',
      'Then NATO met.',
    ]);
    expectClean(checked);
    expect(checked.html).toContain('<h2>NATO in a heading</h2>');
    expect(checked.html).toContain('<p>We reject any Asian NATO.</p>');
    expect(checked.html).toContain('<p>An Asian NATO is not on the table.</p>');
    expect(checked.html).toContain('The code <code>NATO</code> and the <a href="https://example.org/">NATO summit</a> page.');
    expect(checked.html).toContain('<pre><code>NATO\n</code></pre>');
    expect(checked.html).toContain(`Then ${expanded} met.`);
    expect(checked.html.match(/North Atlantic/g)).toHaveLength(1);
  });

  it('an undefined acronym used only inside quotations is not reported: no one can rewrite a quotation', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: 'T' }), ['Seoul called it "a QRX in all but name."', '', '> The QRX is dead.']);
    const quotedOnly = await check(text);
    expectClean(quotedOnly);
    expect(quotedOnly.html).toContain('“a QRX in all but name.”');
    // Used in the memo's own words too, it is reported there, never at the quotation.
    const alsoOwn = briefingText(infoMemoFrontmatter({ title: 'T' }), ['Seoul called it "a QRX in all but name."', '', 'The QRX met.']);
    expect((await check(alsoOwn)).warnings).toEqual([`${placeOf(alsoOwn, 'QRX', 1)} acronym-undefined`]);
  });
});
