// Portion marks and the marking rules R1–R6 (memo-formats.md §2): each rule has a fixture that
// breaks it, and the message must sit at the exact place the author has to change.
import { describe, expect, it } from 'vitest';
import { ukMarkings } from '../../pipeline/source/markings.js';
import { parsePortionMark } from '../../pipeline/source/portion-marks.js';
import { usMarkings } from '../../pipeline/source/markings.js';
import { briefingText, check, expectClean, infoMemoFrontmatter, placeOf } from './content-model-support.js';

const authority = ['  authority: { classified_by: "A. Analyst, EAP/J", reason: "1.4(d)", declassify_on: 20490729 }'];

describe('portion marks in the tree', () => {
  it('reads marks with caveats from paragraphs, headings, list items and captions, and prints them as spans', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: '(S) Marked title', level: 'SECRET//NOFORN', extra: authority }), [
      '## (U) Background',
      '',
      '(S//NF) A secret paragraph.',
      '',
      '- (C) a confidential bullet',
      '- **(U) Bold** opening',
      '',
      '| A | B |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      'Table: (U) Numbers',
    ]);
    const checked = await check(text);
    expectClean(checked);
    expect(checked.html).toContain('<h2><span class="portion-mark">(U)</span> Background</h2>');
    expect(checked.html).toContain('<p><span class="portion-mark">(S//NF)</span> A secret paragraph.</p>');
    expect(checked.html).toContain('<li><span class="portion-mark">(C)</span> a confidential bullet</li>');
    expect(checked.html).toContain('<strong><span class="portion-mark">(U)</span> Bold</strong>');
    expect(checked.html).toContain('<figcaption><span class="portion-mark">(U)</span> <span class="caption-label">Table 1. </span>Numbers</figcaption>');
  });

  it('parses against the configured marking system, so a UK scheme is data', async () => {
    expect(parsePortionMark('(OS) text', ukMarkings)).toMatchObject({ kind: 'mark', mark: { abbreviation: 'OS', rank: 1 } });
    expect(parsePortionMark('(OS) text', usMarkings)).toEqual({ kind: 'none' });
    expectClean(await check(briefingText(infoMemoFrontmatter({ title: '(O) UK title', level: 'OFFICIAL' }), ['(O) Official.']), { markings: ukMarkings }));
    const text = briefingText(infoMemoFrontmatter({ title: '(O) UK title', level: 'OFFICIAL' }), ['(O) Official.', '', '(OS) Sensitive.']);
    expect((await check(text, { markings: ukMarkings })).errors).toEqual([`${placeOf(text, '(OS) Sensitive')} portion-above-banner`]);
  });

  it('leaves ordinary parentheses alone and refuses malformed marks at their place', async () => {
    expect(parsePortionMark('(NATO) members agreed', usMarkings)).toEqual({ kind: 'none' });
    expect(parsePortionMark('(a) first option', usMarkings)).toEqual({ kind: 'none' });
    const text = briefingText(infoMemoFrontmatter({ title: 'Unmarked title' }), ['(NATO) members agreed.', '', '(SECRET) Spelled out.', '', '(X//NF) Unknown level.', '', '(U//DRAFT) Draft inside.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([
      `${placeOf(text, '(SECRET)')} portion-mark-syntax`,
      `${placeOf(text, '(X//NF)')} portion-mark-syntax`,
      `${placeOf(text, '(U//DRAFT)')} portion-mark-syntax`,
    ]);
    expect(checked.report).toContain('abbreviate it as "(S)"');
    expect(checked.report).toContain('"DRAFT" never goes inside a portion mark');
  });
});

