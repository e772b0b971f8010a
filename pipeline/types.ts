// The plain values that flow between the stages: source → transform → render → print.
// A stage takes one of these and returns the next; nothing here knows how a stage works.
import type { Element, Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import type { MarkedChange } from './change-marks.js';
import type { MarkingSystem } from './source/markings.js';
import type { Frontmatter } from './source/schema.js';

/** A Markdown file found on disk, before it is parsed. */
export interface SourceFile {
  /** Absolute path of the Markdown file. */
  path: string;
  /** The folder the user named (or the file's own folder); outputs mirror the tree under it. */
  root: string;
  /** Path relative to `root`, with forward slashes (`a/b.md`). */
  relative: string;
  bytes: Buffer;
}

/** A briefing whose frontmatter passed the schema and whose body is parsed. */
export interface Briefing {
  source: SourceFile;
  frontmatter: Frontmatter;
  /** Markdown body, padded with blank lines so positions are those of the whole file. */
  body: string;
  /** Carries the diagnostics (warnings so far) of this briefing. */
  file: VFile;
  /** Where a frontmatter key or value is written in the file, for positioned messages. */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): { line: number; column: number };
  /** The marking system the briefing was checked against (the config's; US by default). */
  markings?: MarkingSystem;
}

/** A local file the printed page may load, keyed by the virtual URL the HTML uses. */
export type AssetMap = Map<string, string>;

/** Body HTML and what the transform learnt about it. */
export interface TransformedBody {
  html: string;
  /**
   * The same body in two parts: all but its last paragraph, and that paragraph (with headings
   * right before it), which prints together with the end matter (closing-block.ts).
   */
  closingSplit?: { lead: string; closing: string };
  /** Images the body references, by virtual URL → absolute path on disk. */
  assets: AssetMap;
  headings: { depth: number; text: string }[];
  /** Footnotes, taken out of the body so a template can print them last (memos) or as endnotes. */
  notesHtml?: string;
  /**
   * The same body as a tree: the sanitised hast the HTML was written from (notes taken out), so
   * another output (Word) reads what the transform checked instead of parsing the HTML again.
   */
  tree?: HastRoot;
  /** The notes' `<section data-footnotes>` as a tree. */
  notesTree?: Element;
  /** What each element a link can lead to is, by id ("Note 1", "Figure 2"): link descriptions. */
  linkTargets?: Record<string, string>;
}

export type Paper = 'letter' | 'a4';

/** A complete HTML document, ready for the printer. */
export interface RenderedDocument {
  html: string;
  /** Single local files the page may load (images), by virtual URL. */
  assets: AssetMap;
  /** Stylesheets made by the render stage (the font faces), by virtual URL: served from memory. */
  stylesheets?: Record<string, string>;
  /** Folders the page may load from (fonts), by virtual URL prefix. */
  mounts: { prefix: string; folder: string; /** Serves image files only (the templates folder). */ images?: boolean }[];
  paper: Paper;
  lang: string;
  metadata: PdfMetadata;
  /** Every template, partial and stylesheet file the document was rendered from. */
  templateFiles: string[];
  /**
   * Print even when an image did not load (it would show as a broken-image icon). Only a test of
   * the lock-down alone sets it; the memos and books the tool renders never do.
   */
  allowUnloadedImages?: boolean;
  /** Texts of the document's headings, to repair the PDF outline (see postprocess.ts). */
  headingTexts: string[];
  /** Page 1's header lines a screen reader hears once (the banner, DRAFT; see print/pdfua). */
  pageOneLines?: string[];
  /** What each internal link leads to, by target id ("Note 1"): the links' PDF descriptions. */
  linkTargets?: Record<string, string>;
  /** A redline's insertions and deletions, numbered as their elements' languages say (change-marks.ts). */
  changes?: MarkedChange[];
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** Creation and modification time written into the PDF (reproducible, never "now"). */
  date: Date;
  /** Provenance: free-form key → value pairs written into the document information dictionary. */
  provenance: Record<string, string>;
}

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
}
