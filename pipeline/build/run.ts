// A build run: find the briefings, check them all, then transform, render, print and write
// each one through a bounded pipeline. A briefing that fails is reported and skipped; every
// other briefing is still built. Terminal output is the caller's job (events).
import path from 'node:path';
import type { VFile } from 'vfile';
import { PrintPool } from '../print/pool.js';
import { finishPdf } from '../print/postprocess.js';
import { toolVersion } from '../project.js';
import { renderDocument } from '../render/render.js';
import { loadTemplates, type TemplateSet } from '../render/templates.js';
import type { BriefingConfig } from '../source/config.js';
import { hasErrors, reportError } from '../source/diagnostics.js';
import { discoverBriefings, type FoundBriefing } from '../source/discover.js';
import { loadBriefing, readSource, type LoadedBriefing } from '../source/load.js';
import type { MarkingSystem } from '../source/markings.js';
import { assetOrigin, transformBody } from '../transform/processor.js';
import type { Briefing } from '../types.js';
import { writeFileAtomically } from './atomic-write.js';
import { documentDate, gitHistory } from './provenance.js';

export type BriefingStatus = 'built' | 'failed';

export interface BriefingOutcome {
  source: string;
  output: string;
  status: BriefingStatus;
  file: VFile;
  pages?: number;
  bytes?: number;
  durationMs: number;
  id?: string;
}

export type BuildEvent =
  | { kind: 'start'; total: number }
  | { kind: 'briefing'; outcome: BriefingOutcome; done: number; total: number };

export interface BuildOptions {
  paths: string[];
  outDir: string;
  config: BriefingConfig;
  cwd?: string;
  /** Print a provenance line in the footer of each page. */
  stamp?: boolean;
  browserWsEndpoint?: string;
  onEvent?: (event: BuildEvent) => void;
  /** Checked between memos: a run that was interrupted stops scheduling work. */
  signal?: AbortSignal;
}

export interface BuildResult {
  outcomes: BriefingOutcome[];
  missing: string[];
  skippedLinks: string[];
  durationMs: number;
  browserVersion?: string;
  /** Requests the print lock-down refused (none for well-formed briefings). */
  blockedRequests: string[];
}

export const outputPathFor = (found: FoundBriefing, outDir: string) => path.join(outDir, found.relative.replace(/\.(md|markdown)$/i, '.pdf'));

/** Two briefings with the same id are an error at both: the id names the memo in the book. */
export function reportDuplicateIds(loaded: LoadedBriefing[]): void {
  const byId = new Map<string, Briefing[]>();
  for (const { briefing } of loaded) {
    if (!briefing) continue;
    const list = byId.get(briefing.frontmatter.id) ?? [];
    list.push(briefing);
    byId.set(briefing.frontmatter.id, list);
  }
  for (const [id, briefings] of byId) {
    if (briefings.length < 2) continue;
    for (const briefing of briefings) {
      const others = briefings.filter((other) => other !== briefing).map((other) => other.file.path);
      reportError(briefing.file, `id "${id}" is also used by ${others.join(', ')}; give each briefing its own id`, briefing.locate(['id']), 'duplicate-id');
    }
  }
}

export async function checkSources(paths: string[], cwd: string, markings?: MarkingSystem) {
  const discovery = await discoverBriefings(paths, cwd);
  const loaded = await Promise.all(discovery.briefings.map(async (found) => ({ found, ...loadBriefing(await readSource(found), cwd, markings) })));
  reportDuplicateIds(loaded);
  return { discovery, loaded };
}

