// `briefing book`: every memo of a week in one tagged PDF with cover, contents, summary, the
// memos and an index.
//
// Why one document and two passes, not stitching separately printed memos with pdf-lib:
// stitching drops the tag tree (the book must stay accessible) and each memo's own PDF has
// "Page 1 of 3" baked in, while the book numbers its pages continuously. So the book is printed
// as one HTML document — each memo a section on its own named page, with its own banner and
// running header — once to learn where every part lands, and again with those page numbers in
// the contents and index (a third time only if the numbers moved anything). The cost: a memo
// printed or cached by `build` is printed again inside the book.
import path from 'node:path';
import type { VFile } from 'vfile';
import { finishDocument } from '../../print/postprocess.js';
import type { PageWatermark } from '../../print/watermark.js';
import type { PrintPool } from '../../print/pool.js';
import { toolVersion } from '../../project.js';
import { fontFaceStylesheets, fontFacesUrl, fontMounts } from '../../render/fonts.js';
import { contentSecurityPolicy, letterheadView, templateImageMount } from '../../render/render.js';
import { loadBookTemplates } from '../../render/templates.js';
import { bookPageNumbers } from '../../render/page-furniture.js';
import { memoView, type MemoView } from '../../render/view.js';
import type { BriefingConfig } from '../../source/config.js';
import { hasErrors, reportError } from '../../source/diagnostics.js';
import { glossaryFilesFor, loadGlossary, type TagLabels } from '../../source/glossary.js';
import { assetOrigin, transformBody } from '../../transform/processor.js';
import type { AssetMap, Briefing, RenderedDocument } from '../../types.js';
import { writeFileAtomically } from '../atomic-write.js';
import { checkSources } from '../check-sources.js';
import { bookView, type BookMemo, type PageMap } from './model.js';
import { compareForBook } from './order.js';
import { measurePages, samePages } from './pages.js';
import { selectBookMemos, type LeftOut, type UnreadableElsewhere } from './select-memos.js';
import type { DateRange } from './week.js';

export interface BookOptions {
  paths: string[];
  range: DateRange;
  outFile: string;
  config: BriefingConfig;
  cwd: string;
  startPool: () => Promise<PrintPool>;
  /** Bind drafts and memos in clearance too (each still marked as such on its pages). */
  includeDrafts?: boolean;
  /** SOURCE_DATE_EPOCH (seconds), for a reproducible build: the book's date; else its latest memo's. */
  sourceDateEpoch?: string;
}

/** What the run left aside: memos left out by status, and briefings with errors that are not the week's. */
export interface BookAside {
  leftOut: LeftOut[];
  elsewhere: UnreadableElsewhere[];
  /** Briefings that stop the book because their date cannot be read. */
  undated: VFile[];
}

export type BookResult = BookAside &
  (
    | { status: 'built'; output: string; memos: number; pages: number; files: VFile[]; missing: string[] }
    | { status: 'empty'; files: VFile[]; missing: string[] }
    | { status: 'failed'; files: VFile[]; missing: string[] }
  );

/** The statuses a book leaves out: drafts, and memos in clearance unless the config binds them. */
export function statusesLeftOut(config: Pick<BriefingConfig, 'bookIncludesInClearance'>, includeDrafts = false): Set<string> {
  if (includeDrafts) return new Set();
  return new Set(['draft', ...(config.bookIncludesInClearance ? [] : ['in-clearance'])]);
}

