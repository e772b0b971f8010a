// Images go into the .docx only when the transform checked and allowed them: a local file inside
// the content folder, listed in the body's assets under the virtual URL the HTML uses. Anything
// else (a remote address, a path outside the folder) has no entry there and is never read.
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { ImageRun, TextRun, type ParagraphChild } from 'docx';
import { reportWarning } from '../source/diagnostics.js';
import type { WordContext } from './context.js';
import { imageSize } from './image-size.js';

/** The PDF's 4.5 in height limit for a figure, at Word's 96 px an inch; the width is the page's text width. */
const maxHeight = 432;

export function wordImage(image: Element, context: WordContext, textWidthPx: number): ParagraphChild[] {
  const src = String(image.properties?.src ?? '');
  const alt = String(image.properties?.alt ?? '');
  const file = context.assets.get(src);
  const place = image.position?.start;
  if (!file) return alt ? [new TextRun({ text: `[${alt}]` })] : [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return alt ? [new TextRun({ text: `[${alt}]` })] : [];
  }
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) {
    // SVG and WebP print in the PDF; Word embeds neither without a raster copy.
    reportWarning(context.file, `the image "${src.split('/').pop() ?? src}" is not PNG, JPEG or GIF, so the .docx shows its description instead; save a PNG copy to embed it in Word`, place, 'docx-image');
    return alt ? [new TextRun({ text: `[${alt}]` })] : [];
  }
  const scale = Math.min(1, textWidthPx / size.width, maxHeight / size.height);
  return [
    new ImageRun({
      type: size.type,
      data: bytes,
      transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
      altText: { name: alt || 'image', description: alt, title: String(image.properties?.title ?? alt) },
    }),
  ];
}
