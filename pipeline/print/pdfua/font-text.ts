// The text a font's codes stand for, from its ToUnicode CMap (ISO 32000-1, 9.10.3). Chromium
// embeds every font as a Type0 font with two-byte codes and a ToUnicode map, so the post-pass
// can read what a link or a banner says from the page content itself.
import { PDFDict, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { readOperations } from './content-lexer.js';
import { streamBytes } from './streams.js';

export interface FontText {
  /** Bytes per character code: 2 for Type0 (Identity-H), 1 for simple fonts. */
  codeLength: 1 | 2;
  decode(bytes: Uint8Array): string;
}

const utf16 = (bytes: Uint8Array) => {
  let text = '';
  for (let index = 0; index + 1 < bytes.length; index += 2) text += String.fromCharCode((bytes[index]! << 8) | bytes[index + 1]!);
  return text;
};

const codeOf = (bytes: Uint8Array) => bytes.reduce((value, byte) => value * 256 + byte, 0);

/** bfchar and bfrange entries of a ToUnicode CMap. */
export function parseToUnicode(cmap: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const operations = readOperations(cmap);
  for (const operation of operations) {
    const { operator, operands } = operation;
    if (operator === 'endbfchar') {
      for (let index = 0; index + 1 < operands.length; index += 2) {
        const source = operands[index];
        const target = operands[index + 1];
        if (source instanceof Uint8Array && target instanceof Uint8Array) map.set(codeOf(source), utf16(target));
      }
    } else if (operator === 'endbfrange') {
      for (let index = 0; index + 2 < operands.length; index += 3) {
        const low = operands[index];
        const high = operands[index + 1];
        const target = operands[index + 2];
        if (!(low instanceof Uint8Array) || !(high instanceof Uint8Array)) continue;
        const first = codeOf(low);
        const last = codeOf(high);
        if (last - first > 0xffff) continue;
        if (target instanceof Uint8Array) {
          const base = utf16(target);
          const head = base.slice(0, -1);
          const tail = base.charCodeAt(base.length - 1);
          for (let code = first; code <= last; code++) map.set(code, head + String.fromCharCode(tail + code - first));
        } else if (Array.isArray(target)) {
          target.forEach((item, offset) => {
            if (item instanceof Uint8Array && first + offset <= last) map.set(first + offset, utf16(item));
          });
        }
      }
    }
  }
  return map;
}

const cache = new WeakMap<PDFDict, FontText>();

/** How to read the codes of one font dictionary. */
export function fontText(pdf: PDFDocument, font: PDFDict): FontText {
  let known = cache.get(font);
  if (known) return known;
  const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString();
  const codeLength: 1 | 2 = subtype === '/Type0' ? 2 : 1;
  // Parsed on first use: most pages never need a font's text read back.
  let map: Map<number, string> | undefined | null = null;
  known = {
    codeLength,
    decode(bytes) {
      if (map === null) {
        const toUnicode = font.lookup(PDFName.of('ToUnicode'));
        map = toUnicode instanceof PDFRawStream ? parseToUnicode(streamBytes(pdf, toUnicode)) : undefined;
      }
      let text = '';
      for (let index = 0; index + codeLength <= bytes.length; index += codeLength) {
        const code = codeLength === 2 ? (bytes[index]! << 8) | bytes[index + 1]! : bytes[index]!;
        text += map?.get(code) ?? (codeLength === 1 ? String.fromCharCode(code) : '');
      }
      return text;
    },
  };
  cache.set(font, known);
  return known;
}

/** The fonts of a resource dictionary, by the name the content stream uses (`/F4`). */
export function fontsOf(pdf: PDFDocument, resources: PDFDict | undefined): Map<string, FontText> {
  const fonts = new Map<string, FontText>();
  const dict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [name, value] of dict?.entries() ?? []) {
    const font = pdf.context.lookup(value);
    if (font instanceof PDFDict) fonts.set(name.asString(), fontText(pdf, font));
  }
  return fonts;
}

/** The text a show-text operation draws (Tj, ', " take a string; TJ an array of strings and kerns). */
export function shownText(operands: unknown[], font: FontText | undefined): string {
  if (!font) return '';
  const parts: string[] = [];
  for (const operand of operands) {
    if (operand instanceof Uint8Array) parts.push(font.decode(operand));
    else if (Array.isArray(operand)) {
      for (const item of operand) {
        if (item instanceof Uint8Array) parts.push(font.decode(item));
        // A large negative kern inside TJ is a word space in many producers.
        else if (typeof item === 'number' && item < -200) parts.push(' ');
      }
    }
  }
  return parts.join('');
}
