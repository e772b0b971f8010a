// An output whose source was deleted from a folder this run scanned is removed, and said so.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { briefingFile } from '../source/diagnostics.js';
import type { FoundBriefing } from '../source/discover.js';
import type { BriefingOutcome } from './build-run.js';
import type { ManifestEntry } from './manifest.js';

export async function removeStaleOutputs(
  outputs: Record<string, ManifestEntry>,
  found: FoundBriefing[],
  run: { paths: string[]; outDir: string; cwd: string },
  finish: (outcome: BriefingOutcome) => void,
): Promise<void> {
  const scannedRoots = new Set<string>();
  for (const given of run.paths) {
    const absolute = path.resolve(run.cwd, given);
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
    const output = path.join(run.outDir, outputKey);
    await rm(output, { force: true });
    delete outputs[outputKey];
    finish({ source: sourcePath, output, status: 'removed', file: briefingFile(sourcePath, run.cwd), durationMs: 0, id: entry.id });
  }
}
