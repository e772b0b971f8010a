// The content model end to end: real briefings printed by the real CLI and read back from the
// PDF — banners on every page, portion marks, the DRAFT watermark, decision lines, the authority
// block on page 1 only, numbered captions, citations, language, paper — and positioned errors
// for broken memos while the good ones beside them still build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf, type PdfReading } from '../support/pdf.js';

const rangesPng = readFileSync(fileURLToPath(new URL('../fixtures/content-model/ranges.png', import.meta.url)));

const paragraph = (mark: string, number: number) =>
  `${number}. ${mark} The working-level Extended Deterrence Dialogue (EDD) has met twice a year since 2010; this paragraph is long enough to fill several lines of the page so that the memo runs onto a second page and the running header, banners and watermark can be checked there too.`;

const secretAction = `---
type: action-memo
id: CM-E2E-SECRET
title: "(S) Follow-up to the ministerial extended deterrence meeting"
short_title: "(U) Deterrence follow-up"
date: 2024-07-31
to: [The Secretary]
from: { name: "J. Principal", office: "Bureau of East Asian and Pacific Affairs" }
marking:
  level: SECRET//NOFORN
  authority: { classified_by: "J. Principal, EAP", reason: "1.4(b), (d)", declassify_on: 20490731 }
status: draft
colour_bands: true
bluf: "(S//NF) We recommend a standing ministerial session."
sources:
  - { id: scc-2024, title: "Joint Statement of the Security Consultative Committee (2+2)" }
recommendations:
  - { text: "(S//NF) That you approve proposing a standing ministerial session.", decide_by: 2024-08-02, recommended_by: "EAP, PM", opposed_by: "AVC" }
  - { text: "(U) That you approve the talking points." }
attachments: ["Talking points", "Joint statement", "Background"]
glossary: { EAP: "Bureau of East Asian and Pacific Affairs", PM: "Bureau of Political-Military Affairs", AVC: "Bureau of Arms Control, Deterrence and Stability" }
---

## (U) Background

${Array.from({ length: 7 }, (_, index) => paragraph(index % 2 ? '(U)' : '(S//NF)', index + 1)).join('\n\n')}

![Ranges](ranges.png "(U) Missile ranges {#fig:ranges}")

(U) The ministers agreed [@scc-2024]; see [@fig:ranges] and [@tbl:offices].[^1]

Table: (U) Offices consulted {#tbl:offices}

| Office | View |
|---|---|
| EAP | supports |
| AVC | opposes |

[^1]: (U) Joint statement, Tokyo, July 28, 2024.
`;

const plainMemo = (options: { id: string; lang: string; rows?: number }) => `---
type: info-memo
id: ${options.id}
title: "Language test"
date: 2024-07-28
lang: ${options.lang}
to: [Secretary]
from: { name: "A. Analyst" }
marking: { level: UNCLASSIFIED }
bluf: "A short bottom line."
---

Text.

| Header one | Header two |
|---|---|
${Array.from({ length: options.rows ?? 2 }, (_, index) => `| row ${index + 1} | value ${index + 1} |`).join('\n')}
`;

const r1Broken = `---
type: info-memo
id: CM-E2E-R1
title: "(C) A confidential memo with a secret paragraph"
date: 2024-07-29
to: [Secretary]
from: { name: "A. Analyst" }
marking:
  level: CONFIDENTIAL
  authority: { classified_by: "A. Analyst", reason: "1.4(d)", declassify_on: 20490729 }
bluf: "(C) The bottom line."
---

(C) Fine.

(S) Too high for the banner.

Unmarked paragraph.
`;

const cuiBroken = `---
type: info-memo
id: CM-E2E-CUI
title: "(CUI) Controlled memo"
date: 2024-07-29
to: [Secretary]
from: { name: "A. Analyst" }
marking: { level: CUI }
bluf: "(CUI) The bottom line."
---

(CUI) Body [@nowhere].
`;

async function pageSizes(file: string) {
  const document = await PDFDocument.load(readFileSync(file));
  return document.getPages().map((page) => page.getSize());
}

