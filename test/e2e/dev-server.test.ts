// `briefing dev` in a real browser: the preview shows the printed pages' text, follows a save
// of the Markdown, shows a broken frontmatter in an overlay at its line over the last good
// pages, and clears it when the file is fixed.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser } from '../../pipeline/print/browser.js';
import { briefingBin, projectRoot } from '../support/cli.js';
import { tempFolder } from '../support/fixtures.js';

const sample = path.join(projectRoot, 'content/2024-w31/us-japan-2plus2-extended-deterrence.md');

/** Starts `briefing dev --port 0` and resolves with the URL it prints. */
function startDev(cwd: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [briefingBin, 'dev', '--port', '0', 'content'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`briefing dev printed no address in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`briefing dev exited with ${code}:\n${output}`)));
  });
}

/** Ends the server, however the test went: SIGTERM, then SIGKILL if it has not left in 8 s. */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

const pagesText = (page: Page) => page.$eval('#pages', (element) => element.textContent ?? '');
const overlayState = (page: Page) =>
  page.$eval('#overlay', (element) => ({ hidden: (element as HTMLElement).hidden, text: element.textContent ?? '' }));

describe('briefing dev', () => {
  const folder = tempFolder('briefing-dev-');
  const memo = path.join(folder, 'content/memo.md');
  const original = readFileSync(sample, 'utf8');
  const dateLine = original.split('\n').findIndex((line) => line.startsWith('date:')) + 1;
  let server: Awaited<ReturnType<typeof startDev>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(path.join(folder, 'content'), { recursive: true });
    cpSync(sample, memo);
    server = await startDev(folder);
    browser = await startBrowser();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stop(server?.child);
    }
  });

  it('lists the briefing on the index page with its status', async () => {
    const response = await page.goto(server!.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const row = await page.$eval('tr[data-key="content/memo.md"]', (element) => element.textContent ?? '');
    expect(row).toContain('U.S.-Japan 2+2 in Tokyo commits to strengthen extended deterrence');
    expect(row).toContain('ok');
  });

  it('shows the printed pages, banners and page numbers included, as text in the page', async () => {
    const response = await page.goto(`${server!.url}preview/content/memo.md`);
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'.*script-src 'self'/);
    await page.waitForFunction(() => document.querySelectorAll('#pages .page .textLayer span').length > 20, { timeout: 60_000 });
    const text = await pagesText(page);
    expect(text).toContain('UNCLASSIFIED');
    expect(text).toMatch(/Page\s*1\s*of\s*\d/);
    expect(text).toContain('INFORMATION MEMO');
    expect(await page.$$eval('#pages .page', (pages) => pages.length)).toBeGreaterThan(1);
    expect((await overlayState(page)).hidden).toBe(true);
  });

  it('follows a save of the Markdown without a reload', async () => {
    const before = await page.evaluate(() => document.body.dataset.pdfVersion);
    writeFileSync(memo, original.replace('## Background\n', '## Background\n\nQuokkastan observers attended the meeting.\n'));
    await page.waitForFunction(() => (document.getElementById('pages')?.textContent ?? '').includes('Quokkastan'), { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.pdfVersion)).not.toBe(before);
    // The same document: no navigation happened.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  it('shows a broken frontmatter in an overlay at its line, over the last good pages', async () => {
    writeFileSync(memo, original.replace(/^date: .*$/m, 'date: "29 July 2024"').replace('## Background\n', '## Background\n\nQuokkastan observers attended the meeting.\n'));
    await page.waitForFunction(() => !(document.getElementById('overlay') as HTMLElement).hidden, { timeout: 30_000 });
    const overlay = await overlayState(page);
    expect(overlay.text).toContain(`content/memo.md:${dateLine}:7`);
    expect(overlay.text).toContain('"29 July 2024" is not a valid date; write YYYY-MM-DD');
    expect(await pagesText(page)).toContain('Quokkastan');
  });

  it('marks the broken briefing on the index page', async () => {
    const index = await browser!.newPage();
    await index.goto(server!.url);
    expect(await index.$eval('tr[data-key="content/memo.md"] .status', (element) => element.textContent)).toMatch(/^errors \(1\)$/);
    await index.close();
  });

  it('clears the overlay when the file is fixed', async () => {
    writeFileSync(memo, original.replace('## Background\n', '## Background\n\nWombatland observers attended as well.\n'));
    await page.waitForFunction(() => (document.getElementById('overlay') as HTMLElement).hidden, { timeout: 30_000 });
    await page.waitForFunction(() => (document.getElementById('pages')?.textContent ?? '').includes('Wombatland'), { timeout: 30_000 });
    expect(await pagesText(page)).not.toContain('Quokkastan');
  });

  it('prints the current state through the "PDF" link', async () => {
    const href = await page.$eval('#pdf-link', (element) => (element as HTMLAnchorElement).href);
    const response = await fetch(href);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers only requests addressed to 127.0.0.1, and ran no script the CSP refused', async () => {
    // fetch() may not set Host; node:http may, as a rebinding page's request would carry it.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(server!.url, { headers: { host: 'attacker.example' } }, (response) => (response.resume(), resolve(response.statusCode))).on('error', reject).end();
    });
    expect(status).toBe(403);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
  });
});
