// A build run, step by step: find the briefings and keep the ones this run is about (shard,
// changed since a ref); plan each one's outputs against the manifest (the browser starts as
// soon as one needs printing); parse what must be printed and settle duplicate ids; report
// the cached and the invalid; print the rest through a bounded set of lanes; remove outputs
// whose source is gone; save the manifest. A briefing that fails is reported and skipped;
// every other briefing is still built. Terminal output is the caller's job (events), and so is
// reading the environment: the command passes SOURCE_DATE_EPOCH and BRIEFING_BROWSER_WS in.
import type { VFile } from 'vfile';
import type { PrintPool } from '../print/pool.js';
import type { BriefingConfig } from '../source/config.js';
import { briefingFile, hasErrors } from '../source/diagnostics.js';
import { discoverBriefings } from '../source/discover.js';
import { EarlyBrowser } from './early-browser.js';
import { loadForPrinting } from './load-to-print.js';
import { FileHashes, readManifest, writeManifest, type Manifest } from './manifest.js';
import { needsPdf, planOutputs, RepositoryStates, runFingerprint, type Candidate } from './plan-outputs.js';
import type { OutputFormat } from './print-briefing.js';
import { selectBriefings, type Shard } from './select.js';
import { removeStaleOutputs } from './stale-outputs.js';

export { outputPathFor } from './plan-outputs.js';

export type BriefingStatus = 'built' | 'cached' | 'failed' | 'removed';

export interface BriefingOutcome {
  source: string;
  output: string;
  status: BriefingStatus;
  file: VFile;
  pages?: number;
  bytes?: number;
  sha256?: string;
  durationMs: number;
  /** Of the duration, printing proper: the browser's print, the post-pass and the write. */
  printMs?: number;
  id?: string;
}

export type BuildEvent =
  | { kind: 'start'; total: number; toPrint: number }
  | { kind: 'briefing'; outcome: BriefingOutcome; done: number; total: number };

export interface BuildOptions {
  paths: string[];
  outDir: string;
  config: BriefingConfig;
  cwd?: string;
  /** Print a provenance line in the footer of each page. */
  stamp?: boolean;
  /** Print everything, whatever the manifest says. */
  force?: boolean;
  shard?: Shard;
  /** Only briefings changed since this git ref (all of them if a template or the config changed). */
  changedSince?: string;
  browserWsEndpoint?: string;
  /** SOURCE_DATE_EPOCH (seconds): the date every output carries, and part of every cache key. */
  sourceDateEpoch?: string;
  /** Where `check`'s cache (and the content folder's ids) live; default node_modules/.cache/briefing. */
  cacheFolder?: string;
  /** What to write of each briefing: its PDF (the default), its .docx, or both. */
  formats?: readonly OutputFormat[];
  /**
   * The tool and font versions the run counts as its own (part of every cache key). Only a test
   * sets them, to show that a new tool or font version rebuilds everything.
   */
  versions?: { tool?: string; fonts?: Record<string, string> };
  onEvent?: (event: BuildEvent) => void;
  /** Checked between memos: a run that was interrupted stops scheduling work. */
  signal?: AbortSignal;
}

export interface BuildResult {
  outcomes: BriefingOutcome[];
  missing: string[];
  skippedLinks: string[];
  /** A problem that stopped the selection itself (e.g. an unknown git ref). */
  usageProblem?: string;
  durationMs: number;
  browserVersion?: string;
  /** Whether a browser was started at all (a build where nothing changed starts none). */
  browserStarted: boolean;
  /** How long starting (launch and pages) and closing the browser took, when it was started. */
  browserStartMs?: number;
  browserCloseMs?: number;
  /** How long rendered memos waited for the browser: the part of its start not hidden by other work. */
  browserWaitMs?: number;
  /** Requests the print lock-down refused (none for well-formed briefings). */
  blockedRequests: string[];
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const formats: readonly OutputFormat[] = options.formats && options.formats.length > 0 ? options.formats : ['pdf'];
  const discovery = await discoverBriefings(options.paths, cwd);
  const base = { missing: discovery.missing, skippedLinks: discovery.skippedLinks, browserStarted: false, blockedRequests: [] as string[] };
  const selection = await selectBriefings(discovery.briefings, { shard: options.shard, changedSince: options.changedSince, templatesFolder: options.config.templatesFolder, cwd, configFile: options.config.file });
  if ('error' in selection) return { ...base, outcomes: [], usageProblem: selection.error, durationMs: Date.now() - started };

