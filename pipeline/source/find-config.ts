// Where a run's briefing.config.yml is: in the working folder or the nearest folder above it,
// as git finds .git. The walk stops at the repository's root (a folder with .git) or the
// filesystem's root, so a config outside the project is never picked up by accident.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { configFileName } from './config-error.js';

export function findConfigFile(cwd: string): string | undefined {
  let folder = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(folder, configFileName);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder || existsSync(path.join(folder, '.git'))) return undefined;
    folder = parent;
  }
}
