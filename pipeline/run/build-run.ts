// A build run: find the briefings, keep the ones this run is about (shard, changed since a
// ref), skip those whose inputs did not change since the last build (manifest), check the
// rest, then print them through a bounded pipeline. A briefing that fails is reported and
// skipped; every other briefing is still built. Terminal output is the caller's job (events).
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { findBrowser } from '../print/browser.js';
import type { PrintPool } from '../print/pool.js';
import { toolRoot, toolVersion } from '../project.js';
import { fontVersions } from '../render/fonts.js';
import { configFileName, type BriefingConfig } from '../source/config.js';
import { briefingFile, hasErrors, reportError } from '../source/diagnostics.js';
import { discoverBriefings, isMarkdownFile, markdownExtension, type FoundBriefing } from '../source/discover.js';
import type { LoadedBriefing } from '../source/load.js';
import type { SourceFile } from '../types.js';
import { prepareOutputFolder } from './atomic-write.js';
import { CheckCache, defaultCheckCacheFolder } from '../lint/check-cache.js';
import { rulePackageFiles } from '../lint/rule-packages.js';
import { idsElsewhere } from '../source/content-ids.js';
import { reportDuplicateIds } from '../source/duplicate-ids.js';
import { changedBetween, changedSince, repositoryState, type RepositoryState } from './git-state.js';
import { cacheKey, FileHashes, readManifest, sha256, writeManifest, type ManifestEntry, type RunFingerprint } from './manifest.js';
import { inShard, touchesEverything, type Shard } from './select.js';
import type { OutputFormat } from './print-briefing.js';

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

export const outputPathFor = (found: FoundBriefing, outDir: string, format: OutputFormat = 'pdf') => path.join(outDir, found.relative.replace(markdownExtension, `.${format}`));

/** Identifies the browser without starting it: its path, size and date, or the endpoint. */
async function browserIdentity(wsEndpoint: string | undefined): Promise<string> {
  if (wsEndpoint) return `ws:${wsEndpoint}`;
  try {
    const executable = await findBrowser();
    const info = await stat(executable);
    return `${executable}:${info.size}:${info.mtimeMs}`;
  } catch {
    return 'none';
  }
}

/** One file a briefing becomes (its PDF, its .docx): each is its own entry in the manifest. */
interface PlannedOutput {
  format: OutputFormat;
  output: string;
  outputKey: string;
  cached?: ManifestEntry;
}

interface Candidate {
  found: FoundBriefing;
  source: SourceFile;
  outputs: PlannedOutput[];
  sourceHash: string;
  provenance: string;
  /** Every output is current: the briefing is not parsed (its id is in the manifest). */
  cached?: ManifestEntry;
  loaded?: LoadedBriefing;
}

