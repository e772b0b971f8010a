// Placeholders left by `briefing new` are errors at their place, in the frontmatter and in the
// body; code and an escaped `\[[` are text as written.
import { describe, expect, it } from 'vitest';
import { briefingText, check, placeOf } from './content-model-support.js';

const scaffold = briefingText(
  [
    'type: info-memo',
    'id: PH-001',
    'title: "[[Subject: one line]]"',
    'date: 2024-07-29',
    'to: ["[[Addressee, e.g. The Secretary]]"]',
    'from: { name: "[[Your name]]", office: "Office of Japanese Affairs" }',
    'marking: { level: UNCLASSIFIED }',
    'bluf: "The point: [[one to four sentences]]."',
  ],
  [
    '## Background',
    '',
    '[[What happened, in a paragraph or two.]]',
    '',
    'Code keeps its brackets: `[[not a placeholder]]`, nor is \\[[this one]].',
    '',
    '```',
    '[[nor this, in a fence]]',
    '```',
  ],
);

describe('placeholders', () => {
  it('are each an error at the placeholder, in the frontmatter and the body, and nothing else is', async () => {
    const checked = await check(scaffold);
    expect(checked.loadedOk).toBe(false);
    expect(checked.errors).toEqual(
      ['[[Subject: one line]]', '[[Addressee, e.g. The Secretary]]', '[[Your name]]', '[[one to four sentences]]', '[[What happened, in a paragraph or two.]]'].map(
        (found) => `${placeOf(scaffold, found)} placeholder`,
      ),
    );
    expect(checked.warnings).toEqual([]);
  });

  it('say what to do', async () => {
    const checked = await check(scaffold);
    expect(checked.report).toContain(`memo.md:${placeOf(scaffold, '[[Your name]]')}  error  replace the placeholder [[Your name]] with your own text  placeholder`);
  });

  it('are gone once replaced: the memo loads without a word', async () => {
    const edited = ['[[Subject: one line]]', '[[Addressee, e.g. The Secretary]]', '[[Your name]]', '[[one to four sentences]]', '[[What happened, in a paragraph or two.]]'].reduce(
      (text, found) => text.replace(found, 'Text'),
      scaffold,
    );
    const checked = await check(edited);
    expect(checked.report).toBe('');
    expect(checked.loadedOk).toBe(true);
  });
});

describe('brackets Markdown reads as a link', () => {
  it.each([
    ['an image', '![[foo]]'],
    ['a link definition', '[[foo]]: /url'],
    ['an inline link', '[[foo]](https://example.org)'],
    ['a full reference', '[[foo]][ref]\n\n[ref]: https://example.org'],
    ['a label the memo defines', '[[*foo* bar]]\n\n[*foo* bar]: https://example.org'],
    ['three brackets', '[[[foo]]]'],
  ])('are not a placeholder: %s', async (_name, body) => {
    const checked = await check(briefingText(['type: info-memo', 'id: PH-002', 'title: "T"', 'date: 2024-07-29', 'to: [S]', 'from: { name: "A" }', 'marking: { level: UNCLASSIFIED }', 'bluf: "B."'], [body]));
    expect(checked.errors.filter((error) => error.endsWith('placeholder'))).toEqual([]);
  });
});
