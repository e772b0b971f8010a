// The redline's marks in the HTML: inserted words in <ins>, deleted words in <del> where they
// stood, headings, lists, tables and notes keeping their shape, and markup alone marking nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeLedger, readChangeLang } from '../../pipeline/change-marks.js';
import { splitBriefing } from '../../pipeline/source/frontmatter.js';
import { loadBriefing, readSource } from '../../pipeline/source/load.js';
import { redlinePlan } from '../../pipeline/transform/redline/plan.js';
import { transformBody } from '../../pipeline/transform/processor.js';
import { writeTree } from '../support/fixtures.js';
import { briefingText, infoMemoFrontmatter } from './content-model-support.js';

const frontmatter = infoMemoFrontmatter({ title: 'Redline test' });

async function redline(oldBody: string[], newBody: string[]) {
  const folder = writeTree({ 'memo.md': briefingText(frontmatter, newBody) });
  const loaded = loadBriefing(await readSource({ path: path.join(folder, 'memo.md'), root: folder, relative: 'memo.md' }), folder);
  expect(loaded.file.messages).toEqual([]);
  const briefing = loaded.briefing!;
  const plan = redlinePlan(splitBriefing(briefingText(frontmatter, oldBody)).body, briefing.body);
  const ledger = new ChangeLedger();
  const body = transformBody(briefing, undefined, 'html', { redline: { plan, source: briefing.body, lang: 'en-US', ledger } });
  // The HTML without the word spans, to read: <ins>a b</ins>.
  const plain = (html: string) => html.replace(/<span class="change-line">([^<]*)<\/span>/g, '$1').replace(/ class="redline-(?:inserted|deleted)" lang="[^"]+"/g, '');
  return { html: plain(body.html), notes: plain(body.notesHtml ?? ''), raw: body.html, ledger, plan };
}

describe('the redline in the HTML', () => {
  it('wraps an inserted phrase in one <ins> and puts the deleted words before it, where they stood', async () => {
    const { html, plan } = await redline(['The ministers met briefly in Tokyo.'], ['The ministers agreed a long list in Tokyo.']);
    expect(html).toContain('<p>The ministers <del>met briefly</del> <ins>agreed a long list</ins> in Tokyo.</p>');
    expect(plan.insertedWords).toBe(4);
    expect(plan.deletedWords).toBe(2);
  });

  it('marks nothing when only the lines were reflowed', async () => {
    const { html, ledger } = await redline(['The ministers met\nin Tokyo on Sunday.'], ['The ministers met in\nTokyo on Sunday.']);
    expect(ledger.changes).toEqual([]);
    expect(html).not.toMatch(/<ins|<del/);
  });

  it('keeps headings, list items and table cells as they are, the change inside them', async () => {
    const { html } = await redline(
      ['## Background', '', '- First item', '- Second item', '', '| Country | Position |', '| --- | --- |', '| Japan | supports |'],
      ['## Background and outlook', '', '- First item', '- Second revised item', '', '| Country | Position |', '| --- | --- |', '| Japan | strongly supports |'],
    );
    expect(html).toContain('<h2>Background <ins>and outlook</ins></h2>');
    expect(html).toContain('<li>Second <ins>revised</ins> item</li>');
    expect(html).toContain('<td><ins>strongly</ins> supports</td>');
  });

  it('brings a deleted paragraph back as a paragraph, and a deleted list item as a list item', async () => {
    const { html } = await redline(
      ['Opening paragraph.', '', 'A paragraph that went.', '', '- Kept item', '- Item that went', '- Last item'],
      ['Opening paragraph.', '', '- Kept item', '- Last item'],
    );
    expect(html).toMatch(/<p>Opening paragraph\.<\/p>\s*<p class="redline-deleted-block"><del>A paragraph that went\.<\/del><\/p>/);
    expect(html).toMatch(/<li>Kept item<\/li>\s*<li class="redline-deleted-block"><del>Item that went<\/del><\/li>\s*<li>Last item<\/li>/);
  });

  it('marks changes inside a note, where the note prints', async () => {
    const { notes } = await redline(['Text.[^1]', '', '[^1]: The old explanation.'], ['Text.[^1]', '', '[^1]: The new explanation.']);
    expect(notes).toContain('The <del>old</del> <ins>new</ins> explanation.');
  });

  it('prints no struck markup when only the emphasis changed, and deleted words without their asterisks', async () => {
    const emphasis = await redline(['A **very** strong alliance.'], ['A very strong alliance.']);
    expect(emphasis.ledger.changes).toEqual([]);
    const struck = await redline(['A **very** strong alliance.'], ['A strong alliance.']);
    expect(struck.html).toContain('A <del>very</del> strong alliance.');
  });

  it('gives each change a language that numbers it, the memo’s own language first', async () => {
    const { raw, ledger } = await redline(['One two three.'], ['One four three.']);
    const langs = [...raw.matchAll(/lang="([^"]+)"/g)].map((match) => readChangeLang(match[1]!));
    expect(langs).toEqual([
      { lang: 'en-US', kind: 'deleted', index: 0 },
      { lang: 'en-US', kind: 'inserted', index: 1 },
    ]);
    expect(ledger.changes).toEqual([
      { kind: 'deleted', text: 'two' },
      { kind: 'inserted', text: 'four' },
    ]);
    // Each word in a span that draws its change bar.
    expect(raw).toContain('<ins class="redline-inserted" lang="en-US-x-ins-1"><span class="change-line">four</span></ins>');
  });

  it('prints a memo new since the earlier version wholly as inserted', async () => {
    const { html, plan } = await redline([], ['## Background', '', 'All of it is new.']);
    expect(html).toContain('<h2><ins>Background</ins></h2>');
    expect(html).toContain('<p><ins>All of it is new.</ins></p>');
    expect(plan.deletions).toEqual([]);
  });
});

/** The HTML without the portion marks' spans around their text. */
const unmarked = (html: string) => html.replace(/<span class="portion-mark">(.*?)<\/span>/g, '$1');

describe('where a deletion goes when the diff could place it in several ways', () => {
  it('deletes a whole list item among items that all open alike', async () => {
    const { html } = await redline(['- (U) First item stays.', '- (U) Second item will go.', '- (U) Third item stays.'], ['- (U) First item stays.', '- (U) Third item stays.']);
    expect(unmarked(html)).toMatch(/<li>\(U\) First item stays\.<\/li>\s*<li class="redline-deleted-block"><del>\(U\) Second item will go\.<\/del><\/li>\s*<li>\(U\) Third item stays\.<\/li>/);
  });

  it('inserts a whole paragraph among paragraphs that open alike', async () => {
    const { html } = await redline(['(U) One.', '', '(U) Three.'], ['(U) One.', '', '(U) Two.', '', '(U) Three.']);
    expect(unmarked(html)).toMatch(/<p>\(U\) One\.<\/p>\s*<p><ins>\(U\)<\/ins><ins> Two\.<\/ins><\/p>\s*<p>\(U\) Three\.<\/p>/);
  });
});

describe('a deletion at the very end', () => {
  it('takes whole notes deleted after the last paragraph as blocks, not the full stop before them', async () => {
    const { html, notes } = await redline(['Planned.[^1]', '', '[^1]: A note that went, July 28, 2024.'], ['Planned.']);
    expect(html).toMatch(/<p>Planned\.<\/p>\s*<p class="redline-deleted-block"><del>A note that went, July 28, 2024\.<\/del><\/p>/);
    expect(notes).toBe('');
  });
});
