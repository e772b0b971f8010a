// `briefing check --a11y`: the accessibility findings for each briefing that passed its other
// checks. The memo is rendered (each body element marked with its Markdown line), audited with
// axe-core in an audit page, printed and put through the same post-pass as `build`, and the
// PDF read back by the PDF/UA checker. Findings become messages on the briefing's file:
// positioned at the Markdown line where the element came from the body, at the frontmatter key
// for the title and the bottom line, and at the file otherwise (with the page, for the PDF).
import type { Browser } from 'puppeteer-core';
import type { VFile } from 'vfile';
import { linterFor } from '../lint/linter.js';
import { startBrowser, findBrowser } from '../print/browser.js';
import { auditDocument } from '../print/html-audit.js';
import { PagePrinter } from '../print/page-printer.js';
import { checkPdf } from '../print/pdfua/check/index.js';
import { finishDocument } from '../print/postprocess.js';
import { toolVersion } from '../project.js';
import { renderDocument } from '../render/render.js';
import { loadTemplates } from '../render/templates.js';
import type { BriefingConfig } from '../source/config.js';
import { hasErrors, reportError, type Place } from '../source/diagnostics.js';
import { loadBriefing } from '../source/load.js';
import { assetOrigin, transformBody } from '../transform/processor.js';
import type { Briefing, SourceFile } from '../types.js';
import { documentDate } from './provenance.js';

/** Where a finding about a template-made element belongs in the frontmatter, by its selector. */
function frontmatterPlace(briefing: Briefing, target: string): Place | undefined {
  if (/subject|brief-title/.test(target)) return briefing.locate(['title']);
  if (/bluf/.test(target)) return briefing.locate(['bluf']);
  if (/key-points/.test(target)) return briefing.locate(['key_points']);
  if (/sources/.test(target)) return briefing.locate(['sources']);
  return undefined;
}

async function auditOne(source: SourceFile, cwd: string, config: BriefingConfig, browser: Browser, printer: PagePrinter): Promise<VFile> {
  const loaded = loadBriefing(source, cwd, config.markings);
  const { briefing, file } = loaded;
  if (!briefing) return file;
  const linter = await linterFor(config);
  const body = transformBody(briefing, (tree) => linter.lint(briefing, tree), 'audit');
  if (hasErrors(file)) return file;
  const document = renderDocument(briefing, body, {
    templates: loadTemplates(config.templatesFolder),
    origin: assetOrigin,
    date: documentDate(briefing.frontmatter.date, { modified: true }),
    markings: config.markings,
    numberFirstPage: config.numberFirstPage,
    provenance: { BriefingTool: `briefing ${toolVersion}`, BriefingSource: briefing.source.relative },
  });

  for (const violation of await auditDocument(browser, document)) {
    for (const node of violation.nodes) {
      const place = node.line ? { line: node.line, column: 1 } : frontmatterPlace(briefing, node.target);
      reportError(file, `${violation.help} (${node.target})`, place, `axe/${violation.rule}`);
    }
  }

  const chromium = await printer.print(document, config.printTimeoutMs);
  const pdf = await finishDocument(chromium, document);
  for (const finding of await checkPdf(pdf.bytes)) {
    reportError(file, `PDF/UA ${finding.checkpoint}: ${finding.message}${finding.page ? ` (page ${finding.page})` : ''}`, undefined, `pdfua/${finding.checkpoint}`);
  }
  return file;
}

/** Audits each source whose `file` (from the ordinary checks) has no error; returns their files. */
export async function auditBriefings(sources: readonly { source: SourceFile; file: VFile }[], cwd: string, config: BriefingConfig): Promise<void> {
  const candidates = sources.filter(({ file }) => !hasErrors(file));
  if (candidates.length === 0) return;
  const browser = await startBrowser({ executablePath: await findBrowser() });
  try {
    const printer = await PagePrinter.open(browser);
    for (const { source, file } of candidates) {
      const audited = await auditOne(source, cwd, config, browser, printer);
      // The audit's own messages (not the ordinary checks again) join the briefing's file.
      for (const message of audited.messages) if (message.ruleId?.startsWith('axe/') || message.ruleId?.startsWith('pdfua/')) file.messages.push(message);
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
}
