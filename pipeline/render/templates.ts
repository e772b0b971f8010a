// Loads the briefing templates: one Handlebars template per memo type, the shared partials and
// the stylesheets, all from the templates/ folder, and the house styles of templates/houses/,
// each of which may replace any template or partial (see house-style.ts). Every house gets an
// isolated Handlebars environment: it keeps the library's defaults (prototype access stays
// disabled), knows only our helpers, and sees the house's partials in place of the shared ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { defaultTemplatesFolder } from '../project.js';
import { scriptRuns } from '../script-languages.js';
import { defaultHouse } from '../source/house-names.js';
import type { MemoType } from '../source/schema.js';
import { breakableUrlHtml } from '../transform/printed-urls.js';
import { loadHouse, type HouseStyle } from './house-style.js';

export interface TemplateSet {
  folder: string;
  /** A house style of the folder (templates/houses/<name>/). */
  house(name: string): HouseStyle;
  /** A memo as a whole document, or (in a book set) as one section of the book. */
  render(type: MemoType, view: object, house?: string): string;
  /** Every file a memo type of a house depends on: its template, the partials, the stylesheets, house.yml. */
  filesFor(type: MemoType, house?: string): string[];
  /** The shared stylesheets, then those of the houses given (a book may hold several). */
  stylesheetFor(houses: string[]): string;
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

/** The .hbs files of a folder by name (without .hbs); none if there is no such folder. */
function templateFiles(folder: string): Map<string, string> {
  if (!existsSync(folder)) return new Map();
  return new Map(
    readdirSync(folder)
      .filter((name) => name.endsWith('.hbs'))
      .sort()
      .map((name) => [path.basename(name, '.hbs'), path.join(folder, name)]),
  );
}

/** One house's templates: its own Handlebars environment with its partials in place of the shared ones. */
interface HouseTemplates {
  style: HouseStyle;
  handlebars: typeof Handlebars;
  /** Partial name → the file that defines it for this house. */
  partialFiles: Map<string, string>;
  partialSources: Map<string, string>;
  templateFile(type: MemoType): string;
  compiled: Map<MemoType, HandlebarsTemplateDelegate>;
  dependencies: Map<MemoType, string[]>;
}

function loadTemplateSet(folder: string, book: true): BookTemplateSet;
function loadTemplateSet(folder: string, book: false): TemplateSet;
function loadTemplateSet(folder: string, book: boolean): TemplateSet | BookTemplateSet {
  const sharedPartials = templateFiles(path.join(folder, 'partials'));
  const bookFolder = path.join(folder, 'book');
  const bookFiles = book ? ['memo-section.hbs', 'book.hbs', 'book.css'].map((name) => path.join(bookFolder, name)) : [];

  const styleFolder = path.join(folder, 'styles');
  const styleFiles = readdirSync(styleFolder)
    .filter((name) => name.endsWith('.css'))
    .sort()
    .map((name) => path.join(styleFolder, name));
  if (book) styleFiles.push(path.join(bookFolder, 'book.css'));
  const sharedStylesheet = styleFiles.map((file) => readFileSync(file, 'utf8')).join('\n');

  // Ids for the language spans, counted per rendered document (its root view): a memo in a book
  // is rendered on its own, so its page name (memo-3) keeps its ids apart from the others'.
  const spanCounts = new WeakMap<object, number>();
  const environment = () => {
    const handlebars = Handlebars.create();
    handlebars.registerHelper('cssString', (value: unknown) => new handlebars.SafeString(cssString(value)));
    // A printed URL breaks only after / . - _ ? & =, as in the body (transform/printed-urls.ts).
    handlebars.registerHelper('breakableUrl', (value: unknown) => new handlebars.SafeString(breakableUrlHtml(String(value ?? ''))));
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
    return handlebars;
  };

  // Loaded when a memo first asks for the house: a set is loaded again when a file changes.
  const houses = new Map<string, HouseTemplates>();
  const houseTemplates = (name: string): HouseTemplates => {
    let loaded = houses.get(name);
    if (loaded) return loaded;
    const style = loadHouse(folder, name);
    const handlebars = environment();
    const partialFiles = new Map([...sharedPartials, ...(style.folder ? templateFiles(path.join(style.folder, 'partials')) : [])]);
    const partialSources = new Map<string, string>();
    for (const [partial, file] of partialFiles) {
      partialSources.set(partial, readFileSync(file, 'utf8'));
      handlebars.registerPartial(partial, partialSources.get(partial)!);
    }
    if (book) handlebars.registerPartial('document', readFileSync(path.join(bookFolder, 'memo-section.hbs'), 'utf8'));
    const templateFile = (type: MemoType) => {
      const own = style.folder ? path.join(style.folder, `${type}.hbs`) : undefined;
      return own && existsSync(own) ? own : path.join(folder, `${type}.hbs`);
    };
    loaded = { style, handlebars, partialFiles, partialSources, templateFile, compiled: new Map(), dependencies: new Map() };
    houses.set(name, loaded);
    return loaded;
  };

  const set: TemplateSet = {
    folder,
    house: (name) => houseTemplates(name).style,
    render: (type, view, house = defaultHouse) => {
      const templates = houseTemplates(house);
      let template = templates.compiled.get(type);
      if (!template) {
        template = templates.handlebars.compile(readFileSync(templates.templateFile(type), 'utf8'), { noEscape: false });
        templates.compiled.set(type, template);
      }
      return template(view);
    },
    filesFor: (type, house = defaultHouse) => {
      const templates = houseTemplates(house);
      let files = templates.dependencies.get(type);
      if (!files) {
        const file = templates.templateFile(type);
        const partials = partialsUsedBy(templates.handlebars, readFileSync(file, 'utf8'), templates.partialSources);
        const names = partials === 'all' ? [...templates.partialFiles.keys()] : [...partials].sort();
        files = [file, ...names.map((name) => templates.partialFiles.get(name)!), ...styleFiles, ...templates.style.files];
        templates.dependencies.set(type, files);
      }
      return files;
    },
    stylesheetFor: (names) => [sharedStylesheet, ...[...new Set(names)].sort().map((name) => houseTemplates(name).style.stylesheet)].join('\n'),
  };
  if (!book) return set;
  const bookHandlebars = environment();
  for (const [partial, file] of sharedPartials) bookHandlebars.registerPartial(partial, readFileSync(file, 'utf8'));
  const bookTemplate = bookHandlebars.compile(readFileSync(path.join(bookFolder, 'book.hbs'), 'utf8'));
  return { ...set, renderBook: (view) => bookTemplate(view), bookFiles };
}
