// Which outputs of a run's briefings are still current. An output is cached when its manifest
// entry names the same source, the source's bytes hash the same, git says it is the source that
// was built, the file is still there, and the cache key (run fingerprint, inputs) agrees.
// Nothing is parsed here: a build where nothing changed is a few file reads and hashes.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { findBrowser } from '../print/browser.js';
import { toolVersion } from '../project.js';
import { fontVersions } from '../render/fonts.js';
import { rulePackageFiles } from '../lint/rule-packages.js';
import type { BriefingConfig } from '../source/config.js';
import { markdownExtension, type FoundBriefing } from '../source/discover.js';
import type { LoadedBriefing } from '../source/load.js';
import type { SourceFile } from '../types.js';
import { changedBetween, repositoryState, type RepositoryState } from './git-state.js';
import { cacheKey, sha256, type FileHashes, type Manifest, type ManifestEntry, type RunFingerprint } from './manifest.js';
import type { OutputFormat } from './print-briefing.js';

export const outputPathFor = (found: FoundBriefing, outDir: string, format: OutputFormat = 'pdf') => path.join(outDir, found.relative.replace(markdownExtension, `.${format}`));

/** One file a briefing becomes (its PDF, its .docx): each is its own entry in the manifest. */
export interface PlannedOutput {
  format: OutputFormat;
  output: string;
  outputKey: string;
  cached?: ManifestEntry;
}

/** A briefing of the run with its outputs; `loaded` once it is parsed (only to print it). */
export interface Candidate {
  found: FoundBriefing;
  source: SourceFile;
  outputs: PlannedOutput[];
  sourceHash: string;
  provenance: 'none' | 'modified' | 'committed';
  /** Every output is current: the briefing is not parsed (its id is in the manifest). */
  cached?: ManifestEntry;
  loaded?: LoadedBriefing;
}

/** Whether a candidate still needs its PDF printed (so the browser). */
export const needsPdf = (candidate: Candidate) => candidate.outputs.some((planned) => planned.format === 'pdf' && !planned.cached);

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

/** What every output of the run owes to the run itself: tool, fonts, config, browser, stamp, date. */
export async function runFingerprint(
  run: { config: BriefingConfig; browserWsEndpoint?: string; stamp?: boolean; sourceDateEpoch?: string; versions?: { tool?: string; fonts?: Record<string, string> } },
  hashes: FileHashes,
): Promise<RunFingerprint> {
  return {
    toolVersion: run.versions?.tool ?? toolVersion,
    fontVersions: run.versions?.fonts ?? fontVersions(),
    // The config's text and the code of a team's own lint rules (and published ones) shape every output.
    config: run.config.fingerprint + JSON.stringify(await hashes.hashAll([...(run.config.lint?.plugins ?? []), ...rulePackageFiles(run.config.lint)])),
    browser: await browserIdentity(run.browserWsEndpoint),
    stamp: Boolean(run.stamp),
    sourceDateEpoch: run.sourceDateEpoch ?? '',
  };
}

/** A .docx owes nothing to the browser: a new browser rebuilds only the PDFs. */
export const fingerprintFor = (fingerprint: RunFingerprint, format: OutputFormat): RunFingerprint => (format === 'pdf' ? fingerprint : { ...fingerprint, browser: `none (${format})` });

/** Git state once per content root: what is uncommitted, what changed since the last build. */
export class RepositoryStates {
  private readonly byRoot = new Map<string, Promise<{ state?: RepositoryState; changed?: Set<string> }>>();

  constructor(private readonly manifest: Manifest) {}

  of(root: string): Promise<{ state?: RepositoryState; changed?: Set<string> }> {
    let entry = this.byRoot.get(root);
    if (!entry) {
      entry = (async () => {
        const state = await repositoryState(root);
        if (!state) return {};
        const previous = this.manifest.heads?.[state.top];
        const changed = previous && state.head && previous !== state.head ? await changedBetween(state.top, previous, state.head) : previous === state.head ? new Set<string>() : undefined;
        return { state, changed };
      })();
      this.byRoot.set(root, entry);
    }
    return entry;
  }

  /** The HEAD of every repository the run saw, for the next run's manifest. */
  async heads(): Promise<Record<string, string>> {
    const heads: Record<string, string> = {};
    for (const repository of this.byRoot.values()) {
      const { state } = await repository;
      if (state?.head) heads[state.top] = state.head;
    }
    return heads;
  }
}

export interface OutputPlanning {
  outDir: string;
  formats: readonly OutputFormat[];
  force?: boolean;
  manifest: Manifest;
  hashes: FileHashes;
  fingerprint: RunFingerprint;
  repositories: RepositoryStates;
}

/** Reads one briefing's source and decides, output by output, whether it is still current. */
export async function planOutputs(found: FoundBriefing, planning: OutputPlanning): Promise<Candidate> {
  const source: SourceFile = { ...found, bytes: await readFile(found.path) };
  const { state, changed } = await planning.repositories.of(found.root);
  const provenance = !state ? 'none' : state.uncommitted.has(found.path) ? 'modified' : 'committed';
  const sourceHash = sha256(source.bytes);
  const committedSame = provenance !== 'committed' || (changed !== undefined && !changed.has(found.path));
  const outputs = await Promise.all(
    planning.formats.map(async (format): Promise<PlannedOutput> => {
      const output = outputPathFor(found, planning.outDir, format);
      const planned: PlannedOutput = { format, output, outputKey: path.relative(planning.outDir, output).split(path.sep).join('/') };
      const entry = planning.manifest.outputs[planned.outputKey];
      if (!planning.force && entry && entry.root === found.root && entry.source === found.relative && entry.sourceHash === sourceHash && committedSame) {
        const [inputs, existing] = await Promise.all([planning.hashes.hashAll(Object.keys(entry.inputs)), stat(output).catch(() => undefined)]);
        if (existing?.size === entry.bytes && cacheKey(fingerprintFor(planning.fingerprint, format), sourceHash, inputs, provenance) === entry.key) planned.cached = entry;
      }
      return planned;
    }),
  );
  const candidate: Candidate = { found, source, outputs, sourceHash, provenance };
  if (outputs.every((planned) => planned.cached)) candidate.cached = outputs[0]!.cached;
  return candidate;
}
