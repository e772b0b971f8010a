// axe-core over each rendered memo's HTML — the samples and the accessibility fixtures — in an
// audit page apart from the print pages, with the rules that bear on a printed document. Any
// violation fails, with the rule, the element and (for body elements) the Markdown line.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, startBrowser } from '../../pipeline/print/browser.js';
import { auditDocument } from '../../pipeline/print/html-audit.js';
import type { RenderedDocument } from '../../pipeline/types.js';
import { renderBriefing } from '../hostile/stages.js';
import { a11yFixtures } from '../support/a11y-fixtures.js';
import { projectRoot } from '../support/cli.js';
import { tempFolder, writeTree } from '../support/fixtures.js';

const sampleFolder = path.join(projectRoot, 'content', '2024-w31');
const fixtureFolder = writeTree({ 'ranges.png': a11yFixtures['ranges.png'] });
const documents: [string, () => Promise<RenderedDocument>][] = [
  ...readdirSync(sampleFolder)
    .filter((name) => name.endsWith('.md'))
    .map((name): [string, () => Promise<RenderedDocument>] => [`sample ${name}`, () => renderBriefing(readFileSync(path.join(sampleFolder, name), 'utf8'), name, tempFolder())]),
  ...Object.entries(a11yFixtures)
    .filter(([name]) => name.endsWith('.md'))
    .map(([name, text]): [string, () => Promise<RenderedDocument>] => [`fixture ${name}`, () => renderBriefing(text as string, name, fixtureFolder)]),
];

describe('axe-core finds no print-relevant violation in the rendered HTML', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser({ executablePath: await findBrowser() });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(documents)('%s', async (_name, render) => {
    const violations = await auditDocument(browser, await render());
    expect(violations.map((violation) => `${violation.rule}: ${violation.help} — ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
  });

  it('reports a violation where there is one: an image with no alt attribute', async () => {
    // The image-alt lint rule refuses such Markdown before it renders, so break the HTML by
    // hand, as a template mistake would.
    const valid = await renderBriefing(a11yFixtures['info.md'], 'valid.md', fixtureFolder);
    const broken = { ...valid, html: valid.html.replace(/<img([^>]*?) alt="[^"]*"/, '<img$1') };
    expect(broken.html).not.toBe(valid.html);
    const violations = await auditDocument(browser, broken);
    expect(violations.map((violation) => violation.rule)).toContain('image-alt');
  });
});
