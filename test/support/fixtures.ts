// Writes throw-away briefing folders for a test, outside the repository.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempFolder(prefix = 'briefing-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (relative path → content) under a new temporary folder and returns it. */
export function writeTree(files: Record<string, string | Uint8Array>, folder = tempFolder()): string {
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(folder, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return folder;
}

/** A small valid info memo; `overrides` replaces frontmatter lines by key, `body` the Markdown. */
export function memo(options: { id?: string; title?: string; date?: string; extra?: string; body?: string; level?: string } = {}): string {
  return `---
type: info-memo
id: ${options.id ?? 'TEST-001'}
title: "${options.title ?? 'Test memo on extended deterrence'}"
date: ${options.date ?? '2024-07-29'}
to: [Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking: { level: ${options.level ?? 'UNCLASSIFIED'} }
bluf: "The alliance is stronger."
${options.extra ?? ''}---

${options.body ?? '## Background\n\nThe ministers met in Tokyo.\n'}`;
}
