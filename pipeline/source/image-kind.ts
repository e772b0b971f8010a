// What kind of image a file really is, from its first bytes (not its name): a file called
// seal.png that holds something else would print as a broken-image icon.
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

export function imageKind(bytes: Uint8Array): ImageKind | undefined {
  const head = Buffer.from(bytes.subarray(0, 512));
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  // SVG is text: an XML declaration, comments or a doctype may come before the <svg element.
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head.toString('utf8').replace(/^\uFEFF/, ''))) return 'svg';
  return undefined;
}
