// Which briefings a run builds: a stable shard of them (`--shard I/N`, for a CI matrix), and
// only those changed since a git ref (`--changed-since`), unless a template or the config
// changed, which touches every briefing.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { toolRoot } from '../project.js';
import { configFileName } from '../source/config.js';
import { isMarkdownFile, type FoundBriefing } from '../source/discover.js';
import { changedSince } from './git-state.js';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | { error: string } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) return { error: `--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/4; got "${text}"` };
  return { index, count };
}

/** A briefing's shard depends only on its path under its root, so every runner agrees. */
export function shardOf(briefing: FoundBriefing, count: number): number {
  const digest = createHash('sha256').update(briefing.relative).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(briefing: FoundBriefing, shard: Shard | undefined): boolean {
  return !shard || shardOf(briefing, shard.count) === shard.index;
}

/** Does a change to `file` affect every briefing (templates, config, the tool itself)? */
export function touchesEverything(file: string, toolFiles: { templates: string; config: string; tool: string }): boolean {
  const inside = (folder: string) => {
    const relative = path.relative(folder, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  return inside(toolFiles.templates) || file === toolFiles.config || file === path.join(toolFiles.tool, 'package.json') || file === path.join(toolFiles.tool, 'package-lock.json') || inside(path.join(toolFiles.tool, 'pipeline'));
}

/**
 * The briefings of a run: those of its shard, and of those only the ones changed since
 * `changedSince` (every one under a content root where a template, the config, the tool or a
 * file other than a briefing changed; the config is the file the run read, found by walking up or named). An unknown git ref is an error, not an empty run.
 */
export async function selectBriefings(
  found: FoundBriefing[],
  selection: { shard?: Shard; changedSince?: string; templatesFolder: string; cwd: string; configFile?: string },
): Promise<FoundBriefing[] | { error: string }> {
  const sharded = found.filter((briefing) => inShard(briefing, selection.shard));
  if (!selection.changedSince || sharded.length === 0) return sharded;
  const byTop = new Map<string, Set<string>>();
  const everythingIn = new Set<string>();
  const toolFiles = { templates: selection.templatesFolder, config: selection.configFile ?? path.resolve(selection.cwd, configFileName), tool: toolRoot };
  for (const root of new Set(sharded.map((briefing) => briefing.root))) {
    const changes = await changedSince(root, selection.changedSince);
    if ('error' in changes) return changes;
    byTop.set(root, changes.files);
    const rootWide = [...changes.files].some(
      (file) => touchesEverything(file, toolFiles) || (!isMarkdownFile(file) && !path.relative(root, file).startsWith('..')),
    );
    if (rootWide) everythingIn.add(root);
  }
  return sharded.filter((briefing) => everythingIn.has(briefing.root) || byTop.get(briefing.root)?.has(briefing.path));
}
