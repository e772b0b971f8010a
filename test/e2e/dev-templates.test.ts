// `briefing dev` follows the templates too: saving a partial or a stylesheet re-prints the
// open preview; a template that does not compile shows in the overlay, naming the file.
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../pipeline/dev/server.js';
import { startBrowser } from '../../pipeline/print/browser.js';
import { loadConfig } from '../../pipeline/source/config.js';
import { projectRoot } from '../support/cli.js';
import { memo, tempFolder } from '../support/fixtures.js';

const pagesText = (page: Page) => page.$eval('#pages', (element) => element.textContent ?? '');

describe('briefing dev and the templates', () => {
  const folder = tempFolder('briefing-dev-templates-');
  const templates = path.join(folder, 'templates');
  const partial = path.join(templates, 'partials/clearance.hbs');
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    cpSync(path.join(projectRoot, 'templates'), templates, { recursive: true });
    mkdirSync(path.join(folder, 'content'));
    writeFileSync(path.join(folder, 'content/memo.md'), memo());
    server = await startDevServer({ paths: ['content'], cwd: folder, config: loadConfig(folder), port: 0, templatesFolder: templates });
    browser = await startBrowser();
    page = await browser.newPage();
    await page.goto(`${server.url}preview/content/memo.md`);
    await page.waitForFunction(() => document.body.dataset.pdfVersion !== undefined, { timeout: 60_000 });
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });

  it('re-prints the open preview when a partial is saved', async () => {
    expect(await pagesText(page)).not.toContain('Xylophonia');
    appendFileSync(partial, '\n<p>Xylophonia partial marker</p>\n');
    await page.waitForFunction(() => (document.getElementById('pages')?.textContent ?? '').includes('Xylophonia'), { timeout: 30_000 });
  });

  it('re-prints the open preview when a stylesheet is saved', async () => {
    appendFileSync(path.join(templates, 'styles/memo.css'), '\n@page { @bottom-left { content: "Zanzibarian stylesheet marker"; } }\n');
    await page.waitForFunction(() => (document.getElementById('pages')?.textContent ?? '').includes('Zanzibarian'), { timeout: 30_000 });
  });

  it('shows a template that does not compile in the overlay, naming the file and line, and recovers', async () => {
    const good = readFileSync(partial, 'utf8');
    writeFileSync(partial, `${good}\n{{#if draft}\n`);
    await page.waitForFunction(() => !(document.getElementById('overlay') as HTMLElement).hidden, { timeout: 30_000 });
    const overlay = await page.$eval('#overlay', (element) => element.textContent ?? '');
    expect(overlay).toMatch(/templates\/partials\/clearance\.hbs:\d+:1/);
    expect(overlay).toContain('the template could not be rendered');
    expect(await pagesText(page)).toContain('Xylophonia');

    writeFileSync(partial, good.replace('Xylophonia', 'Quetzalia'));
    await page.waitForFunction(() => (document.getElementById('overlay') as HTMLElement).hidden, { timeout: 30_000 });
    await page.waitForFunction(() => (document.getElementById('pages')?.textContent ?? '').includes('Quetzalia'), { timeout: 30_000 });
  });
});
