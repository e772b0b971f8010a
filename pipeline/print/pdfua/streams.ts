// Reading and replacing stream data. Chromium compresses every stream with Flate; Node's zlib
// inflates and deflates it several times faster than pdf-lib's own JavaScript decoder, which
// matters because the post-pass rewrites every page's content on every print.
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream, type PDFDocument } from 'pdf-lib';

const flate = PDFName.of('FlateDecode');

function filters(stream: PDFRawStream): PDFName[] {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter instanceof PDFName) return [filter];
  if (filter instanceof PDFArray) return filter.asArray().filter((item): item is PDFName => item instanceof PDFName);
  return [];
}

/** The decoded bytes of a stream. */
export function streamBytes(_pdf: PDFDocument, stream: PDFRawStream): Uint8Array {
  const applied = filters(stream);
  if (applied.length === 0) return stream.contents;
  if (applied.length === 1 && applied[0] === flate && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

/** Replaces the data of the stream behind `ref` with `bytes`, Flate-compressed. */
export function replaceStream(pdf: PDFDocument, ref: PDFRef, original: PDFRawStream, bytes: Uint8Array): void {
  const dict = original.dict.clone(pdf.context);
  dict.delete(PDFName.of('DecodeParms'));
  dict.delete(PDFName.of('DL'));
  const compressed = deflateSync(bytes);
  dict.set(PDFName.of('Filter'), flate);
  dict.set(PDFName.of('Length'), PDFNumber.of(compressed.length));
  pdf.context.assign(ref, PDFRawStream.of(dict, compressed));
}

/** A page's content streams with their references, in drawing order. */
export function contentStreams(pdf: PDFDocument, page: PDFDict): { ref: PDFRef; stream: PDFRawStream }[] {
  const contents = page.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const streams: { ref: PDFRef; stream: PDFRawStream }[] = [];
  for (const ref of refs) {
    const stream = pdf.context.lookup(ref);
    if (stream instanceof PDFRawStream && ref instanceof PDFRef) streams.push({ ref, stream });
  }
  return streams;
}
