// The preview prints exactly what `build` prints: transform, the same templates and styles,
// the same page pool and post-pass; only the file is not written, and the date is the memo's
// own (no git lookups on every keystroke).
import type { PrintPool } from '../print/pool.js';
import { finishDocument } from '../print/postprocess.js';
import { toolVersion } from '../project.js';
import { renderDocument } from '../render/render.js';
import type { TemplateSet } from '../render/templates.js';
import type { BriefingConfig } from '../source/config.js';
import { assetOrigin } from '../transform/processor.js';
import type { Briefing, RenderedDocument, TransformedBody } from '../types.js';
import { documentDate } from '../run/provenance.js';

export function renderPreview(briefing: Briefing, body: TransformedBody, templates: TemplateSet, config: BriefingConfig): RenderedDocument {
  return renderDocument(briefing, body, {
    templates,
    origin: assetOrigin,
    date: documentDate(briefing.frontmatter.date, { modified: true }),
    markings: config.markings,
    numberFirstPage: config.numberFirstPage,
    style: config.style,
    letterhead: config.letterhead,
    provenance: { BriefingTool: `briefing ${toolVersion}`, BriefingSource: briefing.source.relative },
  });
}

export async function printPreview(document: RenderedDocument, pool: PrintPool): Promise<Uint8Array> {
  const chromium = await pool.print(document);
  const pdf = await finishDocument(chromium, document);
  return pdf.bytes;
}
