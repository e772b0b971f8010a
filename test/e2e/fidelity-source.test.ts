// What the author wrote in the source reaches the PDF, or the author is told where and why not,
// through the real CLI: a callout never closed fails `check` and `build` at its opening line
// (and the memo beside it still builds); `marking.dissem` prints in the banners; a policy
// brief's `from` prints with its byline; a CUI memo lists every category; and a memo checked
// or built alone still learns that another memo of the content folder has its id.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf, type PdfReading } from '../support/pdf.js';

const unclosedNote = memo({
  id: 'FID-UNCLOSED',
  body: '## Background\n\nThe ministers met in Tokyo.\n\n:::note\nA short aside.\n\n## Next steps\n\nThe working group meets in August.\n',
});

const secretNoforn = `---
type: info-memo
id: FID-DISSEM
title: "(S//NF) Extended deterrence consultations"
short_title: "(U) Deterrence consultations"
date: 2024-07-30
to: [The Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking:
  level: SECRET
  dissem: [NOFORN]
  authority: { classified_by: "A. Analyst, EAP/J", reason: "1.4(d)", declassify_on: 20490730 }
bluf: "(S//NF) The consultations continue in August."
---

${Array.from({ length: 20 }, (_, index) => `(S//NF) Paragraph ${index + 1} on the consultations, long enough to fill several lines of the page so that the memo runs onto a second page, where the banners are read again.`).join('\n\n')}
`;

const briefWithOffice = `---
type: policy-brief
id: FID-BRIEF
title: "Alliance command and control after the 2+2"
date: 2024-07-31
authors: [{ name: "M. Fellow" }, { name: "N. Scholar" }]
from: { name: "A. Director", office: "Office of Japanese Affairs" }
marking: { level: UNCLASSIFIED }
key_points: ["Command relationships change in stages."]
---

## Background

The ministers agreed to upgrade the command.
`;

const cuiTwoCategories = `---
type: info-memo
id: FID-CUI
title: "(CUI) Personnel changes in the coordination office"
date: 2024-07-29
to: [The Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking:
  level: CUI
  cui: { controlled_by: "EAP/J", category: [OPSEC, PRVCY], distribution: "FEDCON", poc: "A. Analyst, 202-555-0100" }
bluf: "(CUI) Two posts change hands in August."
---

(CUI) The posts change hands in August.
`;

describe('a folder with an unclosed callout beside good memos, checked and built', () => {
  const folder = writeTree({
    'content/unclosed.md': unclosedNote,
    'content/secret.md': secretNoforn,
    'content/brief.md': briefWithOffice,
    'content/cui.md': cuiTwoCategories,
  });
  const out = tempFolder('briefing-fidelity-');
  // The body starts on line 12 of memo(): the note opens on 16, the heading is on 19, the last line is 21.
  const expected = 'content/unclosed.md:16:1  error  this :::note is never closed, so it runs to the end of the memo (line 21) and takes in everything after it; close it with ::: on its own line where the note ends, likely before the heading on line 19  unclosed-block';
  let check: CliResult;
  let build: CliResult;
  let secret: PdfReading;
  let brief: PdfReading;
  let cui: PdfReading;

  beforeAll(async () => {
    check = await runCli(['check', 'content'], { cwd: folder });
    build = await runCli(['build', 'content', '--out', out], { cwd: folder });
    secret = await readPdf(path.join(out, 'secret.pdf'));
    brief = await readPdf(path.join(out, 'brief.pdf'));
    cui = await readPdf(path.join(out, 'cui.pdf'));
  });

  it('check exits 1 with the positioned message at the :::note line', () => {
    expect(check.code).toBe(1);
    expect(check.stderr.split('\n')).toContain(expected);
    expect(check.stderr).toMatch(/1 error, 0 warnings in 4 briefings/);
  });

  it('build exits 1 with the same message, writes no PDF for that memo, and builds the others', () => {
    expect(build.code).toBe(1);
    expect(build.stderr.split('\n')).toContain(expected);
    expect(existsSync(path.join(out, 'unclosed.pdf'))).toBe(false);
    expect(build.stdout).toMatch(/built 3, failed 1/);
  });

  it('prints level SECRET with dissem NOFORN as SECRET//NOFORN at the top and bottom of every page, and in the keywords', () => {
    expect(secret.pages.length).toBeGreaterThan(1);
    for (const page of secret.pages) {
      expect(page.match(/SECRET\/\/NOFORN/g)).toHaveLength(2);
      // No banner of plain SECRET: every SECRET on the page is followed by //NOFORN.
      expect(page.match(/\bSECRET\b(?!\/\/NOFORN)/g)).toBeNull();
    }
    expect(String(secret.info.Keywords)).toContain('SECRET//NOFORN');
  });

  it("prints a policy brief's from with its byline, under the authors", () => {
    const text = brief.pages[0]!;
    expect(text).toMatch(/M\. Fellow ?· ?N\. Scholar\s*A\. Director, Office of Japanese Affairs/);
    expect(text.indexOf('A. Director, Office of Japanese Affairs')).toBeLessThan(text.search(/key points/i));
  });

  it('lists every CUI category in the designation block', () => {
    expect(cui.pages[0]).toContain('CUI Category: OPSEC, PRVCY');
  });
});

describe('a memo checked or built alone knows the ids of the whole content folder', () => {
  // Last week's memo copied to start this week's, id and all; and a pair outside content/.
  const folder = writeTree({
    'content/2024-w30/old.md': memo({ id: 'EAP-COPIED', date: '2024-07-22' }),
    'content/2024-w31/new.md': memo({ id: 'EAP-COPIED' }),
    'content/2024-w31/fine.md': memo({ id: 'EAP-FINE' }),
    'drafts/a.md': memo({ id: 'DRAFT-1' }),
    'drafts/b.md': memo({ id: 'DRAFT-1' }),
  });
  const expected = 'content/2024-w31/new.md:3:5  error  id "EAP-COPIED" is also used by content/2024-w30/old.md; give each briefing its own id  duplicate-id';

  it('check of the one file reports the duplicate at its id line, naming the other file; again from the cache', async () => {
    for (let run = 0; run < 2; run++) {
      const result = await runCli(['check', 'content/2024-w31/new.md'], { cwd: folder });
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')).toContain(expected);
      expect(result.stderr).toMatch(/1 error, 0 warnings in 1 briefing\b/);
    }
    // A file outside content/: its content folder is the folder it is in.
    const outside = await runCli(['check', 'drafts/b.md'], { cwd: folder });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('drafts/b.md:3:5  error  id "DRAFT-1" is also used by drafts/a.md; give each briefing its own id  duplicate-id');
    // The memo beside it with an id of its own is fine alone.
    expect((await runCli(['check', 'content/2024-w31/fine.md'], { cwd: folder })).code).toBe(0);
  });

  it('build of the one file reports the same and prints nothing, also when it was built before', async () => {
    const out = path.join(folder, 'out');
    const result = await runCli(['build', 'content/2024-w31/new.md', '--out', out], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toContain(expected);
    expect(existsSync(path.join(out, 'new.pdf'))).toBe(false);

    // Built (and cached) while it was alone, then a copy appears: the cached memo fails too.
    const alone = writeTree({ 'content/w31/mine.md': memo({ id: 'MINE' }) });
    const aloneOut = path.join(alone, 'out');
    expect((await runCli(['build', 'content/w31/mine.md', '--out', aloneOut], { cwd: alone })).code).toBe(0);
    writeTree({ 'content/w32/copy.md': memo({ id: 'MINE', date: '2024-08-05' }) }, alone);
    const again = await runCli(['build', 'content/w31/mine.md', '--out', aloneOut], { cwd: alone });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('content/w31/mine.md:3:5  error  id "MINE" is also used by content/w32/copy.md; give each briefing its own id  duplicate-id');
  });
});