describe('content model, built and read back', () => {
  const folder = writeTree({
    'secret-action.md': secretAction,
    'ranges.png': rangesPng,
    'en-gb.md': plainMemo({ id: 'CM-E2E-GB', lang: 'en-GB', rows: 70 }),
    'ja.md': plainMemo({ id: 'CM-E2E-JA', lang: 'ja-JP' }),
    'r1-broken.md': r1Broken,
    'cui-broken.md': cuiBroken,
  });
  const out = tempFolder('briefing-content-model-');
  let result: CliResult;
  let secret: PdfReading;

  beforeAll(async () => {
    result = await runCli(['build', folder, '--out', out]);
    secret = await readPdf(path.join(out, 'secret-action.pdf'));
  });

  it('fails the broken memos with positioned messages and rule ids, and still builds the good ones', () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^built 3, failed 2, in /m);
    const r1 = path.join(folder, 'r1-broken.md');
    const cui = path.join(folder, 'cui-broken.md');
    expect(result.stderr).toContain(`${r1}:16:1  error  paragraph marked (S) is higher than the banner "CONFIDENTIAL"; raise marking.level to SECRET or re-mark this paragraph (if "(S)" is a list letter, not a marking, write "S." instead)  portion-above-banner`);
    expect(result.stderr).toContain(`${r1}:18:1  error  this paragraph has no portion mark, but other portions of the memo do; open it with one, e.g. (U)  portion-unmarked`);
    expect(result.stderr).toContain(`${cui}:8:1  error  a CUI memo needs its designation block`);
    expect(result.stderr).toMatch(new RegExp(`${cui.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:12:13  error  \\[@nowhere\\] cites a source .*  citation`));
    expect(result.stderr).toContain(`${path.join(folder, 'secret-action.md')}:18:83  warning  decide_by 2024-08-02 is 2 business days`);
  });

  it('prints the banner at top and bottom of every page, with DRAFT beside it and as a watermark', () => {
    expect(secret.pages.length).toBeGreaterThan(1);
    for (const page of secret.pages) {
      expect(page.match(/SECRET\/\/NOFORN/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(page.match(/DRAFT/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    }
  });

  it('prints portion marks where the author wrote them, and the subject with its mark', () => {
    const all = secret.pages.join('\n');
    expect(all).toContain('(S) Follow-up to the ministerial extended deterrence meeting');
    expect(all).toContain('(U) Background');
    expect(all).toMatch(/1\. ?\(S\/\/NF\) The working-level Extended Deterrence Dialogue \(EDD\)/);
    expect(all).toContain('Bottom line: (S//NF) We recommend');
  });

  it('prints the authority block on page 1 only, and the running header from page 2', () => {
    expect(secret.pages[0]).toContain('Classified By: J. Principal, EAP');
    expect(secret.pages[0]).toContain('Declassify On: 20490731');
    expect(secret.pages[0]).not.toContain('Deterrence follow-up');
    for (const page of secret.pages.slice(1)) {
      expect(page).not.toContain('Classified By');
      expect(page).toContain('(U) Deterrence follow-up');
    }
  });

  it('prints decision lines, split positions, the decide-by date and attachments as tabs', () => {
    const all = secret.pages.join('\n');
    expect(all.match(/Approve _+ ?Disapprove _+ ?Other _+/g)).toHaveLength(2);
    expect(all).toContain('Recommended by: EAP, PM');
    expect(all).toContain('Opposed by: AVC');
    expect(all).toContain('Decision needed by August 2, 2024');
    expect(all).toMatch(/Tab A – Talking points[\s\S]*Tab B – Joint statement[\s\S]*Tab C – Background/);
  });

  it('numbers the figure and the table, resolves cross-references and prints citations as notes linked to the Notes list', () => {
    const all = secret.pages.join('\n');
    expect(all).toContain('(U) Figure 1. Missile ranges');
    expect(all).toContain('(U) Table 1. Offices consulted');
    // [@scc-2024] is note 1 and the footnote [^1] note 2: one sequence.
    expect(all).toContain('The ministers agreed1; see Figure 1 and Table 1.2');
    const notesPage = secret.pages.findIndex((page) => page.includes('1. “Joint Statement of the Security Consultative Committee (2+2).”')) + 1;
    expect(notesPage).toBeGreaterThan(0);
    expect(all.indexOf('2. (U) Joint statement, Tokyo')).toBeGreaterThan(all.indexOf('1. “Joint Statement'));
    expect(secret.linkTargets.flat()).toContain(notesPage);
    // Notes come last in a memo, after the recommendations.
    expect(all.indexOf('Joint statement, Tokyo')).toBeGreaterThan(all.indexOf('Recommendation'));
  });

  it('writes the date in the style of the language and picks the paper from it', async () => {
    const british = await readPdf(path.join(out, 'en-gb.pdf'));
    expect(british.pages[0]).toContain('28 July 2024');
    expect(british.lang).toBe('en-GB');
    // Not a draft: no watermark and nothing beside the banner.
    expect(british.pages.join('\n')).not.toContain('DRAFT');
    const japanese = await readPdf(path.join(out, 'ja.pdf'));
    expect(japanese.pages[0]).toContain('2024年7月28日');
    expect(japanese.lang).toBe('ja-JP');
    for (const file of ['en-gb.pdf', 'ja.pdf']) {
      for (const size of await pageSizes(path.join(out, file))) {
        expect(Math.round(size.width)).toBe(595);
        expect(Math.round(size.height)).toBe(842);
      }
    }
    expect((await pageSizes(path.join(out, 'secret-action.pdf')))[0]).toEqual({ width: 612, height: 792 });
  });

  it('repeats a long table\'s header row on every page it spans', async () => {
    const british = await readPdf(path.join(out, 'en-gb.pdf'));
    expect(british.pages.length).toBeGreaterThan(1);
    for (const page of british.pages) expect(page).toMatch(/Header one ?Header two/);
  });
});

describe('DoD page numbering', () => {
  it('leaves page 1 unnumbered when the config says number_first_page: false', async () => {
    const folder = writeTree({ 'briefing.config.yml': 'number_first_page: false\nlint: { rules: { memo-length: off } }\n', 'content/memo.md': plainMemo({ id: 'CM-E2E-DOD', lang: 'en-US', rows: 60 }) });
    const out = tempFolder('briefing-content-model-dod-');
    const result = await runCli(['build', 'content', '--out', out], { cwd: folder });
    expect(result.stderr).toBe('');
    const reading = await readPdf(path.join(out, 'memo.pdf'));
    expect(reading.pages.length).toBeGreaterThan(1);
    expect(reading.pages[0]).not.toMatch(/Page 1 of/);
    expect(reading.pages[1]).toContain(`Page 2 of ${reading.pages.length}`);
  });
});
