// The build manifest: for each PDF in an output folder, the hash of everything that produced
// it. A later build compares hashes instead of printing, so an unchanged briefing costs a file
// read and a hash, and a build where nothing changed never starts the browser.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write.js';

export const manifestFileName = '.briefing-manifest.json';
const manifestVersion = 1;

export interface ManifestEntry {
  /** Source path relative to its content root. */
  source: string;
  /** Absolute content root the source was found under. */
  root: string;
  /** Hash of everything that produced the PDF (see cacheKey). */
  key: string;
  sourceHash: string;
  /** Other files the output used (templates, stylesheets, images, glossary) → their hashes. */
  inputs: Record<string, string>;
  /** Memo id: duplicate ids are found without parsing cached briefings again. */
  id: string;
  /** Memo type: `check` judges the recorded page count by it (the memo-length rule). */
  type?: string;
  sha256: string;
  pages: number;
  bytes: number;
  /** Warnings the briefing had when it was built: shown again when cached. */
  warnings: number;
}

export interface Manifest {
  version: number;
  /** Output path relative to the output folder → entry. */
  outputs: Record<string, ManifestEntry>;
  /** Repository top folder → the HEAD commit the last build saw. */
  heads?: Record<string, string>;
}

export const emptyManifest = (): Manifest => ({ version: manifestVersion, outputs: {} });

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, manifestFileName), 'utf8')) as Manifest;
    return parsed.version === manifestVersion && parsed.outputs ? parsed : emptyManifest();
  } catch {
    return emptyManifest();
  }
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { version: manifest.version, heads: manifest.heads ?? {}, outputs: Object.fromEntries(Object.entries(manifest.outputs).sort(([a], [b]) => (a < b ? -1 : 1))) };
  await writeFileAtomically(path.join(outDir, manifestFileName), new TextEncoder().encode(`${JSON.stringify(sorted, null, 1)}\n`));
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Hashes files once per run: the templates are shared by every briefing. */
export class FileHashes {
  private readonly known = new Map<string, Promise<string>>();

  hash(file: string): Promise<string> {
    let hash = this.known.get(file);
    if (!hash) {
      hash = readFile(file).then(sha256, () => 'missing');
      this.known.set(file, hash);
    }
    return hash;
  }

  async hashAll(files: Iterable<string>): Promise<Record<string, string>> {
    const list = [...new Set(files)].sort();
    const hashes = await Promise.all(list.map((file) => this.hash(file)));
    return Object.fromEntries(list.map((file, index) => [file, hashes[index]!]));
  }
}

/** What every output of a run shares: tool, fonts, config, browser, reproducibility settings. */
export interface RunFingerprint {
  toolVersion: string;
  fontVersions: Record<string, string>;
  config: string;
  browser: string;
  stamp: boolean;
  sourceDateEpoch: string;
}

/** The cache key of one output. `provenance` is the source's git state (commit, modified). */
export function cacheKey(run: RunFingerprint, sourceHash: string, inputs: Record<string, string>, provenance: string): string {
  return sha256(JSON.stringify({ run, sourceHash, inputs, provenance }));
}
