// Loads the briefing templates: one Handlebars template per memo type, the shared partials and
// the stylesheets, all from the templates/ folder. An isolated Handlebars environment keeps the
// library's defaults (prototype access stays disabled) and knows only our helpers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { defaultTemplatesFolder } from '../project.js';
import { scriptRuns } from '../script-languages.js';
import type { MemoType } from '../source/schema.js';
import { breakableUrlHtml } from '../transform/printed-urls.js';

export interface TemplateSet {
  folder: string;
  /** A memo as a whole document, or (in a book set) as one section of the book. */
  render(type: MemoType, view: object): string;
  /** Every file of the set a memo type depends on: its template, the partials, the stylesheets. */
  filesFor(type: MemoType): string[];
  stylesheet: string;
}

/** The templates of a weekly book: each memo type renders as a section, plus the book's pages. */
export interface BookTemplateSet extends TemplateSet {
  renderBook(view: object): string;
  bookFiles: string[];
}

/** A CSS string literal that cannot close its <style> element or its declaration. */
export function cssString(value: unknown): string {
  const text = String(value ?? '');
  const escaped = text.replace(/[\\"<>\n\r\f]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

/**
 * Frontmatter text (a title, a BLUF) escaped, with each passage in another language's script
 * tagged with its language, as the transform does for the body (rehype-script-languages.ts).
 */
export function withLanguages(value: unknown, documentLang: string, escape: (text: string) => string, nextId: () => string): string {
  const text = String(value ?? '');
  let html = '';
  let at = 0;
  for (const run of scriptRuns(text, documentLang)) {
    html += `${escape(text.slice(at, run.start))}<span lang="${run.lang}" id="${nextId()}">${escape(text.slice(run.start, run.end))}</span>`;
    at = run.end;
  }
  return html + escape(text.slice(at));
}

type AstNode = { type: string; [key: string]: unknown };

/**
 * The partials a template uses, directly or through other partials, read from its syntax tree:
 * a change to a partial then rebuilds exactly the memo types that include it. A partial whose
 * name is computed at run time cannot be known, so such a template depends on all of them.
 */
export function partialsUsedBy(handlebars: typeof Handlebars, source: string, partials: Map<string, string>): Set<string> | 'all' {
  const used = new Set<string>();
  let dynamic = false;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const current = node as AstNode;
    if (current.type === 'PartialStatement' || current.type === 'PartialBlockStatement') {
      const name = current.name as AstNode;
      if (name.type === 'PathExpression' && typeof name.original === 'string') {
        const partial = name.original;
        if (!partial.startsWith('@') && !used.has(partial) && partials.has(partial)) {
          used.add(partial);
          visit(handlebars.parse(partials.get(partial)!));
        }
      } else {
        dynamic = true;
      }
    }
    for (const key of ['body', 'program', 'inverse']) visit(current[key]);
  };
  visit(handlebars.parse(source));
  return dynamic ? 'all' : used;
}

export function loadTemplates(folder = defaultTemplatesFolder): TemplateSet {
  return loadTemplateSet(folder, false);
}

/**
 * In a book every memo keeps its own template and partials; only the `document` wrapper is
 * swapped for book/memo-section.hbs, so a memo in the book is laid out as in its own PDF.
 */
export function loadBookTemplates(folder = defaultTemplatesFolder): BookTemplateSet {
  return loadTemplateSet(folder, true);
}

function loadTemplateSet(folder: string, book: true): BookTemplateSet;
function loadTemplateSet(folder: string, book: false): TemplateSet;
function loadTemplateSet(folder: string, book: boolean): TemplateSet | BookTemplateSet {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('cssString', (value: unknown) => new handlebars.SafeString(cssString(value)));
  // A printed URL breaks only after / . - _ ? & =, as in the body (transform/printed-urls.ts).
  handlebars.registerHelper('breakableUrl', (value: unknown) => new handlebars.SafeString(breakableUrlHtml(String(value ?? ''))));
  // Ids for the language spans, counted per rendered document (its root view): a memo in a book
  // is rendered on its own, so its page name (memo-3) keeps its ids apart from the others'.
  const spanCounts = new WeakMap<object, number>();
  handlebars.registerHelper('withLanguages', (value: unknown, options: Handlebars.HelperOptions) => {
    const root = (options.data?.root ?? {}) as { lang?: unknown; pageName?: unknown };
    const prefix = `${typeof root.pageName === 'string' ? root.pageName : 'memo'}-lang`;
    const nextId = () => {
      const count = (spanCounts.get(root) ?? 0) + 1;
      spanCounts.set(root, count);
      return `${prefix}-${count}`;
    };
    return new handlebars.SafeString(withLanguages(value, typeof root.lang === 'string' ? root.lang : 'en-US', handlebars.escapeExpression, nextId));
  });

  const partialFolder = path.join(folder, 'partials');
  const partialFiles = readdirSync(partialFolder)
    .filter((name) => name.endsWith('.hbs'))
    .sort()
    .map((name) => path.join(partialFolder, name));
  const partialSources = new Map<string, string>();
  for (const file of partialFiles) {
    const name = path.basename(file, '.hbs');
    partialSources.set(name, readFileSync(file, 'utf8'));
    handlebars.registerPartial(name, partialSources.get(name)!);
  }

  const bookFolder = path.join(folder, 'book');
  const bookFiles = book ? ['memo-section.hbs', 'book.hbs', 'book.css'].map((name) => path.join(bookFolder, name)) : [];
  if (book) handlebars.registerPartial('document', readFileSync(path.join(bookFolder, 'memo-section.hbs'), 'utf8'));

  const styleFolder = path.join(folder, 'styles');
  const styleFiles = readdirSync(styleFolder)
    .filter((name) => name.endsWith('.css'))
    .sort()
    .map((name) => path.join(styleFolder, name));
  if (book) styleFiles.push(path.join(bookFolder, 'book.css'));
  const stylesheet = styleFiles.map((file) => readFileSync(file, 'utf8')).join('\n');

  const compiled = new Map<MemoType, HandlebarsTemplateDelegate>();
  const templateFile = (type: MemoType) => path.join(folder, `${type}.hbs`);
  const templateFor = (type: MemoType) => {
    let template = compiled.get(type);
    if (!template) {
      template = handlebars.compile(readFileSync(templateFile(type), 'utf8'), { noEscape: false });
      compiled.set(type, template);
    }
    return template;
  };

  const dependencies = new Map<MemoType, string[]>();
  const set: TemplateSet = {
    folder,
    stylesheet,
    render: (type, view) => templateFor(type)(view),
    filesFor: (type) => {
      // Like the compiled templates, read once per set: a set is loaded again when a file changes.
      let files = dependencies.get(type);
      if (!files) {
        const partials = partialsUsedBy(handlebars, readFileSync(templateFile(type), 'utf8'), partialSources);
        const used = partials === 'all' ? partialFiles : [...partials].sort().map((name) => path.join(partialFolder, `${name}.hbs`));
        files = [templateFile(type), ...used, ...styleFiles];
        dependencies.set(type, files);
      }
      return files;
    },
  };
  if (!book) return set;
  const bookTemplate = handlebars.compile(readFileSync(path.join(bookFolder, 'book.hbs'), 'utf8'));
  return { ...set, renderBook: (view) => bookTemplate(view), bookFiles };
}
