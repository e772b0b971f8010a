// One briefing through transform → render (prepareBriefing), then print → post-pass → atomic
// write (printPrepared), and/or the same view and body as a Word document (writeWordPrepared).
import type { PrintPool } from '../print/pool.js';
import { finishDocument } from '../print/postprocess.js';
import { linterFor } from '../lint/linter.js';
import { toolVersion } from '../project.js';
import { documentMetadata, houseView, renderDocument, type RenderOptions } from '../render/render.js';
import type { TemplateSet } from '../render/templates.js';
import type { BriefingConfig } from '../source/config.js';
import { hasErrors } from '../source/diagnostics.js';
import { assetOrigin, transformBody } from '../transform/processor.js';
import type { Briefing, RenderedDocument } from '../types.js';
import type { WordMemo } from '../docx/document.js';
import { writeFileAtomically } from './atomic-write.js';
import { sha256 } from './manifest.js';
import { memoLengthRule, reportMemoLength } from './memo-length.js';
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
  /** SOURCE_DATE_EPOCH as the command read it: the date every output carries, when set. */
  sourceDateEpoch?: string;
}

/** What the run already knows of the source's git state (one `git status` per content folder). */
export interface GitKnown {
  inRepository: boolean;
  modified: boolean;
}

/** What a build writes of a briefing: a PDF, a Word document, or both (`--format pdf,docx`). */
export type OutputFormat = 'pdf' | 'docx';

/** A briefing rendered and ready for the browser (its PDF) and for the Word writer (its .docx). */
export interface PreparedBriefing {
  /** The HTML document to print, when a PDF is wanted. */
  document?: RenderedDocument;
  /** The view, body and metadata of the Word document, when a .docx is wanted. */
  word?: WordMemo;
  inputs: string[];
  /** Files besides the source that shaped the .docx: images, glossaries, the house's settings. */
  wordInputs: string[];
  /** Judges the printed page count (the memo-length rule); true when the memo must fail. */
  judgeLength: (pages: number) => boolean;
}

/**
 * Transform and render: everything before the browser. A build does this while the browser
 * starts, so a one-memo rebuild waits for the launch or the memo, not both in turn.
 */
export async function prepareBriefing(briefing: Briefing, context: PrepareContext, git?: GitKnown, formats: readonly OutputFormat[] = ['pdf']): Promise<PreparedBriefing> {
  const linter = await linterFor(context.config);
  const body = transformBody(briefing, (tree) => linter.lint(briefing, tree));
  if (hasErrors(briefing.file)) throw new BriefingInvalid();
  const history = await gitHistory(briefing.source.path, git);
  const date = documentDate(briefing.frontmatter.date, history, { SOURCE_DATE_EPOCH: context.sourceDateEpoch });
  const commit = history.commit ? `${history.commit.slice(0, 12)}${history.modified ? '+modified' : ''}` : undefined;
  const options: RenderOptions = {
    templates: context.templates,
    origin: assetOrigin,
    date,
    markings: context.config.markings,
    numberFirstPage: context.config.numberFirstPage,
    style: context.config.style,
    letterhead: context.config.letterhead,
    provenance: {
      BriefingTool: `briefing ${toolVersion}`,
      BriefingSource: briefing.source.relative,
      ...(commit ? { BriefingCommit: commit } : {}),
    },
    stamp: context.stamp
      ? `${briefing.frontmatter.id} · ${commit ? `commit ${commit.slice(0, 7)}` : 'not committed'} · built ${date.toISOString().slice(0, 10)}`
      : undefined,
  };
  const document = formats.includes('pdf') ? renderDocument(briefing, body, options) : undefined;
  let word: WordMemo | undefined;
  let houseFiles: string[] = [];
  if (formats.includes('docx')) {
    const { view, houseName } = houseView(briefing, body, options);
    word = { type: briefing.frontmatter.type, view, body, metadata: documentMetadata(briefing.frontmatter, view, options), file: briefing.file };
    houseFiles = context.templates.house(houseName).files;
  }
  const lengthRule = memoLengthRule(context.config.lint);
  const judgeLength = (pages: number) => reportMemoLength(briefing.file, briefing.locate(['type'], 'key'), briefing.frontmatter.type, pages, lengthRule);
  const shared = [...body.assets.values(), ...(briefing.file.data.inputs ?? [])];
  return {
    document,
    word,
    inputs: [...(document ? [...document.templateFiles, ...document.assets.values()] : []), ...(briefing.file.data.inputs ?? [])],
    wordInputs: [...new Set([...shared, ...houseFiles])],
    judgeLength,
  };
}

/**
 * Print, post-pass, atomic write. A memo longer than the memo-length rule allows is reported;
 * when the config makes that an error, the memo fails and its PDF is not written.
 */
export async function printPrepared(prepared: PreparedBriefing, output: string, pool: PrintPool): Promise<PrintedBriefing> {
  const document = prepared.document;
  if (!document) throw new Error('printPrepared: the briefing was prepared without its PDF');
  const chromium = await pool.print(document);
  const pdf = await finishDocument(chromium, document);
  if (prepared.judgeLength(pdf.pages)) throw new BriefingInvalid();
  await writeFileAtomically(output, pdf.bytes);
  return { pages: pdf.pages, bytes: pdf.bytes.length, sha256: sha256(pdf.bytes), inputs: prepared.inputs };
}

/** The .docx: built from the prepared view and body (no browser), written atomically. */
export async function writeWordPrepared(prepared: PreparedBriefing, output: string): Promise<PrintedBriefing> {
  if (!prepared.word) throw new Error('writeWordPrepared: the briefing was prepared without its .docx');
  const { memoDocx } = await import('../docx/document.js');
  const bytes = await memoDocx(prepared.word);
  await writeFileAtomically(output, bytes);
  return { pages: 0, bytes: bytes.length, sha256: sha256(bytes), inputs: prepared.wordInputs };
}

declare module 'vfile' {
  interface DataMap {
    /** Files other than the source that a transform read (a glossary, say): part of the cache key. */
    inputs: string[];
  }
}