export async function makeBook(options: BookOptions): Promise<BookResult> {
  const { discovery, loaded } = await checkSources(options.paths, options.cwd, options.config.markings, options.config.houses);
  const missing = discovery.missing;
  // Which memos are the week's, which are left out, which stop the book (select-memos.ts).
  const selection = selectBookMemos(loaded, options.range, statusesLeftOut(options.config, options.includeDrafts));
  const aside: BookAside = { leftOut: selection.leftOut, elsewhere: selection.elsewhere, undated: selection.undated };
  const briefings = selection.bound.sort((a, b) => compareForBook(a.frontmatter, b.frontmatter));
  // Each memo's ids get its place in the book as a prefix, so its links land in it (memo-2-table-1).
  const idPrefix = (index: number) => `memo-${index + 1}-`;
  const bodies = briefings.map((briefing, index) => transformBody(briefing, undefined, 'html', { idPrefix: idPrefix(index) }));
  const troubled = [...selection.blocking, ...briefings.filter((briefing) => hasErrors(briefing.file)).map((briefing) => briefing.file)];
  const files = [...new Set([...troubled, ...briefings.map((briefing) => briefing.file)])];
  if (troubled.length > 0 || missing.length > 0) return { status: 'failed', files, missing, ...aside };
  if (briefings.length === 0) return { status: 'empty', files, missing, ...aside };

  const templates = loadBookTemplates(options.config.templatesFolder);
  const assets: AssetMap = new Map();
  const letterhead = letterheadView(options.config.letterhead, assetOrigin, assets);
  const houseOf = (briefing: Briefing) => briefing.frontmatter.style ?? options.config.style;
  const runningHeaders: MemoView['runningHeader'][] = [];
  const memos: BookMemo[] = briefings.map((briefing, index) => {
    const number = index + 1;
    for (const [url, file] of bodies[index]!.assets) assets.set(url.replace('/assets/', `/assets/memo-${number}-`), file);
    const ownAssets = (html: string) => html.replaceAll(`${assetOrigin}/assets/`, `${assetOrigin}/assets/memo-${number}-`);
    const { html, closingSplit } = bodies[index]!;
    const body = { ...bodies[index]!, html: ownAssets(html), closingSplit: closingSplit && { lead: ownAssets(closingSplit.lead), closing: ownAssets(closingSplit.closing) } };
    const house = templates.house(houseOf(briefing));
    // The book numbers its pages throughout, page 1 of each memo too.
    const own = memoView(briefing.frontmatter, body, { markings: options.config.markings, house, letterhead, numberFirstPage: true, idPrefix: idPrefix(index) });
    const view = { ...own, pageNumbers: bookPageNumbers, pageName: `memo-${number}`, number };
    runningHeaders.push(own.runningHeader);
    return { number, frontmatter: briefing.frontmatter, html: templates.render(briefing.frontmatter.type, view, house.name), view };
  });

  const lang = briefings[0]!.frontmatter.lang ?? 'en-US';
  const settings = { title: 'Weekly Policy Briefing', office: options.config.office, lang, paper: 'letter' as const, markings: options.config.markings, labels: tagLabelsOf(briefings, options.cwd) };
  const latest = briefings.map((briefing) => briefing.frontmatter.date).sort().at(-1)!;
  const epoch = options.sourceDateEpoch;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(`${latest}T00:00:00Z`);
  const document = (pages: PageMap | undefined): RenderedDocument => {
    const view = bookView(memos, options.range, pages, settings);
    return {
      html: templates.renderBook({ ...view, contentSecurityPolicy: contentSecurityPolicy(assetOrigin), fontFacesUrl: fontFacesUrl(assetOrigin), stylesheet: templates.stylesheetFor(briefings.map(houseOf)) }),
      assets,
      stylesheets: fontFaceStylesheets(assetOrigin),
      mounts: [...fontMounts(assetOrigin), templateImageMount(assetOrigin, templates.folder)],
      paper: settings.paper,
      lang,
      templateFiles: templates.bookFiles,
      headingTexts: ['Contents', 'Summary', 'Index', ...briefings.flatMap((briefing, index) => [briefing.frontmatter.title, ...bodies[index]!.headings.map((heading) => heading.text)])],
      // The cover leaves the overall marking to its banners: a screen reader hears it once, there.
      pageOneLines: [view.banner],
      // Each link says where it leads: a memo and its page, a back part, a memo's own notes.
      linkTargets: Object.assign(
        {},
        ...bodies.map((body) => body.linkTargets ?? {}),
        Object.fromEntries(view.contents.map((entry) => [entry.anchor, `${entry.title}, page ${entry.page}`])),
      ),
      metadata: {
        title: `${settings.title} ${options.range.label}`,
        author: options.config.office,
        subject: `${view.memoCount}, ${view.dateRange}`,
        keywords: [options.range.label, view.banner, ...briefings.map((briefing) => briefing.frontmatter.id)],
        lang,
        date,
        provenance: { BriefingTool: `briefing ${toolVersion}`, BriefingBook: options.range.label, BriefingIds: briefings.map((briefing) => briefing.frontmatter.id).join(' ') },
      },
    };
  };

  const pool = await options.startPool();
  try {
    let pages: PageMap | undefined;
    let printed: Uint8Array | undefined;
    let final: RenderedDocument | undefined;
    for (let pass = 1; pass <= 3; pass++) {
      final = document(pages);
      printed = await pool.print(final);
      const measured = await measurePages(printed, memos.length);
      if ('missing' in measured) {
        reportError(briefings[0]!.file, `the book could not find where ${measured.missing} starts in the printed pages; please report this`, undefined, 'book');
        return { status: 'failed', files, missing, ...aside };
      }
      if (pages && samePages(pages, measured)) break;
      pages = measured;
    }
    const pdf = await finishDocument(printed!, final!, {
      watermarks: draftWatermarks(memos, pages!),
      showOutline: true,
      // A memo's first page has its heading and date line, as in its own PDF: no running header.
      withoutRunningHeader: runningHeaders.map((header, index) => ({ page: pages!.memos[index]!, lines: [header.title, header.date] })),
    });
    await writeFileAtomically(options.outFile, pdf.bytes);
    return { status: 'built', output: options.outFile, memos: memos.length, pages: pdf.pages, files, missing, ...aside };
  } finally {
    await pool.close();
  }
}

/** The index names of tags, from the glossaries of the book's memos (the first memo that names a tag wins). */
function tagLabelsOf(briefings: Briefing[], cwd: string): TagLabels {
  const labels: TagLabels = { regions: new Map(), topics: new Map(), countries: new Map() };
  for (const briefing of briefings) {
    const glossary = loadGlossary(glossaryFilesFor(briefing.source.path, briefing.source.root, cwd), briefing.frontmatter.glossary);
    for (const kind of ['regions', 'topics', 'countries'] as const) for (const [code, label] of glossary.labels[kind]) if (!labels[kind].has(code)) labels[kind].set(code, label);
  }
  return labels;
}

/** Each draft memo's pages: from its first page to the page before the next part. */
function draftWatermarks(memos: BookMemo[], pages: PageMap): PageWatermark[] {
  return memos
    .filter((memo) => memo.frontmatter.status === 'draft')
    .map((memo) => {
      const first = pages.memos[memo.number - 1]!;
      const next = pages.memos[memo.number] ?? pages.index ?? first + 1;
      return { text: 'DRAFT', pages: Array.from({ length: Math.max(1, next - first) }, (_, offset) => first + offset) };
    });
}

export const defaultBookPath = (cwd: string, range: DateRange) => path.join(cwd, 'output', 'books', `${range.label}.pdf`);