describe('R1: the banner is the highest portion mark', () => {
  it('a portion higher than the banner is an error at that portion', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: '(C) Title', level: 'CONFIDENTIAL', extra: authority }), ['(C) Fine.', '', '1. (S) Too high.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '(S) Too high')} portion-above-banner`]);
    expect(checked.report).toContain('list item marked (S) is higher than the banner "CONFIDENTIAL"; raise marking.level to SECRET');
  });

  it('a banner higher than every portion is an error at marking.level unless a compilation reason is given', async () => {
    const frontmatter = infoMemoFrontmatter({ title: '(C) Title', level: 'SECRET', extra: authority });
    const text = briefingText(frontmatter, ['(C) Only confidential.', '', '(U) And unclassified.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, 'SECRET')} banner-above-portions`]);
    expect(checked.report).toContain('lower marking.level to CONFIDENTIAL, or add marking.compilation_reason');
    expectClean(await check(briefingText([...frontmatter, '  compilation_reason: "The compilation reveals the program\'s scope."'], ['(C) Only confidential.', '', '(U) And unclassified.'])));
  });

  it('a classified banner over a memo with no portion marks at all is an error at marking.level', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: 'Title', level: 'SECRET', extra: authority }), ['Nothing marked.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, 'SECRET')} portion-marks-required`]);
  });
});

