// An image that does not load prints as a broken-image icon, and Chromium still writes the PDF.
// A memo with one is not finished, so the print fails instead, with a message that names the
// file: the page's own images (read from the loaded document) and any image request the
// lock-down refused (a CSS background too) are both looked at.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RenderedDocument } from '../types.js';

export class UnloadedImageError extends Error {
  override name = 'UnloadedImageError';
  /** The diagnostic's rule id. */
  readonly rule = 'image-missing';
}

/** In the loaded page: every <img> that did not load, as written and as resolved. */
export const brokenImagesScript = `[...document.images].filter((image) => !image.complete || image.naturalWidth === 0).map((image) => ({ written: image.getAttribute('src') ?? '', url: image.currentSrc || image.src }))`;

export interface UnloadedImage {
  /** The src as the template wrote it (or the URL, for a refused request). */
  written: string;
  url: string;
}

/** One sentence per image: which file it is and why it did not load. */
export function unloadedImageMessage(images: UnloadedImage[], document: RenderedDocument): string {
  const seen = new Set<string>();
  const reasons: string[] = [];
  for (const image of images) {
    if (seen.has(image.url)) continue;
    seen.add(image.url);
    reasons.push(reason(image, document));
  }
  return reasons.join('; ');
}

function reason(image: UnloadedImage, document: RenderedDocument): string {
  const asset = document.assets.get(image.url);
  if (asset) return `the image ${asset} did not load: ${existsSync(asset) ? 'it is not a picture the browser can read (a damaged or mislabelled file?); save it again as PNG, JPEG or SVG' : 'the file is gone'}`;
  const bare = image.url.split(/[?#]/)[0] ?? image.url;
  for (const mount of document.mounts) {
    if (!mount.images || !bare.startsWith(mount.prefix)) continue;
    let relative = bare.slice(mount.prefix.length);
    try {
      relative = decodeURIComponent(relative);
    } catch {
      // keep it as written
    }
    const file = path.resolve(mount.folder, relative);
    const why = !existsSync(file)
      ? 'there is no such file'
      : !/\.(png|jpe?g|gif|webp|svg)$/i.test(file)
        ? 'only PNG, JPEG, GIF, WebP and SVG images are served from the templates folder'
        : 'it is not a picture the browser can read (a damaged or mislabelled file?)';
    return `a template names the image "${image.written || relative}", which did not load: ${why} (${file}); images a template names are files of the templates folder, named relative to it`;
  }
  return `a template names the image "${image.written || image.url}", which a memo may not load (nothing is fetched from the network or from outside the templates and content folders); save it in the templates folder and name it relative to it, e.g. <img src="images/seal.png">`;
}
