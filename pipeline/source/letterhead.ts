// The office's letterhead, from briefing.config.yml: a seal or logo (an image file inside the
// working folder), the office's name and its address lines. The image is checked here, once,
// so that a wrong path is a usage error naming the file, never a broken image on page 1.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../paths.js';
import { configFileName, ConfigError } from './config-error.js';
import { imageKind } from './image-kind.js';

export interface Letterhead {
  /** Absolute path of the seal or logo, when there is one. */
  seal?: string;
  office: string;
  address: string[];
}

export function readLetterhead(settings: { seal?: string; office?: string; address?: string[] }, office: string, cwd: string): Letterhead {
  const letterhead: Letterhead = { office: settings.office ?? office, address: settings.address ?? [] };
  if (settings.seal === undefined) return letterhead;
  const named = settings.seal;
  const problem = (what: string) => new ConfigError(`${configFileName}: letterhead.seal: ${named} ${what}`);
  const resolved = path.resolve(cwd, named);
  let real: string;
  try {
    real = realpathSync(resolved);
    if (!statSync(real).isFile()) throw new Error('not a file');
  } catch {
    throw problem(`does not exist (looked for ${resolved}); give the path of the image, relative to ${configFileName}`);
  }
  if (!isInside(real, realpathSync(cwd))) throw problem(`is outside this folder; copy the image into it (e.g. content/letterhead/) and name it from there`);
  const kind = imageKind(readFileSync(real));
  if (!kind) throw problem('is not an image this tool prints; use PNG, JPEG, GIF, WebP or SVG');
  return { ...letterhead, seal: real };
}
