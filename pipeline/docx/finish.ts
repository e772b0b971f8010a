// The .docx post-pass, as the PDF has one: the same memo gives the same bytes. The docx package
// stamps the package's parts and its created/modified properties with the time of the build and
// names hyperlink relationships with random ids; here the dates become the memo's reproducible
// date (SOURCE_DATE_EPOCH, the last commit, or the memo's date) and the ids count up in order.
// It also gives each bookmark an id of its own: docx 9.7 numbers every bookmark 1, and
// LibreOffice then loses cross-references to all but one of them.
import JSZip from 'jszip';

export interface FinishOptions {
  date: Date;
}

const isXml = (name: string) => /\.(xml|rels)$/.test(name);

export async function finishDocx(packed: Uint8Array, options: FinishOptions): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(packed);
  const names = Object.keys(zip.files)
    .filter((name) => !zip.files[name]!.dir)
    .sort();
  const texts = new Map<string, string>();
  for (const name of names) if (isXml(name)) texts.set(name, await zip.file(name)!.async('string'));

  // Relationship ids that are not rIdN were made up at random: number them in order of appearance.
  const randomIds = new Map<string, string>();
  for (const name of names.filter((name) => name.endsWith('.rels'))) {
    for (const match of texts.get(name)!.matchAll(/\sId="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !randomIds.has(id)) randomIds.set(id, `rIdLink${randomIds.size + 1}`);
    }
  }
  const stamp = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out = new JSZip();
  for (const name of names) {
    let content: string | Uint8Array;
    if (isXml(name)) {
      let text = texts.get(name)!;
      for (const [random, counted] of randomIds) text = text.split(`"${random}"`).join(`"${counted}"`);
      if (name === 'word/document.xml') text = numberBookmarks(text);
      if (name === 'docProps/core.xml') text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`);
      content = text;
    } else {
      content = await zip.file(name)!.async('uint8array');
    }
    // Small parts (relationships, properties) are stored: deflating each costs more than it saves.
    const size = typeof content === 'string' ? content.length : content.byteLength;
    out.file(name, content, { date: options.date, createFolders: false, compression: size < 2048 ? 'STORE' : 'DEFLATE' });
  }
  // In name order, which puts [Content_Types].xml first, as Office writes it.
  return out.generateAsync({ type: 'uint8array', compressionOptions: { level: 6 } });
}

/** Bookmarks here never nest or overlap: each start is closed by the next end. */
function numberBookmarks(xml: string): string {
  let count = 0;
  return xml.replace(/<w:bookmark(Start|End)\b([^>]*?)w:id="\d+"/g, (_match, kind: string, attributes: string) => {
    if (kind === 'Start') count += 1;
    return `<w:bookmark${kind}${attributes}w:id="${count}"`;
  });
}
