// Shared by the content-model unit tests: write a briefing, run the source and transform stages
// on it, and read the messages back as `line:column rule` so a test names exact places.
import path from 'node:path';
import { expect } from 'vitest';
import { formatDiagnostics } from '../../pipeline/source/diagnostics.js';
import { loadBriefing, readSource } from '../../pipeline/source/load.js';
import type { MarkingSystem } from '../../pipeline/source/markings.js';
import { transformBody, type TransformOptions } from '../../pipeline/transform/processor.js';
import { writeTree } from '../support/fixtures.js';

/** Frontmatter lines (without the --- fences) and a body, joined into a briefing. */
export function briefingText(frontmatter: string[], body: string[]): string {
  return ['---', ...frontmatter, '---', '', ...body, ''].join('\n');
}

export const infoMemoFrontmatter = (options: { title?: string; level?: string; extra?: string[] } = {}) => [
  'type: info-memo',
  'id: CM-001',
  `title: "${options.title ?? '(U) Portion-marked test memo'}"`,
  'date: 2024-07-29',
  'to: [Secretary]',
  'from: { name: "A. Analyst", office: "Office of Japanese Affairs" }',
  'marking:',
  `  level: ${options.level ?? 'UNCLASSIFIED'}`,
  ...(options.extra ?? []),
];

/** 1-based line and column of the n-th (0-based) occurrence of `needle` in `text`. */
export function placeOf(text: string, needle: string, occurrence = 0): string {
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture has no ${needle}`);
  }
  const before = text.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

export interface Checked {
  /** `line:column rule` of every message, errors and warnings. */
  places: string[];
  errors: string[];
  warnings: string[];
  report: string;
  html: string;
  notesHtml?: string;
  loadedOk: boolean;
}

export async function check(text: string, options: { files?: Record<string, string | Uint8Array>; markings?: MarkingSystem; transform?: TransformOptions } = {}): Promise<Checked> {
  const folder = writeTree({ 'memo.md': text, ...options.files });
  const loaded = loadBriefing(await readSource({ path: path.join(folder, 'memo.md'), root: folder, relative: 'memo.md' }), folder, options.markings);
  const body = loaded.briefing ? transformBody(loaded.briefing, undefined, 'html', options.transform) : undefined;
  const messages = loaded.file.messages;
  const describe = (message: (typeof messages)[number]) => `${message.line}:${message.column} ${message.ruleId}`;
  return {
    places: messages.map(describe),
    errors: messages.filter((message) => message.fatal === true).map(describe),
    warnings: messages.filter((message) => message.fatal === false).map(describe),
    report: formatDiagnostics([loaded.file]),
    html: body?.html ?? '',
    notesHtml: body?.notesHtml,
    loadedOk: loaded.briefing !== undefined,
  };
}

export function expectClean(checked: Checked): void {
  expect(checked.report).toBe('');
}
