// axe-core over a rendered memo's HTML, in an audit page of its own: never a print page, whose
// JavaScript stays off. The audit page loads only what a print page may (the same request
// lock-down), but runs script, because axe schedules its work with timers; the document itself
// holds none (the sanitiser and its CSP see to that), and axe is evaluated into it through the
// DevTools protocol, past the document's CSP. Only the rules that bear on
// a printed document run: contrast, headings, images' alternative text, tables, lists,
// language, the title, link names and ARIA validity. Interaction rules (focus, landmarks for
// navigation, forms) say nothing about a PDF.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { assetOrigin } from '../asset-origin.js';
import type { RenderedDocument } from '../types.js';
import { lockDownPage, type LoadedDocument } from './lockdown.js';

export const printRules = [
  'color-contrast',
  'document-title',
  'html-has-lang',
  'html-lang-valid',
  'html-xml-lang-mismatch',
  'valid-lang',
  'heading-order',
  'empty-heading',
  'page-has-heading-one',
  'p-as-heading',
  'image-alt',
  'role-img-alt',
  'image-redundant-alt',
  'object-alt',
  'svg-img-alt',
  'td-headers-attr',
  'th-has-data-cells',
  'td-has-header',
  'scope-attr-valid',
  'empty-table-header',
  'table-duplicate-name',
  'table-fake-caption',
  'list',
  'listitem',
  'definition-list',
  'dlitem',
  'link-name',
  'link-in-text-block',
  'aria-allowed-attr',
  'aria-allowed-role',
  'aria-roles',
  'aria-valid-attr',
  'aria-valid-attr-value',
  'aria-hidden-body',
  'aria-prohibited-attr',
  'presentation-role-conflict',
  'duplicate-id',
];

/**
 * Decoration that carries no content of its own: the DRAFT watermark is faint on purpose (and
 * a pagination artifact in the PDF); the status also prints beside the banner and is read once.
 */
const decorative = ['.watermark'];

export interface AuditViolation {
  rule: string;
  impact: string;
  help: string;
  /** One entry per offending element: its selector, its HTML, and the Markdown line if known. */
  nodes: { target: string; html: string; line?: number }[];
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
const axeScript = () => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
}

/** Audits one rendered document in a fresh, locked-down page, and closes it. */
export async function auditDocument(browser: Browser, document: RenderedDocument): Promise<AuditViolation[]> {
  const page = await browser.newPage();
  try {
    const loaded: LoadedDocument = { url: `${assetOrigin}/audit/document.html`, document };
    await lockDownPage(page, () => loaded);
    await page.setJavaScriptEnabled(true);
    await page.setBypassCSP(true);
    await page.goto(loaded.url, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.evaluate(axeScript());
    const result = (await page.evaluate(
      `axe.run({ exclude: ${JSON.stringify(decorative.map((selector) => [selector]))} }, { runOnly: { type: 'rule', values: ${JSON.stringify(printRules)} }, resultTypes: ['violations'] })`,
    )) as AxeResult;
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'minor',
      help: violation.help,
      nodes: violation.nodes.map((node) => {
        const line = /data-source-line="(\d+)"/.exec(node.html)?.[1];
        return { target: node.target.join(' '), html: node.html.slice(0, 200), ...(line ? { line: Number(line) } : {}) };
      }),
    }));
  } finally {
    await page.close().catch(() => undefined);
  }
}
