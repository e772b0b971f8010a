// The render stage: a validated briefing and its body HTML → one complete HTML document, with
// the list of local files the page may load and the PDF metadata to write afterwards.
import type { Briefing, RenderedDocument, TransformedBody } from '../types.js';
import { fontMounts, fontFaceCss } from './fonts.js';
import type { TemplateSet } from './templates.js';
import { memoView, type ViewOptions } from './view.js';

export interface RenderOptions extends ViewOptions {
  templates: TemplateSet;
  /** Virtual origin the page loads local files from. */
  origin: string;
  /** Reproducible creation date of the PDF. */
  date: Date;
  provenance?: Record<string, string>;
}

/** Nothing but our own origin, no script at all: the page is a document, not an application. */
export const contentSecurityPolicy = (origin: string) =>
  `default-src 'none'; script-src 'none'; style-src 'unsafe-inline' ${origin}; font-src ${origin}; img-src ${origin}; base-uri 'none'; form-action 'none'`;

export function renderDocument(briefing: Briefing, body: TransformedBody, options: RenderOptions): RenderedDocument {
  const { frontmatter } = briefing;
  const view = memoView(frontmatter, body, options);
  const html = options.templates.render(frontmatter.type, {
    ...view,
    contentSecurityPolicy: contentSecurityPolicy(options.origin),
    fontFaces: fontFaceCss(options.origin),
    stylesheet: options.templates.stylesheet,
  });
  const tags = frontmatter.tags ?? {};
  const author =
    frontmatter.type === 'policy-brief'
      ? frontmatter.authors.map((person) => person.name).join(', ')
      : [frontmatter.from.name, frontmatter.from.office].filter(Boolean).join(', ');
  return {
    html,
    assets: body.assets,
    mounts: fontMounts(options.origin),
    paper: view.paper,
    lang: view.lang,
    templateFiles: options.templates.filesFor(frontmatter.type),
    headingTexts: [frontmatter.title, ...body.headings.map((heading) => heading.text)],
    // The banner (and DRAFT or IN CLEARANCE) stay readable once, on page 1; on every other page they are artifacts.
    pageOneLines: [view.banner.text, ...(view.statusMark ? [view.statusMark] : [])],
    linkTargets: {
      ...body.linkTargets,
      // Each Sources entry has an id (partials/sources.hbs) that a link may name.
      ...Object.fromEntries(view.sources.map((source) => [source.anchor, `Source: ${[source.lead, source.title].filter(Boolean).join(' ')}`])),
    },
    metadata: {
      title: frontmatter.title,
      author,
      subject: frontmatter.bluf ?? `${view.memoKind}: ${frontmatter.title}`,
      keywords: [frontmatter.id, view.banner.text, ...(tags.regions ?? []), ...(tags.countries ?? []), ...(tags.topics ?? [])],
      lang: view.lang,
      date: options.date,
      provenance: { BriefingId: frontmatter.id, ...options.provenance },
    },
  };
}