  const manifest = await readManifest(options.outDir);
  const hashes = new FileHashes();
  const fingerprint = await runFingerprint(options, hashes);
  const repositories = new RepositoryStates(manifest);
  const browser = new EarlyBrowser({ poolSize: options.config.poolSize, printTimeoutMs: options.config.printTimeoutMs, wsEndpoint: options.browserWsEndpoint, signal: options.signal });
  const planning = { outDir: options.outDir, formats, force: options.force, manifest, hashes, fingerprint, repositories };
  const candidates = await Promise.all(
    selection.map(async (found) => {
      const candidate = await planOutputs(found, planning);
      if (needsPdf(candidate)) browser.needed();
      return candidate;
    }),
  ).catch(async (error: unknown) => {
    browser.memosToPrint(0);
    await browser.closeUnused();
    throw error;
  });
  browser.memosToPrint(candidates.filter(needsPdf).length);

  await loadForPrinting(candidates, { cwd, config: options.config, cacheFolder: options.cacheFolder });
  const toPrint = candidates.filter((candidate) => candidate.loaded?.briefing && !hasErrors(candidate.loaded.file));
  const total = candidates.reduce((sum, candidate) => sum + candidate.outputs.length, 0);
  options.onEvent?.({ kind: 'start', total, toPrint: toPrint.length });
  const outcomes: BriefingOutcome[] = [];
  const finish = (outcome: BriefingOutcome) => {
    outcomes.push(outcome);
    options.onEvent?.({ kind: 'briefing', outcome, done: outcomes.length, total });
  };
  reportUnprinted(candidates, toPrint, { manifest, cwd, finish });

  let pool: PrintPool | undefined;
  if (toPrint.length > 0 && !options.signal?.aborted) {
    // The renderer and the printing code are loaded only when something must be printed.
    const { printBriefings } = await import('./print-lanes.js');
    pool = await printBriefings(toPrint, { ...options, manifest, hashes, fingerprint, browser, finish });
  } else {
    await browser.closeUnused();
  }

  if (!options.signal?.aborted) {
    await removeStaleOutputs(manifest.outputs, discovery.briefings, { paths: options.paths, outDir: options.outDir, cwd }, finish);
    manifest.heads = await repositories.heads();
    await writeManifest(options.outDir, manifest).catch(() => undefined);
  }

  return {
    ...base,
    outcomes,
    durationMs: Date.now() - started,
    browserStarted: pool !== undefined,
    browserStartMs: pool ? browser.times.startMs : undefined,
    browserCloseMs: pool ? browser.times.closeMs : undefined,
    browserWaitMs: pool ? browser.times.waitMs : undefined,
    browserVersion: pool?.browserVersion,
    blockedRequests: pool?.blockedRequests ?? [],
  };
}

/** The outcomes known before printing: a briefing with errors fails, a current output is cached. */
function reportUnprinted(candidates: Candidate[], toPrint: Candidate[], run: { manifest: Manifest; cwd: string; finish: (outcome: BriefingOutcome) => void }): void {
  for (const candidate of candidates) {
    const { found } = candidate;
    const failed = !candidate.cached && !toPrint.includes(candidate);
    for (const planned of candidate.outputs) {
      const { output, cached } = planned;
      if (failed) {
        delete run.manifest.outputs[planned.outputKey];
        run.finish({ source: found.path, output, status: 'failed', file: candidate.loaded!.file, durationMs: 0, id: candidate.loaded?.briefing?.frontmatter.id });
      } else if (cached) {
        // A briefing parsed for another of its outputs shows its warnings once, with that output.
        const file = candidate.cached ? briefingFile(found.path, run.cwd) : candidate.loaded!.file;
        run.finish({ source: found.path, output, status: 'cached', file, pages: cached.pages || undefined, bytes: cached.bytes, sha256: cached.sha256, durationMs: 0, id: cached.id });
      }
    }
  }
}
