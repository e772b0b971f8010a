// Routing on the page: the THROUGH: line under the addressee (State), cc: and Distribution:
// lines at the end (DoD, State), clearers with their dates, and IN CLEARANCE beside the banner
// on every page, never inside it. One build prints the memo; the tests read it back.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf, type PdfReading } from '../support/pdf.js';
import { readPlacedText, type PlacedPage } from '../support/pdf-positions.js';

const discussion = Array.from({ length: 14 }, (_, index) => `${index + 1}. The ministers reviewed item ${index + 1} of the alliance agenda at length, and agreed to return to it at the next meeting of the Security Consultative Committee in the autumn.`).join('\n\n');

const routed = `---
type: action-memo
id: RT-001
title: "Routing test memo"
date: 2024-07-31
to: [The Secretary]
through: [The Deputy Secretary, "P - The Under Secretary for Political Affairs"]
from: { name: "J. Principal", office: "Bureau of East Asian and Pacific Affairs (EAP)" }
marking: { level: UNCLASSIFIED }
bluf: "The alliance is stronger."
status: in-clearance
cc: ["USD(P)", "DASD for East Asia"]
distribution: [EAP/J, S/P]
recommendations:
  - { text: "That you approve the plan." }
clearance:
  drafted: "EAP/J - A. Analyst"
  cleared:
    - "EAP - C. Deputy (ok)"
    - { office: PM, name: K. Officer, date: 2024-07-30, status: edits }
    - { office: S/P, status: info }
---

## Discussion

${discussion}
`;

describe('routing lines and the status beside the banner', () => {
  const folder = writeTree({ 'routed.md': routed });
  const out = tempFolder('briefing-routing-');
  let result: CliResult;
  let pdf: PdfReading;
  let placed: PlacedPage[];

  beforeAll(async () => {
    result = await runCli(['build', folder, '--out', out, '--quiet']);
    pdf = await readPdf(path.join(out, 'routed.pdf'));
    placed = await readPlacedText(path.join(out, 'routed.pdf'));
  });

  it('builds', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
  });

  it('prints THROUGH: under the addressee line and before FROM:', () => {
    const page = pdf.pages[0]!.replace(/\s+/g, ' ');
    expect(page).toMatch(/ACTION MEMO FOR THE SECRETARY THROUGH: The Deputy Secretary, P - The Under Secretary for Political Affairs FROM: J\. Principal/);
  });

  it('prints cc: and Distribution: with their entries at the end, before the clearances', () => {
    const end = pdf.pages.at(-1)!.replace(/\s+/g, ' ');
    expect(end).toMatch(/cc: USD\(P\) DASD for East Asia Distribution: EAP\/J S\/P Drafted: EAP\/J - A\. Analyst/);
  });

  it('prints each clearer with the status and date given, and a line of text as written', () => {
    const end = pdf.pages.at(-1)!.replace(/\s+/g, ' ');
    expect(end).toContain('Cleared: EAP - C. Deputy (ok) PM - K. Officer (edits, July 30, 2024) S/P (info)');
  });

  it('prints IN CLEARANCE beside the banner on every page, on its line and never inside it', () => {
    for (const page of placed) {
      const banners = page.items.filter((item) => item.text.includes('UNCLASSIFIED'));
      expect(banners.map((item) => item.text)).toEqual(['UNCLASSIFIED', 'UNCLASSIFIED']);
      const top = banners.reduce((highest, item) => (item.y > highest.y ? item : highest));
      const status = page.items.filter((item) => item.text === 'IN CLEARANCE');
      expect(status).toHaveLength(1);
      expect(Math.abs(status[0]!.y - top.y)).toBeLessThan(1);
      expect(status[0]!.x).toBeGreaterThan(top.x + top.width);
    }
  });
});
