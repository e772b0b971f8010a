// Loads the briefing templates: one Handlebars template per memo type, the shared partials and
// the stylesheets, all from the templates/ folder. An isolated Handlebars environment keeps the
// library's defaults (prototype access stays disabled) and knows only our helpers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { defaultTemplatesFolder } from '../project.js';
import type { MemoType } from '../source/schema.js';

export interface TemplateSet {
  folder: string;
  render(type: MemoType, view: object): string;
  /** Every file of the set a memo type depends on: its template, the partials, the stylesheets. */
  filesFor(type: MemoType): string[];
  stylesheet: string;
}

/** A CSS string literal that cannot close its <style> element or its declaration. */
export function cssString(value: unknown): string {
  const text = String(value ?? '');
  const escaped = text.replace(/[\\"<>\n\r\f]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

export function loadTemplates(folder = defaultTemplatesFolder): TemplateSet {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('cssString', (value: unknown) => new handlebars.SafeString(cssString(value)));

  const partialFolder = path.join(folder, 'partials');
  const partialFiles = readdirSync(partialFolder)
    .filter((name) => name.endsWith('.hbs'))
    .sort()
    .map((name) => path.join(partialFolder, name));
  for (const file of partialFiles) {
    handlebars.registerPartial(path.basename(file, '.hbs'), readFileSync(file, 'utf8'));
  }

  const styleFolder = path.join(folder, 'styles');
  const styleFiles = readdirSync(styleFolder)
    .filter((name) => name.endsWith('.css'))
    .sort()
    .map((name) => path.join(styleFolder, name));
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

  return {
    folder,
    stylesheet,
    render: (type, view) => templateFor(type)(view),
    filesFor: (type) => [templateFile(type), ...partialFiles, ...styleFiles],
  };
}