async function buildOne(
  briefing: Briefing,
  output: string,
  pool: PrintPool,
  templates: TemplateSet,
  options: BuildOptions,
): Promise<{ pages: number; bytes: number }> {
  const body = transformBody(briefing);
  if (hasErrors(briefing.file)) throw new BriefingInvalid();
  const history = await gitHistory(briefing.source.path);
  const date = documentDate(briefing.frontmatter.date, history);
  const commit = history.commit ? `${history.commit.slice(0, 12)}${history.modified ? '+modified' : ''}` : undefined;
  const provenance: Record<string, string> = {
    BriefingTool: `briefing ${toolVersion}`,
    BriefingSource: briefing.source.relative,
    ...(commit ? { BriefingCommit: commit } : {}),
  };
  const document = renderDocument(briefing, body, {
    templates,
    origin: assetOrigin,
    date,
    markings: options.config.markings,
    numberFirstPage: options.config.numberFirstPage,
    provenance,
    stamp: options.stamp
      ? `${briefing.frontmatter.id} · ${commit ? `commit ${commit.slice(0, 7)}` : 'not committed'} · built ${date.toISOString().slice(0, 10)}`
      : undefined,
  });
  const chromium = await pool.print(document);
  const pdf = await finishPdf(chromium, { metadata: document.metadata, creator: `briefing ${toolVersion}` });
  await writeFileAtomically(output, pdf.bytes);
  return { pages: pdf.pages, bytes: pdf.bytes.length };
}

class BriefingInvalid extends Error {}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const { discovery, loaded } = await checkSources(options.paths, cwd, options.config.markings);
  const total = loaded.length;
  options.onEvent?.({ kind: 'start', total });
  const outcomes: BriefingOutcome[] = [];
  let done = 0;
  const finish = (outcome: BriefingOutcome) => {
    outcomes.push(outcome);
    done += 1;
    options.onEvent?.({ kind: 'briefing', outcome, done, total });
  };

  const printable = loaded.filter((entry) => entry.briefing && !hasErrors(entry.file));
  for (const entry of loaded) {
    if (!printable.includes(entry)) {
      finish({ source: entry.found.path, output: outputPathFor(entry.found, options.outDir), status: 'failed', file: entry.file, durationMs: 0, id: entry.briefing?.frontmatter.id });
    }
  }

  let pool: PrintPool | undefined;
  if (printable.length > 0) {
    const templates = loadTemplates();
    pool = await PrintPool.start({ size: options.config.poolSize, timeoutMs: options.config.printTimeoutMs, browser: { wsEndpoint: options.browserWsEndpoint } });
    const activePool = pool;
    const abort = () => void activePool.close();
    options.signal?.addEventListener('abort', abort);
    try {
      // Keep every page of the pool busy, plus one memo being prepared, and no more: memory
      // stays flat however many briefings there are.
      const queue = [...printable];
      const lanes = Array.from({ length: Math.min(queue.length, defaultLanes(activePool)) }, async () => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) {
          if (options.signal?.aborted) return;
          const briefing = entry.briefing!;
          const output = outputPathFor(entry.found, options.outDir);
          const memoStarted = Date.now();
          try {
            const { pages, bytes } = await buildOne(briefing, output, activePool, templates, options);
            finish({ source: entry.found.path, output, status: 'built', file: entry.file, pages, bytes, durationMs: Date.now() - memoStarted, id: briefing.frontmatter.id });
          } catch (error) {
            if (options.signal?.aborted) return;
            if (!(error instanceof BriefingInvalid)) reportError(entry.file, (error as Error).message, undefined, 'print');
            finish({ source: entry.found.path, output, status: 'failed', file: entry.file, durationMs: Date.now() - memoStarted, id: briefing.frontmatter.id });
          }
        }
      });
      await Promise.all(lanes);
    } finally {
      options.signal?.removeEventListener('abort', abort);
      await activePool.close();
    }
  }

  return {
    outcomes,
    missing: discovery.missing,
    skippedLinks: discovery.skippedLinks,
    durationMs: Date.now() - started,
    browserVersion: pool?.browserVersion,
    blockedRequests: pool?.blockedRequests ?? [],
  };
}

const defaultLanes = (pool: PrintPool) => pool.size + 1;
