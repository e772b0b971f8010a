// One briefing through transform → render (prepareBriefing), then print → post-pass → atomic
// write (printPrepared).
import type { PrintPool } from '../print/pool.js';
import { finishDocument } from '../print/postprocess.js';
import { linterFor } from '../lint/linter.js';
import { toolVersion } from '../project.js';
import { renderDocument } from '../render/render.js';
import type { TemplateSet } from '../render/templates.js';
import type { BriefingConfig } from '../source/config.js';
import { hasErrors } from '../source/diagnostics.js';
import { assetOrigin, transformBody } from '../transform/processor.js';
import type { Briefing, RenderedDocument } from '../types.js';
import { writeFileAtomically } from './atomic-write.js';
import { sha256 } from './manifest.js';
import { documentDate, gitHistory } from './provenance.js';

export class BriefingInvalid extends Error {
  override name = 'BriefingInvalid';
}

export interface PrintedBriefing {
  pages: number;
  bytes: number;
  sha256: string;
  /** Files besides the source that shaped the PDF: templates, stylesheets, images… */
  inputs: string[];
}

export interface PrepareContext {
  templates: TemplateSet;
  config: BriefingConfig;
  stamp?: boolean;
}

/** What the run already knows of the source's git state (one `git status` per content folder). */
export interface GitKnown {
  inRepository: boolean;
  modified: boolean;
}

/** A briefing rendered and ready for the browser. */
export interface PreparedBriefing {
  document: RenderedDocument;
  inputs: string[];
}

/**
 * Transform and render: everything before the browser. A build does this while the browser
 * starts, so a one-memo rebuild waits for the launch or the memo, not both in turn.
 */
export async function prepareBriefing(briefing: Briefing, context: PrepareContext, git?: GitKnown): Promise<PreparedBriefing> {
  const linter = await linterFor(context.config);
  const body = transformBody(briefing, (tree) => linter.lint(briefing, tree));
  if (hasErrors(briefing.file)) throw new BriefingInvalid();
  const history = await gitHistory(briefing.source.path, git);
  const date = documentDate(briefing.frontmatter.date, history);
  const commit = history.commit ? `${history.commit.slice(0, 12)}${history.modified ? '+modified' : ''}` : undefined;
  const document = renderDocument(briefing, body, {
    templates: context.templates,
    origin: assetOrigin,
    date,
    markings: context.config.markings,
    numberFirstPage: context.config.numberFirstPage,
    provenance: {
      BriefingTool: `briefing ${toolVersion}`,
      BriefingSource: briefing.source.relative,
      ...(commit ? { BriefingCommit: commit } : {}),
    },
    stamp: context.stamp
      ? `${briefing.frontmatter.id} · ${commit ? `commit ${commit.slice(0, 7)}` : 'not committed'} · built ${date.toISOString().slice(0, 10)}`
      : undefined,
  });
  return { document, inputs: [...document.templateFiles, ...document.assets.values(), ...(briefing.file.data.inputs ?? [])] };
}

/** Print, post-pass, atomic write. */
export async function printPrepared(prepared: PreparedBriefing, output: string, pool: PrintPool): Promise<PrintedBriefing> {
  const { document } = prepared;
  const chromium = await pool.print(document);
  const pdf = await finishDocument(chromium, document);
  await writeFileAtomically(output, pdf.bytes);
  return { pages: pdf.pages, bytes: pdf.bytes.length, sha256: sha256(pdf.bytes), inputs: prepared.inputs };
}

declare module 'vfile' {
  interface DataMap {
    /** Files other than the source that a transform read (a glossary, say): part of the cache key. */
    inputs: string[];
  }
}
