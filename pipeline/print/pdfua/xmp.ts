// The XMP metadata stream PDF/UA asks for (Matterhorn 06-001…06-003): the PDF/UA identifier
// (pdfuaid:part 1) and dc:title, with the rest of the document information repeated so that
// the two places agree. Written uncompressed, as metadata readers expect.
import { PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import type { PdfMetadata } from '../../types.js';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const alternative = (text: string, lang: string) =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li><rdf:li xml:lang="${escapeXml(lang)}">${escapeXml(text)}</rdf:li></rdf:Alt>`;

export interface XmpDetails {
  metadata: PdfMetadata;
  creator: string;
  producer: string;
}

export function xmpPacket({ metadata, creator, producer }: XmpDetails): string {
  const date = metadata.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const authors = metadata.author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(metadata.author)}</rdf:li></rdf:Seq></dc:creator>` : '';
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alternative(metadata.title, metadata.lang)}</dc:title>`,
    authors,
    `<dc:description>${alternative(metadata.subject, metadata.lang)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(metadata.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${escapeXml(metadata.keywords.join(', '))}</pdf:Keywords>`,
    `<pdf:Producer>${escapeXml(producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '<pdfuaid:part>1</pdfuaid:part>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function writeXmp(pdf: PDFDocument, details: XmpDetails): void {
  const bytes = new TextEncoder().encode(xmpPacket(details));
  const stream = PDFRawStream.of(pdf.context.obj({ Type: 'Metadata', Subtype: 'XML', Length: bytes.length }) as never, bytes);
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
}
