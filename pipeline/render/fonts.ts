// Fonts ship as npm packages (@fontsource), so a PDF looks the same on every machine and
// Japanese never falls back to empty boxes. The page loads them from a virtual origin that
// the printer maps onto exactly these package folders.
import { readFileSync } from 'node:fs';
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

/** Combining diacritical marks, U+0300–U+036F. */
const combiningMarks = { from: 0x300, to: 0x36f };
const basicLatinLetter = 0x61; // a

/**
 * Why a face's range is changed (a review saw "Tōgō" printed with each macron over the gap
 * before the next letter): every @fontsource package splits a font into unicode-range subsets,
 * and the `latin` subset claims the combining marks U+0304, U+0308, U+0329 but not the accented
 * letters (ō is U+014D, in `latin-ext`). Chromium's shaper (HarfBuzz) only sees the characters
 * a face's range claims, so it shapes ō with the `latin` face as o + U+0304, which that face
 * does have, and never asks `latin-ext` for its designed ō. These subsets carry no mark-to-base
 * anchors (their GPOS has no `mark` feature, Tinos's and Noto Serif JP's alike), so the
 * zero-width macron is drawn centred on the pen position after the o: over the gap before the
 * next letter. Normalising the text to NFC does not help, since ō is decomposed again here.
 * A face that holds the base letters therefore claims no combining marks: ō falls to
 * `latin-ext`, which draws it as one glyph, and a decomposed o + U+0304 is composed there too.
 */
export function withoutCombiningMarks(unicodeRange: string): string {
  const ranges = unicodeRange.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return { from: parseInt(from!, 16), to: parseInt(to ?? from!, 16) };
  });
  if (!ranges.some((range) => range.from <= basicLatinLetter && basicLatinLetter <= range.to)) return unicodeRange;
  const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
  return ranges
    .flatMap((range) => [
      { from: range.from, to: Math.min(range.to, combiningMarks.from - 1) },
      { from: Math.max(range.from, combiningMarks.to + 1), to: range.to },
    ])
    .filter((range) => range.from <= range.to)
    .map((range) => (range.from === range.to ? `U+${hex(range.from)}` : `U+${hex(range.from)}-${hex(range.to)}`))
    .join(',');
}

const fontFaceCache = new Map<string, string>();

/**
 * Where the page loads the font faces from: one stylesheet served from memory by the print
 * lock-down (RenderedDocument.stylesheets). Linked, not inlined: its 250 KB of @font-face rules
 * are then sent to a page once and kept in Chromium's memory cache, instead of being encoded
 * and parsed again with every memo's HTML.
 */
export const fontFacesUrl = (origin: string) => `${origin}/fonts/font-faces.css`;

/** The font faces' stylesheet, by the URL the document links it under. */
export const fontFaceStylesheets = (origin: string): Record<string, string> => ({ [fontFacesUrl(origin)]: fontFaceCss(origin) });

/**
 * The @font-face rules of the font packages, for the stylesheet at fontFacesUrl: the packages'
 * stylesheets with their files on the virtual origin and the ranges of withoutCombiningMarks.
 */
export function fontFaceCss(origin: string): string {
  let css = fontFaceCache.get(origin);
  if (css === undefined) {
    css = fontPackages
      .flatMap((font) =>
        font.stylesheets.map((sheet) =>
          readFileSync(path.join(fontFolder(font), sheet), 'utf8')
            .replace(/url\(\.\//g, `url(${origin}/fonts/${font.slug}/`)
            .replace(/unicode-range:([^;]+);/g, (_, range: string) => `unicode-range: ${withoutCombiningMarks(range)};`),
        ),
      )
      .join('\n');
    fontFaceCache.set(origin, css);
  }
  return css;
}

/** The versions of the font packages: part of every PDF's cache key. */
export function fontVersions(): Record<string, string> {
  return Object.fromEntries(fontPackages.map((font) => [font.name, (require(`${font.name}/package.json`) as { version: string }).version]));
}