describe('R1 for caveats: every caveat of every portion appears in the banner', () => {
  const memoWith = (level: string, body: string[], title = '(S) Title') => briefingText(infoMemoFrontmatter({ title, level, extra: authority }), body);

  it('(S//NF) under a SECRET banner without NOFORN is an error at that portion, naming the banner that would fit', async () => {
    const text = memoWith('SECRET', ['(S) Fine.', '', '- (S//NF) Not releasable.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '(S//NF) Not')} portion-caveat-not-in-banner`]);
    expect(checked.report).toContain('list item marked (S//NF) carries NOFORN, which the banner "SECRET" lacks; every portion\'s caveats must appear in the banner: add it to marking.level (e.g. "SECRET//NOFORN") or to marking.dissem, or re-mark this list item');
  });

  it('reads the abbreviations from the marking system: NF is NOFORN, OC is ORCON, REL is a REL TO list', async () => {
    expectClean(await check(memoWith('SECRET//NOFORN', ['(S//NF) Abbreviated.', '', '(S//NOFORN) Spelled out also matches.', '', '(U) Unclassified.'])));
    expectClean(await check(memoWith('SECRET//ORCON/NOFORN', ['(S//OC/NF) Both.'], '(S//OC) Title')));
    expectClean(await check(memoWith('SECRET//REL TO USA, JPN', ['(S//REL) Same list as the banner.', '', '(S//REL TO USA, JPN, KOR) A wider list.'])));
    // NOFORN is stricter than any REL TO list, so it covers one.
    expectClean(await check(memoWith('SECRET//NOFORN', ['(S//NF) Not releasable.', '', '(S//REL TO USA, JPN) Releasable to Japan.'])));
    const title = memoWith('SECRET', ['(S//OC) Controlled.'], '(S//NF) Title');
    expect((await check(title)).errors).toEqual([`${placeOf(title, '"(S//NF) Title"')} portion-caveat-not-in-banner`, `${placeOf(title, '(S//OC)')} portion-caveat-not-in-banner`]);
  });

  it('a banner that releases to a country a portion is not released to is an error at that portion', async () => {
    const text = memoWith('SECRET//REL TO USA, JPN, KOR', ['(S//REL TO USA, JPN, KOR) All three.', '', '(S//REL TO USA, JPN) Not to Korea.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '(S//REL TO USA, JPN) Not')} portion-caveat-not-in-banner`]);
    expect(checked.report).toContain('paragraph marked (S//REL TO USA, JPN) is releasable only to USA, JPN, but the banner "SECRET//REL TO USA, JPN, KOR" also releases to KOR');
  });

  it('caveats written the same in portion and banner are compared as written; frontmatter portions count too', async () => {
    const text = briefingText([...infoMemoFrontmatter({ title: '(S//SI) Title', level: 'SECRET//SI', extra: authority }), 'bluf: "(S//TK) The bottom line."'], ['(S//SI) Body.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '"(S//TK)')} portion-caveat-not-in-banner`]);
  });

  it('the banner spells caveats out: SECRET//NF is refused at marking.level (R4)', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: '(S//NF) Title', level: 'SECRET//NF', extra: authority }), ['(S//NF) Body.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, 'SECRET//NF')} marking-syntax`]);
    expect(checked.report).toContain('marking "SECRET//NF" abbreviates the caveat "NF", as only a portion mark may; spell it out as "NOFORN" in the banner');
    const rel = briefingText(infoMemoFrontmatter({ title: '(S) Title', level: 'SECRET//REL USA, JPN', extra: authority }), ['(S) Body.']);
    expect((await check(rel)).report).toContain('write "REL TO" followed by its countries, e.g. REL TO USA, JPN in the banner');
  });
});

describe('R2: all portions or none', () => {
  it('an unmarked portion is an error at its line once any portion is marked', async () => {
    const text = briefingText(infoMemoFrontmatter(), ['## (U) Heading', '', '(U) Marked.', '', 'Not marked.', '', '## Unmarked heading', '', '- (U) marked item', '- unmarked item']);
    const checked = await check(text);
    expect(checked.errors).toEqual([
      `${placeOf(text, 'Not marked.')} portion-unmarked`,
      `${placeOf(text, '## Unmarked heading')} portion-unmarked`,
      `${placeOf(text, 'unmarked item')} portion-unmarked`,
    ]);
    expect(checked.report).toContain('this paragraph has no portion mark, but other portions of the memo do; open it with one, e.g. (U)');
  });

  it('sub-bullets and follow-on paragraphs inherit the mark of their list item', async () => {
    const text = briefingText(infoMemoFrontmatter(), ['1. (U) Parent item:', '', '   - first sub-bullet', '   - second sub-bullet', '', '   A follow-on paragraph.']);
    expectClean(await check(text));
  });

  it('a frontmatter BLUF is a portion too', async () => {
    const text = briefingText([...infoMemoFrontmatter(), 'bluf: "An unmarked bottom line."'], ['(U) Marked body.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '"An unmarked')} portion-unmarked`]);
  });

  it('an unmarked memo is fine', async () => {
    expectClean(await check(briefingText(infoMemoFrontmatter({ title: 'Unmarked' }), ['## Heading', '', 'Plain text.'])));
  });
});

describe('R3: the title is marked when the body is', () => {
  it('is an error at the title key', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: 'No mark on the title' }), ['(U) Marked body.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, 'title:')} title-unmarked`]);
    expect(checked.report).toContain('open the title with one, e.g. "(U) No mark on the title…"');
  });
});

describe('R4: banner syntax', () => {
  it.each([['SECRET//DRAFT'], ['UNCLASSIFIED//PRE-DECISIONAL'], ['CONFIDENTIAL//NOFORN/DELIBERATIVE']])('refuses %s, a DRAFT-like word inside the banner', async (level) => {
    const text = briefingText(infoMemoFrontmatter({ title: 'Title', level, extra: authority }), ['Body.']);
    const checked = await check(text);
    expect(checked.loadedOk).toBe(false);
    expect(checked.errors).toEqual([`${placeOf(text, level)} marking-syntax`]);
    expect(checked.report).toMatch(/never goes inside the banner/);
  });

  it('refuses an abbreviated level and accepts LEVEL//CATEGORY/VALUE', async () => {
    const abbreviated = briefingText(infoMemoFrontmatter({ title: 'Title', level: 'S//NF' }), ['Body.']);
    expect((await check(abbreviated)).report).toContain('spell it out as "SECRET"');
    const text = briefingText(infoMemoFrontmatter({ title: '(S//NF) Title', level: 'SECRET//NOFORN/PROPIN', extra: authority }), ['(S//NF) Body.']);
    expectClean(await check(text));
  });
});

describe('R5: a classified memo carries its authority block', () => {
  const body = ['(C) Body.'];
  it('is an error at marking when the block is missing', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: '(C) Title', level: 'CONFIDENTIAL' }), body);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, 'marking:')} authority-block`]);
  });

  it('names what an incomplete block is missing, at marking.authority', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: '(C) Title', level: 'CONFIDENTIAL', extra: ['  authority: { classified_by: "A. Analyst" }'] }), body);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, 'authority:')} authority-block`]);
    expect(checked.report).toContain('missing reason and declassify_on');
  });

  it('wants declassify_on as YYYYMMDD or an event', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: '(C) Title', level: 'CONFIDENTIAL', extra: ['  authority: { classified_by: "A", reason: "1.4(d)", declassify_on: "2049-07-29" }'] }), body);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '"2049-07-29"')} authority-block`]);
    const event = briefingText(infoMemoFrontmatter({ title: '(C) Title', level: 'CONFIDENTIAL', extra: ['  authority: { classified_by: "A", reason: "1.4(d)", declassify_on: "Completion of the exercise" }'] }), body);
    expectClean(await check(event));
    const derived = briefingText(infoMemoFrontmatter({ title: '(C) Title', level: 'CONFIDENTIAL', extra: ['  authority: { derived_from: "EAP SCG, 2023", declassify_on: "20490729" }'] }), body);
    expectClean(await check(derived));
  });

  it('is not needed for an unclassified memo', async () => {
    expectClean(await check(briefingText(infoMemoFrontmatter({ title: '(U) Title' }), ['(U) Body.'])));
  });
});

describe('R6: a CUI memo carries its designation block', () => {
  it('is an error at marking when the block is missing, and fine with it', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: '(CUI) Title', level: 'CUI' }), ['(CUI) Body.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, 'marking:')} cui-block`]);
    const withBlock = briefingText(
      infoMemoFrontmatter({ title: '(CUI) Title', level: 'CUI', extra: ['  cui: { controlled_by: "EAP/J", category: "PRVCY", poc: "A. Analyst, 202-555-0100" }'] }),
      ['(CUI) Body.'],
    );
    expectClean(await check(withBlock));
  });
});

