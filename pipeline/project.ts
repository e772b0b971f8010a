// Where the tool itself is installed, the same whether it runs from TypeScript sources (tests)
// or from the compiled dist/ folder: the nearest folder above with the tool's package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findToolRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'briefing') return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('briefing: cannot find the tool\'s own package.json');
    folder = parent;
  }
}

export const toolRoot = findToolRoot();
export const toolVersion = (JSON.parse(readFileSync(path.join(toolRoot, 'package.json'), 'utf8')) as { version: string }).version;
export const defaultTemplatesFolder = path.join(toolRoot, 'templates');
