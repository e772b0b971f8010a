// What `briefing check` said about each source, kept by everything that decides it: the
// source's bytes, the tool's own code and dependencies, the config and a team's rule files, the
// day (the future-date rule counts days from today), the working folder (messages name paths
// relative to it), and the files the check looked at besides the source (glossaries, images;
// present or missing). Markdown parsing costs ~12 ms a memo on these machines and cannot be
// made cheaper, so an author who edits one memo of a hundred should wait for one parse.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { writeFileAtomically } from '../run/atomic-write.js';
import { toolRoot } from '../project.js';
import type { BriefingConfig } from '../source/config.js';
import { fileSignature, type IdStore } from '../source/content-ids.js';
import { storeMessages, type Place, type StoredMessage } from '../source/diagnostics.js';
import { rulePackageFiles } from './rule-packages.js';

const cacheVersion = 2;
export const checkCacheFileName = 'check-cache.json';

export interface CheckEntry {
  sourceHash: string;
  /** The run fingerprint the entry was made under (code, config, day, folder). */
  run: string;
  /** Files the check read besides the source → their signatures. */
  inputs: Record<string, string>;
  /** The memo's id and where it is written: duplicate ids are found without parsing again. */
  id?: string;
  idPlace?: Place;
  messages: StoredMessage[];
}

interface CacheFile {
  version: number;
  entries: Record<string, CheckEntry>;
  /**
   * The id of every briefing seen as another file of the content folder (content-ids.ts), by
   * its signature: a check or build of one file learns the others' ids from here, not by reading
   * them. The id depends on the bytes alone, so the run fingerprint does not matter.
   */
  ids?: Record<string, { signature: string; id?: string }>;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

async function signatures(files: Iterable<string>): Promise<Record<string, string>> {
  const list = [...new Set(files)].sort();
  const values = await Promise.all(list.map(fileSignature));
  return Object.fromEntries(list.map((file, index) => [file, values[index]!]));
}

/** The tool's code (bundled, compiled or TypeScript, whichever runs) and its locked dependencies. */
async function codeFingerprint(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Bundled, this module is a chunk in dist/bundle; otherwise it is in the pipeline's lint/ folder.
  const codeFolder = path.basename(here) === 'bundle' ? here : path.dirname(here);
  const entries = await readdir(codeFolder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of [...files, path.join(toolRoot, 'package-lock.json')]) {
    hash.update(file);
    hash.update(await readFile(file).catch(() => Buffer.from('missing')));
  }
  return hash.digest('hex');
}

/** Where the cache lives: the folder asked for (the commands pass $BRIEFING_CACHE_DIR), else node_modules/.cache/briefing. */
export const defaultCheckCacheFolder = (cwd: string, cacheFolder?: string) => cacheFolder ?? path.join(cwd, 'node_modules', '.cache', 'briefing');

async function readCacheFile(file: string): Promise<CacheFile> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
    if (parsed.version === cacheVersion && parsed.entries && typeof parsed.entries === 'object') return parsed;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  return { version: cacheVersion, entries: {} };
}

export class CheckCache implements IdStore {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly contents: CacheFile,
    /** The run fingerprint; none when the cache was opened for ids only (a build). */
    private readonly run: string | undefined,
  ) {}

  /** Only the ids of the content folder's briefings, for a build: no fingerprint of the code is taken. */
  static async openIds(folder: string): Promise<CheckCache> {
    const file = path.join(folder, checkCacheFileName);
    return new CheckCache(file, await readCacheFile(file), undefined);
  }

  static async open(folder: string, config: Pick<BriefingConfig, 'fingerprint' | 'lint'>, cwd: string, mode: string): Promise<CheckCache> {
    const file = path.join(folder, checkCacheFileName);
    const contents = await readCacheFile(file);
    const run = sha256(
      JSON.stringify({
        code: await codeFingerprint(),
        config: config.fingerprint,
        plugins: await signatures([...(config.lint?.plugins ?? []), ...rulePackageFiles(config.lint)]),
        day: new Date().toISOString().slice(0, 10),
        cwd,
        mode,
      }),
    );
    return new CheckCache(file, contents, run);
  }

  /** The entry for a source whose bytes hash to `sourceHash`, if nothing it depends on changed. */
  async lookup(sourcePath: string, sourceHash: string): Promise<CheckEntry | undefined> {
    const entry = this.contents.entries[sourcePath];
    if (!entry || this.run === undefined || entry.sourceHash !== sourceHash || entry.run !== this.run) return undefined;
    const now = await signatures(Object.keys(entry.inputs));
    return Object.entries(entry.inputs).every(([input, value]) => now[input] === value) ? entry : undefined;
  }

  /** Records what the check said; call before any message that depends on other files. */
  async store(sourcePath: string, sourceHash: string, file: VFile, id?: { id: string; place: Place }): Promise<void> {
    if (this.run === undefined) return;
    this.contents.entries[sourcePath] = {
      sourceHash,
      run: this.run,
      inputs: await signatures(file.data.inputs ?? []),
      id: id?.id,
      idPlace: id?.place,
      messages: storeMessages(file.messages),
    };
    this.changed = true;
  }

  knownId(file: string, signature: string): { id?: string } | undefined {
    const known = this.contents.ids?.[file];
    return known && known.signature === signature ? { id: known.id } : undefined;
  }

  rememberId(file: string, signature: string, id: string | undefined): void {
    (this.contents.ids ??= {})[file] = { signature, id };
    this.changed = true;
  }

  /** Writes the cache when something was added, dropping the entries of sources that are gone. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const present = await signatures([...Object.keys(this.contents.entries), ...Object.keys(this.contents.ids ?? {})]);
    const kept = Object.fromEntries(Object.entries(this.contents.entries).filter(([source]) => present[source] !== 'missing'));
    const ids = Object.fromEntries(Object.entries(this.contents.ids ?? {}).filter(([source]) => present[source] !== 'missing'));
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomically(this.file, new TextEncoder().encode(JSON.stringify({ version: cacheVersion, entries: kept, ids })));
    } catch {
      // A read-only checkout still gets its check, only not a faster next one.
    }
  }
}
