// What a memo's marking keys do (memo-formats.md §2–3): `marking.dissem` builds the banner
// (`level: SECRET` + `dissem: [NOFORN]` is SECRET//NOFORN) wherever a banner is printed or judged
// — page rules, the marking rules, the book, the PDF's keywords — never doubling a control the
// level already has, and a bad control is an error at its place. A policy brief's `from` prints
// with its byline; `marking.cui.category` takes one category or a list.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overallMarking } from '../../pipeline/run/book/model.js';
import { bookView } from '../../pipeline/run/book/model.js';
import { renderDocument } from '../../pipeline/render/render.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { bannerText } from '../../pipeline/source/banner.js';
import { formatDiagnostics } from '../../pipeline/source/diagnostics.js';
import { loadBriefing, readSource } from '../../pipeline/source/load.js';
import { ukMarkings, usMarkings } from '../../pipeline/source/markings.js';
import type { Frontmatter } from '../../pipeline/source/schema.js';
import { assetOrigin, transformBody } from '../../pipeline/transform/processor.js';
import type { RenderedDocument } from '../../pipeline/types.js';
import { writeTree } from '../support/fixtures.js';
import { briefingText, check, expectClean, infoMemoFrontmatter, placeOf } from './content-model-support.js';

const templates = loadTemplates();
const authority = '  authority: { classified_by: "A. Analyst, EAP/J", reason: "1.4(d)", declassify_on: 20490729 }';

async function render(text: string): Promise<RenderedDocument> {
  const folder = writeTree({ 'memo.md': text });
  const loaded = loadBriefing(await readSource({ path: path.join(folder, 'memo.md'), root: folder, relative: 'memo.md' }), folder);
  expect(formatDiagnostics([loaded.file])).toBe('');
  return renderDocument(loaded.briefing!, transformBody(loaded.briefing!), { templates, origin: assetOrigin, date: new Date('2024-07-29T00:00:00Z'), markings: usMarkings });
}

const secretNoforn = (body = ['(S//NF) Not releasable.', '', '(U) Unclassified.'], extra: string[] = []) =>
  briefingText(infoMemoFrontmatter({ title: '(S//NF) Title', level: 'SECRET', extra: ['  dissem: [NOFORN]', authority, ...extra] }), body);

