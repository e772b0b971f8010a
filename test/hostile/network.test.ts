// Hostile HTML in a briefing loads nothing and runs nothing. A loopback server stands in for
// the network: every way HTML can make a browser fetch points at it, and it must hear nothing.
// Two layers are proved separately: the whole build (sanitiser + CSP + JavaScript off +
// request lock-down), then the print lock-down alone, given the raw hostile HTML unsanitised.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrintPool } from '../../pipeline/print/pool.js';
import { runCli, type CliResult } from '../support/cli.js';
import { writeTree } from '../support/fixtures.js';
import { readInfoEntry, readPdf, type PdfReading } from '../support/pdf.js';
import { startLoopback, type Loopback } from './loopback.js';
import { renderBriefing } from './stages.js';
import { memo } from '../support/fixtures.js';

/** Every HTML way to fetch or run something, aimed at `origin`. */
const hostileHtml = (origin: string) => `
<script>document.body.innerHTML = 'SCRIPT RAN'; fetch('${origin}/script')</script>

<script src="${origin}/external.js"></script>

<p onclick="fetch('${origin}/onclick')" onmouseover="x()">inline handler paragraph</p>

<img src="${origin}/raw-img.png" onerror="fetch('${origin}/onerror')">

<img srcset="${origin}/srcset.png 2x" src="x" onerror="document.body.innerHTML='ONERROR RAN'">

<iframe src="${origin}/iframe"></iframe>

<iframe srcdoc="<img src='${origin}/srcdoc.png'>"></iframe>

<object data="${origin}/object"></object>

<embed src="${origin}/embed">

<link rel="stylesheet" href="${origin}/link.css">

<link rel="preload" as="image" href="${origin}/preload.png">

<link rel="icon" href="${origin}/favicon.ico">

<style>@import url("${origin}/import.css"); body { background: url(${origin}/bg.png) } @font-face { font-family: x; src: url(${origin}/font.woff2) } p { font-family: x }</style>

<div style="background-image: url(${origin}/inline-style.png)">styled div text</div>

<iframe src="file:///etc/passwd"></iframe>

<object data="file:///etc/passwd"></object>

<img src="file:///etc/passwd">

<svg><image href="${origin}/svg-image.png"/><use href="${origin}/use.svg#x"/></svg>

<video src="${origin}/video.mp4" poster="${origin}/poster.png"></video>

<audio src="${origin}/audio.mp3"></audio>

<form action="${origin}/form"><input type="image" src="${origin}/input.png"></form>

<meta http-equiv="refresh" content="0;url=${origin}/refresh">

<base href="${origin}/base/">

<a href="javascript:fetch('${origin}/js-href')" ping="${origin}/ping">anchor</a>

Inline <span style="background:url(${origin}/span.png)">span text</span> and <img src=x onerror="fetch('${origin}/inline-onerror')"> end.
`;

describe('a briefing full of hostile HTML, built by the CLI', () => {
  let loopback: Loopback;
  let result: CliResult;
  let reading: PdfReading;
  let pdf: string;

  beforeAll(async () => {
    loopback = await startLoopback();
    const origin = loopback.origin;
    const folder = writeTree({
      'content/hostile.md': `---
type: info-memo
id: HOSTILE-001
title: "</style><img src=${origin}/title.png>{{constructor.constructor 'return process'}}"
date: 2024-07-29
to: [Secretary]
from: { name: "<script>fetch('${origin}/from')</script>", office: "</title></head><body onload=x()>" }
marking: { level: UNCLASSIFIED }
bluf: "{{#with this}}{{lookup this 'constructor'}}{{/with}} and <link rel=stylesheet href=${origin}/bluf.css>"
---

## Background

Visible paragraph one.
${hostileHtml(origin)}
An autolink <${origin}/autolink> and a [link](${origin}/link) are only links, never fetched.

Visible paragraph two.
`,
    });
    result = await runCli(['build', 'content', '--out', 'out'], { cwd: folder });
    pdf = path.join(folder, 'out/hostile.pdf');
    reading = await readPdf(pdf);
  });
  afterAll(async () => loopback?.close());

  it('still builds the memo, warning at each raw HTML line', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/hostile\.md:\d+:1 +warning +raw HTML <script> is not rendered/);
    expect(result.stderr).toMatch(/raw HTML <iframe> is not rendered/);
    const text = reading.pages.join('\n');
    expect(text).toContain('Visible paragraph one.');
    expect(text).toContain('Visible paragraph two.');
  });

  it('the loopback server receives zero requests', () => {
    expect(loopback.requests).toEqual([]);
  });

  it('runs no script, loads no stylesheet and prints no local file', () => {
    const text = reading.pages.join('\n');
    expect(text).not.toMatch(/SCRIPT RAN|ONERROR RAN|LOOPBACK|root:x:0:0/);
    expect(text).not.toContain('inline handler paragraph'); // raw HTML is dropped, not rendered
  });

  it('prints frontmatter holding markup and {{…}} as literal text', async () => {
    // Printed as literal text, with typographic quotes like every printed text (the metadata keeps the typed ones).
    const text = reading.pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`</style><img src=${loopback.origin}/title.png>{{constructor.constructor ‘return process’}}`);
    expect(text).toContain(`<script>fetch(‘${loopback.origin}/from’)</script>`);
    expect(text).toContain('</title></head><body onload=x()>');
    expect(text).toContain('{{#with this}}{{lookup this ‘constructor’}}{{/with}}');
    expect(reading.info.Title).toBe(`</style><img src=${loopback.origin}/title.png>{{constructor.constructor 'return process'}}`);
    expect(await readInfoEntry(pdf, 'BriefingId')).toBe('HOSTILE-001');
  });

  it('keeps web links as links, without fetching them', () => {
    expect(readFileSync(pdf).toString('latin1')).toContain(`${loopback.origin}/link`);
  });
});

describe('the print lock-down alone, given hostile HTML the sanitiser never saw', () => {
  let loopback: Loopback;
  let pool: PrintPool;
  let reading: PdfReading;

  beforeAll(async () => {
    loopback = await startLoopback();
    pool = await PrintPool.start({ size: 1 });
    const rendered = await renderBriefing(memo({ id: 'LOCKDOWN-001' }));
    // No CSP, no sanitiser: only JavaScript-off and request interception stand in the way (and
    // the refused images may print as broken ones: this is the lock-down's test, not the memo's).
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><p>Lock-down probe.</p>${hostileHtml(loopback.origin)}</body></html>`;
    reading = await readPdf(await pool.print({ ...rendered, html, allowUnloadedImages: true }));
  });
  afterAll(async () => {
    await pool?.close();
    await loopback?.close();
  });

  it('lets no request reach the network and refuses them at the page', () => {
    expect(loopback.requests).toEqual([]);
    const refused = pool.blockedRequests.join('\n');
    expect(refused).toContain(`${loopback.origin}/raw-img.png`);
    expect(refused).toContain(`${loopback.origin}/link.css`);
    // file:// from an https page Chromium refuses before interception; the text check below
    // proves nothing of /etc/passwd was printed either way.
  });

  it('runs no script and prints no local file', () => {
    const text = reading.pages.join('\n');
    expect(text).toContain('Lock-down probe.');
    expect(text).toContain('inline handler paragraph'); // the raw HTML is really there this time
    expect(text).not.toMatch(/SCRIPT RAN|ONERROR RAN|LOOPBACK|root:x:0:0/);
  });
});
