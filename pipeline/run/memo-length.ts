// The memo-length rule (lint/rules/memo-length.ts) applied to a page count: the one `build`
// just printed, or the one the last build recorded (what `check` has, since it prints nothing).
// Its severity and `max` come from briefing.config.yml like every rule's; `off` turns it off.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { LintConfig } from '../source/config.js';
import { reportError, reportWarning } from '../source/diagnostics.js';
import type { Frontmatter } from '../source/schema.js';
import type { SourceFile } from '../types.js';
import { readManifest, sha256 } from './manifest.js';

export const memoLengthRuleId = 'memo-length';

export interface MemoLengthRule {
  severity: 'warning' | 'error';
  max: number;
}

/** The rule as the config sets it; undefined when it is off. */
export function memoLengthRule(lint: LintConfig | undefined): MemoLengthRule | undefined {
  const setting = lint?.rules[memoLengthRuleId];
  const level = Array.isArray(setting) ? setting[0] : setting;
  const options: Record<string, unknown> = Array.isArray(setting) ? setting[1] : {};
  if (level === 'off') return undefined;
  const max = typeof options.max === 'number' && options.max >= 1 ? Math.floor(options.max) : 2;
  return { severity: level ?? 'warning', max };
}

const memoNames: Partial<Record<Frontmatter['type'], string>> = { 'info-memo': 'information memo', 'action-memo': 'action memo' };

/** What the rule says of a memo of this type and length, if anything. */
export function memoLengthProblem(type: Frontmatter['type'], pages: number, rule: MemoLengthRule, when = ''): string | undefined {
  const name = memoNames[type];
  if (!name || pages <= rule.max) return undefined;
  return `the ${name} runs to ${pages} pages${when}; a memo to a principal is held to ${rule.max} by custom, tabs not counted: cut it, or move detail into a tab`;
}

/** Reports the problem at the memo's `type:` line; true when it is an error (the memo fails). */
export function reportMemoLength(file: VFile, place: { line: number; column: number } | undefined, type: Frontmatter['type'], pages: number, rule: MemoLengthRule | undefined, when = ''): boolean {
  const problem = rule && memoLengthProblem(type, pages, rule, when);
  if (!problem) return false;
  (rule.severity === 'error' ? reportError : reportWarning)(file, problem, place, memoLengthRuleId);
  return rule.severity === 'error';
}

/**
 * `check` prints nothing, so it judges the page count the last build into `outDir` recorded in
 * its manifest, for each source whose bytes are the ones that were built.
 */
export async function reportRecordedLengths(sources: readonly SourceFile[], files: readonly VFile[], outDir: string, shownOutDir: string, lint: LintConfig | undefined): Promise<void> {
  const rule = memoLengthRule(lint);
  if (!rule) return;
  const manifest = await readManifest(outDir);
  const entries = new Map(Object.values(manifest.outputs).map((entry) => [path.join(entry.root, entry.source), entry]));
  sources.forEach((source, index) => {
    const entry = entries.get(source.path);
    const file = files[index];
    if (!entry?.type || !file || entry.sourceHash !== sha256(source.bytes)) return;
    reportMemoLength(file, typeLine(source.bytes), entry.type as Frontmatter['type'], entry.pages, rule, ` as last built into ${shownOutDir}`);
  });
}

/** Where the frontmatter's `type:` key is written. */
function typeLine(bytes: Uint8Array): { line: number; column: number } | undefined {
  const lines = Buffer.from(bytes).toString('utf8').split(/\r?\n/, 200);
  const index = lines.findIndex((line, at) => at > 0 && /^type\s*:/.test(line));
  return index > 0 ? { line: index + 1, column: 1 } : undefined;
}