describe('marking.dissem builds the banner', () => {
  it('adds each control after //, beside the controls the level has, never twice', () => {
    expect(bannerText({ level: 'SECRET', dissem: ['NOFORN'] }, usMarkings)).toBe('SECRET//NOFORN');
    expect(bannerText({ level: 'SECRET', dissem: ['ORCON', 'NOFORN'] }, usMarkings)).toBe('SECRET//ORCON/NOFORN');
    expect(bannerText({ level: 'SECRET//NOFORN', dissem: ['NOFORN'] }, usMarkings)).toBe('SECRET//NOFORN');
    expect(bannerText({ level: 'SECRET//ORCON', dissem: ['noforn', 'ORCON'] }, usMarkings)).toBe('SECRET//ORCON/NOFORN');
    expect(bannerText({ level: 'TOP SECRET//SI', dissem: ['NOFORN'] }, usMarkings)).toBe('TOP SECRET//SI//NOFORN');
    expect(bannerText({ level: 'SECRET', dissem: ['REL TO USA,  jpn'] }, usMarkings)).toBe('SECRET//REL TO USA, JPN');
    expect(bannerText({ level: 'OFFICIAL-SENSITIVE', dissem: ['UK EYES ONLY'] }, ukMarkings)).toBe('OFFICIAL-SENSITIVE//UK EYES ONLY');
    // Without dissem the level is the banner, exactly as written.
    expect(bannerText({ level: 'SECRET//NOFORN' }, usMarkings)).toBe('SECRET//NOFORN');
  });

  it('a SECRET memo with dissem NOFORN passes the caveat rule (R1) that level SECRET alone fails', async () => {
    expectClean(await check(secretNoforn()));
    const withoutDissem = briefingText(infoMemoFrontmatter({ title: '(S) Title', level: 'SECRET', extra: [authority] }), ['(S//NF) Not releasable.']);
    expect((await check(withoutDissem)).errors).toEqual([`${placeOf(withoutDissem, '(S//NF) Not')} portion-caveat-not-in-banner`]);
  });

  it('judges portions against the whole banner and says to add a missing control to marking.dissem', async () => {
    const text = secretNoforn(['(S//NF) Fine.', '', '(S//OC) Controlled.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '(S//OC)')} portion-caveat-not-in-banner`]);
    expect(checked.report).toContain('carries ORCON, which the banner "SECRET//NOFORN" lacks; every portion\'s caveats must appear in the banner: add it to marking.dissem or re-mark this paragraph');
    const tooHigh = secretNoforn(['(S//NF) Fine.', '', '(TS) Too high.']);
    expect((await check(tooHigh)).report).toContain('paragraph marked (TS) is higher than the banner "SECRET//NOFORN"');
  });

  it('prints SECRET//NOFORN in the top and bottom banners and the PDF keywords', async () => {
    const document = await render(secretNoforn());
    expect(document.html).toMatch(/@top-center \{ content: "SECRET\/\/NOFORN";/);
    expect(document.html).toMatch(/@bottom-center \{ content: "SECRET\/\/NOFORN";/);
    expect(document.metadata.keywords).toContain('SECRET//NOFORN');
    expect(document.metadata.keywords).not.toContain('SECRET');
  });

  it("gives the book's overall marking, contents and summary the whole banner", () => {
    const memo = (level: string, dissem?: string[]) => ({ marking: { level, ...(dissem ? { dissem } : {}) } }) as Frontmatter;
    expect(overallMarking([memo('SECRET', ['NOFORN']), memo('CONFIDENTIAL')], usMarkings)).toBe('SECRET//NOFORN');
    const frontmatter = { ...memo('SECRET', ['NOFORN']), type: 'info-memo', id: 'B-1', title: '(S//NF) Title', date: '2024-07-29', bluf: '(S//NF) Bottom line.' } as Frontmatter;
    const view = bookView([{ number: 1, frontmatter, html: '', view: {} }], { from: '2024-07-29', to: '2024-08-04', label: '2024-W31' }, undefined, {
      title: 'Book',
      office: 'Office',
      lang: 'en-US',
      paper: 'letter',
      markings: usMarkings,
      labels: { regions: new Map(), topics: new Map(), countries: new Map() },
    });
    expect(view.banner).toBe('SECRET//NOFORN');
    expect(view.contents.find((entry) => 'marking' in entry)).toMatchObject({ marking: 'SECRET//NOFORN' });
    expect(view.summary[0]!.portion).toBe('S//NF');
  });

  it('refuses a bad control at its place in the list, saying what to write', async () => {
    const cases: [string, string][] = [
      ['NF', 'marking.dissem "NF" abbreviates the control, as only a portion mark may; spell it out as "NOFORN"'],
      ['NOFORN//ORCON', 'marking.dissem "NOFORN//ORCON" holds more than one control; write one control per item, e.g. dissem: [NOFORN, ORCON]'],
      ['DRAFT', 'marking.dissem "DRAFT" never goes inside the banner'],
      ['TOP SECRET', 'marking.dissem "TOP SECRET" is a level, not a dissemination control; set the level in marking.level (TOP SECRET)'],
      ['NOFRON', 'marking.dissem "NOFRON" is not a dissemination control; did you mean NOFORN?'],
    ];
    for (const [control, message] of cases) {
      const text = briefingText(infoMemoFrontmatter({ title: '(S) Title', level: 'SECRET', extra: [`  dissem: [ORCON, "${control}"]`, authority] }), ['(S) Body.']);
      const checked = await check(text);
      expect(checked.errors, control).toEqual([`${placeOf(text, `"${control}"`)} marking-dissem`]);
      expect(checked.report).toContain(message);
    }
    const rel = briefingText(infoMemoFrontmatter({ title: '(S) Title', level: 'SECRET//REL TO USA, JPN', extra: ['  dissem: ["REL TO USA, GBR"]', authority] }), ['(S) Body.']);
    expect((await check(rel)).report).toMatch(/:10:12 {2}error {2}marking\.dissem "REL TO USA, GBR" differs from the REL TO USA, JPN in marking\.level "SECRET\/\/REL TO USA, JPN"; write it in one place {2}marking-dissem/);
    // An unquoted REL TO list is cut at its commas by YAML: said at the country cut off.
    const unquoted = briefingText(infoMemoFrontmatter({ title: '(S) Title', level: 'SECRET', extra: ['  dissem: [REL TO USA, JPN]', authority] }), ['(S) Body.']);
    const cut = await check(unquoted);
    expect(cut.errors).toEqual([`${placeOf(unquoted, 'JPN')} marking-dissem`]);
    expect(cut.report).toContain('marking.dissem "JPN" reads as a country of "REL TO USA" before it, cut off because YAML splits a list at commas; put the whole control in quotes: "REL TO USA, JPN"');
    // A control the marking system does not list may be real: a warning, and the memo builds.
    const unlisted = briefingText(infoMemoFrontmatter({ title: '(S) Title', level: 'SECRET', extra: ['  dissem: [RSEN]', authority] }), ['(S) Body.']);
    const checked = await check(unlisted);
    expect(checked.errors).toEqual([]);
    expect(checked.warnings).toEqual([`${placeOf(unlisted, 'RSEN')} marking-dissem`]);
  });
});

describe('contract points', () => {
  const brief = (extra: string[]) =>
    briefingText(['type: policy-brief', 'id: PB-1', 'title: "Alliance command"', 'date: 2024-07-29', 'authors: [{ name: "M. Fellow" }, { name: "N. Scholar" }]', 'marking: { level: UNCLASSIFIED }', ...extra], ['Text.']);

  it('a policy brief may carry from, its issuing office, printed with the byline', async () => {
    expectClean(await check(brief(['from: { name: "A. Analyst", office: "Office of Japanese Affairs" }'])));
    const html = (await render(brief(['from: { name: "A. Analyst", office: "Office of Japanese Affairs" }']))).html;
    expect(html).toContain('<p class="brief-byline"><span class="author">M. Fellow</span><span class="author">N. Scholar</span><span class="issuing-office">A. Analyst, Office of Japanese Affairs</span></p>');
    const without = (await render(brief([]))).html;
    expect(without.slice(without.indexOf('</style>'))).not.toContain('issuing-office');
  });

  it('marking.cui.category takes one category or a list, and the designation block lists them all', async () => {
    const cui = (category: string) =>
      briefingText(
        infoMemoFrontmatter({ title: '(CUI) Title', level: 'CUI', extra: [`  cui: { controlled_by: "EAP/J", category: ${category}, poc: "A. Analyst, 202-555-0100" }`] }),
        ['(CUI) Body.'],
      );
    expect((await render(cui('[OPSEC, PRVCY]'))).html).toContain('<div><dt>CUI Category:</dt> <dd>OPSEC, PRVCY</dd></div>');
    expect((await render(cui('PRVCY'))).html).toContain('<div><dt>CUI Category:</dt> <dd>PRVCY</dd></div>');
    const empty = cui('[]');
    expect((await check(empty)).errors).toEqual([`${placeOf(empty, '[]')} frontmatter`]);
  });
});
