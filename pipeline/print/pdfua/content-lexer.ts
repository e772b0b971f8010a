// A PDF content stream read as operations (ISO 32000-1, 7.8.2): each operator with its operands
// and the byte range they take, so a pass can insert marked-content operators between them
// without rewriting the rest. Only what a page of Chromium (or pdf-lib) writes needs to be
// understood, but the lexer follows the grammar: strings with escapes and nesting, hex strings,
// arrays, dictionaries, comments and inline images.

export type Operand = number | string | Uint8Array | Operand[] | OperandDict | boolean | null;
/** A dictionary operand (e.g. the properties of BDC); names are keys without the slash. */
export interface OperandDict {
  dict: Map<string, Operand>;
}
/** A name operand: a string with the slash. */
export const isName = (operand: Operand | undefined): operand is string => typeof operand === 'string' && operand.startsWith('/');

export interface Operation {
  operator: string;
  operands: Operand[];
  /** Offset where the operation's first operand (or the operator) starts. */
  start: number;
  /** Offset just after the operator. */
  end: number;
}

const WHITE = new Uint8Array(256);
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[code] = 1;
const DELIMITER = new Uint8Array(256);
for (const character of '()<>[]{}/%') DELIMITER[character.charCodeAt(0)] = 1;
const isRegular = (code: number) => WHITE[code] === 0 && DELIMITER[code] === 0;

class Lexer {
  position = 0;
  constructor(readonly bytes: Uint8Array) {}

  skipSpace(): void {
    const { bytes } = this;
    while (this.position < bytes.length) {
      const code = bytes[this.position]!;
      if (WHITE[code]) this.position++;
      else if (code === 0x25 /* % */) {
        while (this.position < bytes.length && bytes[this.position] !== 0x0a && bytes[this.position] !== 0x0d) this.position++;
      } else break;
    }
  }

  /** The next object, or an operator word as `{ operator }`; undefined at the end. */
  next(): Operand | { operator: string } | undefined {
    this.skipSpace();
    const { bytes } = this;
    if (this.position >= bytes.length) return undefined;
    const code = bytes[this.position]!;
    if (code === 0x28 /* ( */) return this.literalString();
    if (code === 0x3c /* < */) {
      if (bytes[this.position + 1] === 0x3c) return this.dictionary();
      return this.hexString();
    }
    if (code === 0x5b /* [ */) {
      this.position++;
      const items: Operand[] = [];
      for (;;) {
        this.skipSpace();
        if (this.position >= bytes.length) return items;
        if (bytes[this.position] === 0x5d /* ] */) {
          this.position++;
          return items;
        }
        const item = this.next();
        if (item === undefined) return items;
        if (typeof item === 'object' && item !== null && 'operator' in item) continue; // stray word inside an array
        items.push(item);
      }
    }
    if (code === 0x2f /* / */) {
      const start = this.position++;
      while (this.position < bytes.length && isRegular(bytes[this.position]!)) this.position++;
      return decodeName(bytes.subarray(start, this.position));
    }
    if (code === 0x5d || code === 0x3e || code === 0x7b || code === 0x7d || code === 0x29) {
      // A stray delimiter: skip it rather than loop.
      this.position++;
      return this.next();
    }
    const start = this.position;
    while (this.position < bytes.length && isRegular(bytes[this.position]!)) this.position++;
    const word = latin1(bytes, start, this.position);
    // Most tokens of a page are numbers: try that first, without a regular expression.
    if ((code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2b || code === 0x2e) {
      const value = Number(word);
      if (!Number.isNaN(value)) return value;
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return { operator: word };
  }

  literalString(): Uint8Array {
    const { bytes } = this;
    const out: number[] = [];
    let depth = 0;
    this.position++;
    while (this.position < bytes.length) {
      const code = bytes[this.position++]!;
      if (code === 0x5c /* \ */) {
        const escaped = bytes[this.position++]!;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
        if (escaped in simple) out.push(simple[escaped]!);
        else if (escaped >= 0x30 && escaped <= 0x37) {
          let value = escaped - 0x30;
          for (let digits = 1; digits < 3 && bytes[this.position]! >= 0x30 && bytes[this.position]! <= 0x37; digits++) value = value * 8 + (bytes[this.position++]! - 0x30);
          out.push(value & 0xff);
        } else if (escaped === 0x0d) {
          if (bytes[this.position] === 0x0a) this.position++;
        } else if (escaped !== 0x0a) out.push(escaped);
      } else if (code === 0x28) {
        depth++;
        out.push(code);
      } else if (code === 0x29) {
        if (depth === 0) break;
        depth--;
        out.push(code);
      } else out.push(code);
    }
    return Uint8Array.from(out);
  }

  hexString(): Uint8Array {
    const { bytes } = this;
    this.position++;
    const digits: number[] = [];
    while (this.position < bytes.length && bytes[this.position] !== 0x3e) {
      const value = hexValue(bytes[this.position++]!);
      if (value >= 0) digits.push(value);
    }
    this.position++;
    if (digits.length % 2) digits.push(0);
    const out = new Uint8Array(digits.length / 2);
    for (let index = 0; index < out.length; index++) out[index] = (digits[2 * index]! << 4) | digits[2 * index + 1]!;
    return out;
  }

  dictionary(): OperandDict {
    const { bytes } = this;
    this.position += 2;
    const dict = new Map<string, Operand>();
    for (;;) {
      this.skipSpace();
      if (this.position >= bytes.length) break;
      if (bytes[this.position] === 0x3e && bytes[this.position + 1] === 0x3e) {
        this.position += 2;
        break;
      }
      const key = this.next();
      if (key === undefined) break;
      if (typeof key !== 'string' || !key.startsWith('/')) continue;
      const value = this.next();
      if (value === undefined) break;
      dict.set(key.slice(1), typeof value === 'object' && value !== null && 'operator' in value ? null : value);
    }
    return { dict };
  }

  /** After `ID`: the inline image's data runs to whitespace + `EI` + whitespace (or the end). */
  skipInlineImageData(): void {
    const { bytes } = this;
    this.position++; // the single white-space character after ID
    while (this.position < bytes.length) {
      if (
        bytes[this.position] === 0x45 &&
        bytes[this.position + 1] === 0x49 &&
        WHITE[bytes[this.position - 1]!] &&
        (this.position + 2 >= bytes.length || WHITE[bytes[this.position + 2]!] || DELIMITER[bytes[this.position + 2]!])
      ) {
        return;
      }
      this.position++;
    }
  }
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let index = start; index < end; index++) text += String.fromCharCode(bytes[index]!);
  return text;
}

function decodeName(raw: Uint8Array): string {
  const text = latin1(raw, 0, raw.length);
  return text.includes('#') ? text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Every operation of a content stream, in order. */
export function readOperations(bytes: Uint8Array): Operation[] {
  const lexer = new Lexer(bytes);
  const operations: Operation[] = [];
  let operands: Operand[] = [];
  let start = -1;
  for (;;) {
    lexer.skipSpace();
    const before = lexer.position;
    const token = lexer.next();
    if (token === undefined) break;
    if (start < 0) start = before;
    if (typeof token === 'object' && token !== null && !Array.isArray(token) && !(token instanceof Uint8Array) && 'operator' in token) {
      if (token.operator === 'ID') {
        lexer.skipInlineImageData();
        continue; // the operation ends with EI
      }
      operations.push({ operator: token.operator, operands, start, end: lexer.position });
      operands = [];
      start = -1;
    } else {
      operands.push(token as Operand);
    }
  }
  return operations;
}