describe('R6 belongs to CUI alone, not to every controlled level', () => {
  it('a UK OFFICIAL-SENSITIVE memo needs no CUI designation block', async () => {
    const sensitive = ukMarkings.levels.find((level) => level.banner === 'OFFICIAL-SENSITIVE')!;
    expect(sensitive.controlled).toBe(true);
    expect(sensitive.designationBlock).toBeUndefined();
    const text = briefingText(infoMemoFrontmatter({ title: '(OS) UK title', level: 'OFFICIAL-SENSITIVE' }), ['(OS) Sensitive.', '', '(O) Official.']);
    expectClean(await check(text, { markings: ukMarkings }));
    // The same memo under US CUI still needs one.
    const cui = briefingText(infoMemoFrontmatter({ title: '(CUI) Title', level: 'CUI' }), ['(CUI) Controlled.']);
    expect((await check(cui)).errors).toEqual([`${placeOf(cui, 'marking:')} cui-block`]);
  });
});

describe('one bottom line', () => {
  it('a :::bluf block beside a frontmatter bluf is an error at the block', async () => {
    const text = briefingText([...infoMemoFrontmatter({ title: 'Title' }), 'bluf: "From the frontmatter."'], ['Intro.', '', ':::bluf', 'From the body.', ':::']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, ':::bluf')} bluf-twice`]);
    expect(checked.report).toContain("the bottom line is given twice, in the frontmatter's bluf: (line 10)");
  });

  it('two :::bluf blocks are an error at the second; one alone prints as a callout', async () => {
    const text = briefingText(infoMemoFrontmatter({ title: 'Title' }), [':::bluf', 'First.', ':::', '', ':::bluf', 'Second.', ':::']);
    expect((await check(text)).errors).toEqual([`${placeOf(text, ':::bluf', 1)} bluf-twice`]);
    const single = await check(briefingText(infoMemoFrontmatter({ title: 'Title' }), [':::bluf', 'Only one.', ':::']));
    expectClean(single);
    expect(single.html).toContain('<aside class="callout callout-bluf">');
  });
});