async function selectBriefings(found: FoundBriefing[], options: BuildOptions): Promise<FoundBriefing[] | { error: string }> {
  const sharded = found.filter((briefing) => inShard(briefing, options.shard));
  if (!options.changedSince || sharded.length === 0) return sharded;
  const byTop = new Map<string, Set<string>>();
  const everythingIn = new Set<string>();
  const toolFiles = { templates: options.config.templatesFolder, config: path.resolve(options.cwd ?? process.cwd(), configFileName), tool: toolRoot };
  for (const root of new Set(sharded.map((briefing) => briefing.root))) {
    const changes = await changedSince(root, options.changedSince);
    if ('error' in changes) return changes;
    byTop.set(root, changes.files);
    const rootWide = [...changes.files].some(
      (file) => touchesEverything(file, toolFiles) || (!isMarkdownFile(file) && !path.relative(root, file).startsWith('..')),
    );
    if (rootWide) everythingIn.add(root);
  }
  return sharded.filter((briefing) => everythingIn.has(briefing.root) || byTop.get(briefing.root)?.has(briefing.path));
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const formats: readonly OutputFormat[] = options.formats && options.formats.length > 0 ? options.formats : ['pdf'];
  const discovery = await discoverBriefings(options.paths, cwd);
  const base = { missing: discovery.missing, skippedLinks: discovery.skippedLinks, browserStarted: false, blockedRequests: [] as string[] };
  const selection = await selectBriefings(discovery.briefings, options);
  if ('error' in selection) return { ...base, outcomes: [], usageProblem: selection.error, durationMs: Date.now() - started };

  const manifest = await readManifest(options.outDir);
  const hashes = new FileHashes();
  const fingerprint: RunFingerprint = {
    toolVersion: options.versions?.tool ?? toolVersion,
    fontVersions: options.versions?.fonts ?? fontVersions(),
    // The config's text and the code of a team's own lint rules (and published ones) shape every output.
    config: options.config.fingerprint + JSON.stringify(await hashes.hashAll([...(options.config.lint?.plugins ?? []), ...rulePackageFiles(options.config.lint)])),
    browser: await browserIdentity(options.browserWsEndpoint),
    stamp: Boolean(options.stamp),
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? '',
  };
  // A .docx owes nothing to the browser: a new browser rebuilds only the PDFs.
  const fingerprintFor = (format: OutputFormat): RunFingerprint => (format === 'pdf' ? fingerprint : { ...fingerprint, browser: `none (${format})` });

  // Git state once per content root: what is uncommitted, what changed since the last build.
  const repositories = new Map<string, Promise<{ state?: RepositoryState; changed?: Set<string> }>>();
  const repositoryFor = (root: string) => {
    let entry = repositories.get(root);
    if (!entry) {
      entry = (async () => {
        const state = await repositoryState(root);
        if (!state) return {};
        const previous = manifest.heads?.[state.top];
        const changed = previous && state.head && previous !== state.head ? await changedBetween(state.top, previous, state.head) : previous === state.head ? new Set<string>() : undefined;
        return { state, changed };
      })();
      repositories.set(root, entry);
    }
    return entry;
  };

  // The browser starts the moment the first briefing turns out to need printing, while the
  // others are still being hashed: in a one-memo rebuild its launch is most of the wait. Its
  // failure only matters if something does need printing (it then fails the run).
  const browserTimes = { startMs: 0, closeMs: 0, waitMs: 0 };
  let candidatesKnown: (count: number) => void = () => undefined;
  const toPrintCount = new Promise<number>((resolve) => (candidatesKnown = resolve));
  const startPool = async () => {
    const { PrintPool, pagesFor } = await import('../print/pool.js');
    const launched = Date.now();
    // No more pages than memos to print: a one-memo rebuild opens one.
    const size = toPrintCount.then((count) => pagesFor(count, options.config.poolSize));
    const started = await PrintPool.start({ size, timeoutMs: options.config.printTimeoutMs, browser: { wsEndpoint: options.browserWsEndpoint } });
    browserTimes.startMs = Date.now() - launched;
    return started;
  };
  let poolStarting: Promise<PrintPool> | undefined;
  const needsPrinting = () => {
    if (poolStarting || options.signal?.aborted) return;
    poolStarting = startPool();
    poolStarting.catch(() => undefined);
  };

  const closeUnusedPool = () => poolStarting?.then((unused) => unused.close(), () => undefined);
  const candidates: Candidate[] = await Promise.all(
    selection.map(async (found) => {
      const source: SourceFile = { ...found, bytes: await readFile(found.path) };
      const { state, changed } = await repositoryFor(found.root);
      const provenance = !state ? 'none' : state.uncommitted.has(found.path) ? 'modified' : 'committed';
      const sourceHash = sha256(source.bytes);
      const committedSame = provenance !== 'committed' || (changed !== undefined && !changed.has(found.path));
      const outputs = await Promise.all(
        formats.map(async (format): Promise<PlannedOutput> => {
          const output = outputPathFor(found, options.outDir, format);
          const planned: PlannedOutput = { format, output, outputKey: path.relative(options.outDir, output).split(path.sep).join('/') };
          const entry = manifest.outputs[planned.outputKey];
          if (!options.force && entry && entry.root === found.root && entry.source === found.relative && entry.sourceHash === sourceHash && committedSame) {
            const [inputs, existing] = await Promise.all([hashes.hashAll(Object.keys(entry.inputs)), stat(output).catch(() => undefined)]);
            if (existing?.size === entry.bytes && cacheKey(fingerprintFor(format), sourceHash, inputs, provenance) === entry.key) planned.cached = entry;
          }
          return planned;
        }),
      );
      const candidate: Candidate = { found, source, outputs, sourceHash, provenance };
      if (outputs.every((planned) => planned.cached)) candidate.cached = outputs[0]!.cached;
      if (outputs.some((planned) => planned.format === 'pdf' && !planned.cached)) needsPrinting();
      return candidate;
    }),
  ).catch(async (error: unknown) => {
    candidatesKnown(0);
    await closeUnusedPool();
    throw error;
  });
  const needsPdf = (candidate: Candidate) => candidate.outputs.some((planned) => planned.format === 'pdf' && !planned.cached);
  candidatesKnown(candidates.filter(needsPdf).length);

  // Parse only what must be printed; a cached briefing keeps its id in the manifest. A cached
  // briefing that shares an id with another (of the run, or of the content folder) is parsed
  // again, so the error shows at its id.
  // The parser, the renderer and the browser are loaded only when something must be printed:
  // a build where nothing changed is a few file reads and hashes.
  let loadBriefing: typeof import('../source/load.js').loadBriefing | undefined;
  const load = async (candidate: Candidate) => {
    loadBriefing ??= (await import('../source/load.js')).loadBriefing;
    candidate.loaded = loadBriefing(candidate.source, cwd, options.config.markings, options.config.houses);
  };
  const idCount = new Map<string, number>();
  for (const candidate of candidates) if (candidate.cached) idCount.set(candidate.cached.id, (idCount.get(candidate.cached.id) ?? 0) + 1);
  for (const candidate of candidates) {
    if (candidate.cached) continue;
    await load(candidate);
    const id = candidate.loaded?.briefing?.frontmatter.id;
    if (id) idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }
  // The content folder's other briefings (another file of the folder named alone, another
  // shard): their ids come from the check cache or their frontmatter, never from their bodies.
  let idStore: CheckCache | undefined;
  const elsewhere = await idsElsewhere(
    candidates.map((candidate) => candidate.found),
    cwd,
    async () => (idStore = await CheckCache.openIds(defaultCheckCacheFolder(cwd))),
  );
  await idStore?.save();
  for (const other of elsewhere) idCount.set(other.id, (idCount.get(other.id) ?? 0) + 1);
  for (const candidate of candidates) {
    if (candidate.cached && (idCount.get(candidate.cached.id) ?? 0) > 1) {
      candidate.cached = undefined;
      for (const planned of candidate.outputs) planned.cached = undefined;
      await load(candidate);
    }
  }
  reportDuplicateIds(
    candidates.map((candidate) => candidate.loaded ?? {}),
    elsewhere,
  );

  const toPrint = candidates.filter((candidate) => candidate.loaded?.briefing && !hasErrors(candidate.loaded.file));
  const total = candidates.reduce((sum, candidate) => sum + candidate.outputs.length, 0);
  options.onEvent?.({ kind: 'start', total, toPrint: toPrint.length });
  const outcomes: BriefingOutcome[] = [];
  let done = 0;
  const finish = (outcome: BriefingOutcome) => {
    outcomes.push(outcome);
    done += 1;
    options.onEvent?.({ kind: 'briefing', outcome, done, total });
  };

  for (const candidate of candidates) {
    const { found } = candidate;
    const failed = !candidate.cached && !toPrint.includes(candidate);
    for (const planned of candidate.outputs) {
      const { output, cached } = planned;
      if (failed) {
        delete manifest.outputs[planned.outputKey];
        finish({ source: found.path, output, status: 'failed', file: candidate.loaded!.file, durationMs: 0, id: candidate.loaded?.briefing?.frontmatter.id });
      } else if (cached) {
        // A briefing parsed for another of its outputs shows its warnings once, with that output.
        const file = candidate.cached ? briefingFile(found.path, cwd) : candidate.loaded!.file;
        finish({ source: found.path, output, status: 'cached', file, pages: cached.pages || undefined, bytes: cached.bytes, sha256: cached.sha256, durationMs: 0, id: cached.id });
      }
    }
  }

  let pool: PrintPool | undefined;
  if (toPrint.length > 0 && !options.signal?.aborted) {
    const [{ loadTemplates }, { BriefingInvalid, prepareBriefing, printPrepared, writeWordPrepared }, { pagesFor }] = await Promise.all([
      import('../render/templates.js'),
      import('./print-briefing.js'),
      import('../print/pool.js'),
    ]);
    // An unwritable output folder is one error before any printing, not one per memo.
    try {
      await prepareOutputFolder(options.outDir);
    } catch (error) {
      await closeUnusedPool();
      throw error;
    }
    const templates = loadTemplates(options.config.templatesFolder);
    // Memos are transformed and rendered while the browser starts; each waits for it only to
    // print. A build of .docx files alone starts no browser.
    const poolReady: Promise<PrintPool> = toPrint.some(needsPdf) ? (poolStarting ?? startPool()) : Promise.reject(new Error('no PDF to print'));
    poolReady.catch(() => undefined);
    let poolFailure: unknown;
    const printingPool = () =>
      poolReady.catch((error: unknown) => {
        poolFailure ??= error;
        throw error;
      });
    const abort = () => void poolReady.then((ready) => ready.close(), () => undefined);
    options.signal?.addEventListener('abort', abort);
    try {
      // Keep every page of the pool busy, plus one memo being prepared, and no more: memory
      // stays flat however many briefings there are.
      const queue = [...toPrint];
      const lanes = Array.from({ length: Math.min(queue.length, pagesFor(queue.length, options.config.poolSize) + 1) }, async () => {
        for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
          if (options.signal?.aborted || poolFailure) return;
          const { found, loaded } = candidate;
          const briefing = loaded!.briefing!;
          const memoStarted = Date.now();
          // The .docx first: it needs no browser, so it is written while the browser starts.
          const pending = candidate.outputs.filter((planned) => !planned.cached).sort((a, b) => (a.format === b.format ? 0 : a.format === 'docx' ? -1 : 1));
          // Transformed and rendered once for all its outputs; a failure there fails each of them.
          const git = { inRepository: candidate.provenance !== 'none', modified: candidate.provenance === 'modified' };
          let prepared: Awaited<ReturnType<typeof prepareBriefing>> | { failure: unknown };
          try {
            prepared = await prepareBriefing(briefing, { templates, config: options.config, stamp: options.stamp }, git, pending.map((entry) => entry.format));
          } catch (failure) {
            prepared = { failure };
          }
          const reported = new Set<unknown>();
          for (const planned of pending) {
            const { output } = planned;
            try {
              if ('failure' in prepared) throw prepared.failure;
              let written: Awaited<ReturnType<typeof printPrepared>>;
              let printMs: number;
              if (planned.format === 'docx') {
                const writing = Date.now();
                written = await writeWordPrepared(prepared, output);
                printMs = Date.now() - writing;
              } else {
                const waiting = Date.now();
                const printer = await printingPool();
                browserTimes.waitMs = Math.max(browserTimes.waitMs, Date.now() - waiting);
                const printing = Date.now();
                written = await printPrepared(prepared, output, printer);
                printMs = Date.now() - printing;
              }
              const inputs = await hashes.hashAll(written.inputs);
              manifest.outputs[planned.outputKey] = {
                source: found.relative,
                root: found.root,
                key: cacheKey(fingerprintFor(planned.format), candidate.sourceHash, inputs, candidate.provenance),
                sourceHash: candidate.sourceHash,
                inputs,
                id: briefing.frontmatter.id,
                type: briefing.frontmatter.type,
                sha256: written.sha256,
                pages: written.pages,
                bytes: written.bytes,
                warnings: briefing.file.messages.length,
              };
              finish({ source: found.path, output, status: 'built', file: briefing.file, pages: written.pages || undefined, bytes: written.bytes, sha256: written.sha256, durationMs: Date.now() - memoStarted, printMs, id: briefing.frontmatter.id });
            } catch (error) {
              // No browser: the run fails as a whole (below), not memo by memo.
              if (options.signal?.aborted || poolFailure) return;
              if (!(error instanceof BriefingInvalid) && !reported.has(error)) reportError(briefing.file, (error as Error).message, undefined, (error as { rule?: string }).rule ?? (planned.format === 'docx' ? 'docx' : 'print'));
              reported.add(error);
              delete manifest.outputs[planned.outputKey];
              finish({ source: found.path, output, status: 'failed', file: briefing.file, durationMs: Date.now() - memoStarted, id: briefing.frontmatter.id });
            }
          }
          // What is left of a printed memo is its outcome: let the text and the tree go, so
          // memory does not grow with the number of briefings.
          briefing.file.value = '';
          candidate.loaded = undefined;
          candidate.source = { ...candidate.source, bytes: Buffer.alloc(0) };
        }
      });
      await Promise.all(lanes);
      if (poolFailure) throw poolFailure;
    } finally {
      options.signal?.removeEventListener('abort', abort);
      const closing = Date.now();
      pool = await poolReady.catch(() => undefined);
      await pool?.close();
      browserTimes.closeMs = Date.now() - closing;
    }
  } else {
    await closeUnusedPool();
  }

  if (!options.signal?.aborted) {
    await removeStaleOutputs(manifest.outputs, discovery.briefings, options, cwd, finish);
    manifest.heads = {};
    for (const repository of repositories.values()) {
      const { state } = await repository;
      if (state?.head) manifest.heads[state.top] = state.head;
    }
    await writeManifest(options.outDir, manifest).catch(() => undefined);
  }

  return {
    ...base,
    outcomes,
    durationMs: Date.now() - started,
    browserStarted: pool !== undefined,
    browserStartMs: pool ? browserTimes.startMs : undefined,
    browserCloseMs: pool ? browserTimes.closeMs : undefined,
    browserWaitMs: pool ? browserTimes.waitMs : undefined,
    browserVersion: pool?.browserVersion,
    blockedRequests: pool?.blockedRequests ?? [],
  };
}

/** A PDF whose source was deleted from a folder this run scanned is removed, and said so. */
async function removeStaleOutputs(
  outputs: Record<string, ManifestEntry>,
  found: FoundBriefing[],
  options: BuildOptions,
  cwd: string,
  finish: (outcome: BriefingOutcome) => void,
): Promise<void> {
  const scannedRoots = new Set<string>();
  for (const given of options.paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) scannedRoots.add(absolute);
  }
  const present = new Set(found.map((briefing) => briefing.path));
  for (const [outputKey, entry] of Object.entries(outputs)) {
    if (!scannedRoots.has(entry.root)) continue;
    const sourcePath = path.join(entry.root, entry.source);
    if (present.has(sourcePath)) continue;
    const exists = await stat(sourcePath).catch(() => undefined);
    if (exists) continue; // still there, just not part of this run (shard, changed-since)
    const output = path.join(options.outDir, outputKey);
    await rm(output, { force: true });
    delete outputs[outputKey];
    finish({ source: sourcePath, output, status: 'removed', file: briefingFile(sourcePath, cwd), durationMs: 0, id: entry.id });
  }
}
