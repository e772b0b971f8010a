// The render stage: a validated briefing and its body HTML → one complete HTML document, with
// the list of local files the page may load and the PDF metadata to write afterwards.
import path from 'node:path';
import { defaultHouse } from '../source/house-names.js';
import type { Letterhead } from '../source/letterhead.js';
import type { Frontmatter } from '../source/schema.js';
import type { AssetMap, Briefing, PdfMetadata, RenderedDocument, TransformedBody } from '../types.js';
import { fontFaceStylesheets, fontFacesUrl, fontMounts } from './fonts.js';
import type { TemplateSet } from './templates.js';
import { memoView, type LetterheadView, type MemoView, type ViewOptions } from './view.js';

export interface RenderOptions extends Omit<ViewOptions, 'house' | 'letterhead'> {
  templates: TemplateSet;
  /** The config's house style, for a memo that names none (default: state). */
  style?: string;
  letterhead?: Letterhead;
  /** Virtual origin the page loads local files from. */
  origin: string;
  /** Reproducible creation date of the PDF. */
  date: Date;
  provenance?: Record<string, string>;
}

/** Nothing but our own origin, no script at all: the page is a document, not an application. */
export const contentSecurityPolicy = (origin: string) =>
  `default-src 'none'; script-src 'none'; style-src 'unsafe-inline' ${origin}; font-src ${origin}; img-src ${origin}; base-uri 'none'; form-action 'none'`;

/**
 * The letterhead as the page shows it: its seal served at a URL of its own (added to `assets`,
 * the exact files the page may load).
 */
export function letterheadView(letterhead: Letterhead | undefined, origin: string, assets: AssetMap): LetterheadView | undefined {
  if (!letterhead) return undefined;
  let seal: string | undefined;
  if (letterhead.seal) {
    seal = `${origin}/letterhead/${encodeURIComponent(path.basename(letterhead.seal))}`;
    assets.set(seal, letterhead.seal);
  }
  return { seal, office: letterhead.office, address: letterhead.address };
}

/**
 * Images a template names are files of the templates folder, loaded relative to the
 * document: `<img src="seal.png">` in templates/partials/x.hbs is templates/seal.png. The
 * print lock-down serves only image files from it, and a missing one fails the memo.
 */
export const templateImageMount = (origin: string, templatesFolder: string) => ({ prefix: `${origin}/document/`, folder: templatesFolder, images: true });

/**
 * The memo's view in its house style (the memo's `style:`, else the config's), with the files
 * the view names (the body's images and the letterhead's seal): what the HTML template and the
 * Word writer both receive, so the two outputs cannot drift apart.
 */
export function houseView(briefing: Briefing, body: TransformedBody, options: RenderOptions): { view: MemoView; houseName: string; assets: AssetMap } {
  const houseName = briefing.frontmatter.style ?? options.style ?? defaultHouse;
  const house = options.templates.house(houseName);
  const assets: AssetMap = new Map(body.assets);
  const letterhead = letterheadView(options.letterhead, options.origin, assets);
  return { view: memoView(briefing.frontmatter, body, { ...options, house, letterhead }), houseName, assets };
}

export function renderDocument(briefing: Briefing, body: TransformedBody, options: RenderOptions): RenderedDocument {
  const { frontmatter } = briefing;
  const { view, houseName, assets } = houseView(briefing, body, options);
  const html = options.templates.render(frontmatter.type, {
    ...view,
    contentSecurityPolicy: contentSecurityPolicy(options.origin),
    fontFacesUrl: fontFacesUrl(options.origin),
    stylesheet: options.templates.stylesheetFor([houseName]),
  }, houseName);
  return {
    html,
    assets,
    stylesheets: fontFaceStylesheets(options.origin),
    mounts: [...fontMounts(options.origin), templateImageMount(options.origin, options.templates.folder)],
    paper: view.paper,
    lang: view.lang,
    templateFiles: options.templates.filesFor(frontmatter.type, houseName),
    headingTexts: [frontmatter.title, ...body.headings.map((heading) => heading.text)],
    // The banner (and DRAFT or IN CLEARANCE) stay readable once, on page 1; on every other page they are artifacts.
    pageOneLines: [view.banner.text, ...(view.statusMark ? [view.statusMark] : [])],
    linkTargets: {
      ...body.linkTargets,
      // Each Sources entry has an id (partials/sources.hbs) that a link may name.
      ...Object.fromEntries(view.sources.map((source) => [source.anchor, `Source: ${[source.lead, source.title].filter(Boolean).join(' ')}`])),
    },
    metadata: documentMetadata(frontmatter, view, options),
  };
}

/** Title, author, subject, keywords and provenance: the same in the PDF and the .docx. */
export function documentMetadata(frontmatter: Frontmatter, view: MemoView, options: { date: Date; provenance?: Record<string, string> }): PdfMetadata {
  const tags = frontmatter.tags ?? {};
  const author =
    frontmatter.type === 'policy-brief'
      ? frontmatter.authors.map((person) => person.name).join(', ')
      : [frontmatter.from.name, frontmatter.from.office].filter(Boolean).join(', ');
  return {
    title: frontmatter.title,
    author,
    subject: frontmatter.bluf ?? `${view.memoKind}: ${frontmatter.title}`,
    keywords: [frontmatter.id, view.banner.text, ...(tags.regions ?? []), ...(tags.countries ?? []), ...(tags.topics ?? [])],
    lang: view.lang,
    date: options.date,
    provenance: { BriefingId: frontmatter.id, ...options.provenance },
  };
}
