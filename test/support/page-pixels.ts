// A printed page as grey pixels (pdftoppm, PGM), to check what is drawn where a word is: a line
// under it, a line through it, a bar in the margin beside its line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface GreyPage {
  width: number;
  height: number;
  dpi: number;
  /** 0 (black) to 255 (white). */
  at(x: number, y: number): number;
}

export function renderGrey(pdf: string, page: number, dpi = 100): GreyPage {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'briefing-pixels-'));
  const stem = path.join(folder, 'page');
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
  const bytes = readFileSync(`${stem}.pgm`);
  // P5 header: magic, width, height, maximum, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = bytes.subarray(header[0].length);
  return { width, height, dpi, at: (x, y) => data[Math.round(y) * width + Math.round(x)] ?? 255 };
}

/** The share of dark pixels along a row, between two x positions (pixels). */
export function darkShare(page: GreyPage, y: number, from: number, to: number, threshold = 170): number {
  let dark = 0;
  let all = 0;
  for (let x = Math.ceil(from); x <= Math.floor(to); x++, all++) if (page.at(x, y) < threshold) dark++;
  return all === 0 ? 0 : dark / all;
}
