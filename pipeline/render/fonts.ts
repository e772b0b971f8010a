// Fonts ship as npm packages (@fontsource), so a PDF looks the same on every machine and
// Japanese never falls back to empty boxes. The page loads them from a virtual origin that
// the printer maps onto exactly these package folders.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface FontPackage {
  /** npm package name. */
  name: string;
  /** Short name used in the virtual URL. */
  slug: string;
  /** Stylesheets of the package the documents link to (each a set of unicode-range faces). */
  stylesheets: string[];
}

/** Tinos is metric-compatible with Times New Roman; Noto Serif JP is a Mincho serif for Japanese. */
export const fontPackages: FontPackage[] = [
  { name: '@fontsource/tinos', slug: 'tinos', stylesheets: ['400.css', '700.css', '400-italic.css', '700-italic.css'] },
  { name: '@fontsource/noto-serif-jp', slug: 'noto-serif-jp', stylesheets: ['400.css', '700.css'] },
];

export function fontFolder(font: FontPackage): string {
  return path.dirname(require.resolve(`${font.name}/package.json`));
}

export interface Mount {
  /** URL prefix, ending in a slash. */
  prefix: string;
  /** Folder on disk that serves it. */
  folder: string;
}

export function fontMounts(origin: string): Mount[] {
  return fontPackages.map((font) => ({ prefix: `${origin}/fonts/${font.slug}/`, folder: fontFolder(font) }));
}

export function fontStylesheetUrls(origin: string): string[] {
  return fontPackages.flatMap((font) => font.stylesheets.map((sheet) => `${origin}/fonts/${font.slug}/${sheet}`));
}

/** The versions of the font packages: part of every PDF's cache key. */
export function fontVersions(): Record<string, string> {
  return Object.fromEntries(fontPackages.map((font) => [font.name, (require(`${font.name}/package.json`) as { version: string }).version]));
}
