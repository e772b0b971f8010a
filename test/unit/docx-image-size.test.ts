// The .docx needs each image's pixel size; it is read from the file's header for the three
// formats Word embeds as they are, and anything else is not taken for an image.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../pipeline/docx/image-size.js';
import { projectRoot } from '../support/cli.js';

describe('imageSize', () => {
  it('reads a PNG from its IHDR chunk', () => {
    const png = readFileSync(path.join(projectRoot, 'test/fixtures/content-model/ranges.png'));
    expect(imageSize(png)).toEqual({ type: 'png', width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
  });

  it('reads a GIF from its logical screen', () => {
    const gif = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x40, 0x01, 0xc8, 0x00, 0, 0, 0]);
    expect(imageSize(gif)).toEqual({ type: 'gif', width: 320, height: 200 });
  });

  it('reads a JPEG from its frame header, past the segments before it', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x10, ...Array.from({ length: 14 }, () => 0)];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03];
    const jpeg = Buffer.from([0xff, 0xd8, ...app0, ...sof0, ...Array.from({ length: 12 }, () => 0)]);
    expect(imageSize(jpeg)).toEqual({ type: 'jpg', width: 640, height: 480 });
  });

  it('takes an SVG, a WebP or text for no image it can embed', () => {
    expect(imageSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toBeUndefined();
    expect(imageSize(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBeUndefined();
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00]))).toBeUndefined();
  });
});
