// Runs the real source → transform → render stages in-process on a briefing written to disk,
// for tests that need a RenderedDocument (printing through the pool) or only the diagnostics.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { usMarkings } from '../../pipeline/source/markings.js';
import { loadBriefing, readSource, type LoadedBriefing } from '../../pipeline/source/load.js';
import { assetOrigin, transformBody } from '../../pipeline/transform/processor.js';
import { renderDocument } from '../../pipeline/render/render.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/render/templates.js';
import type { RenderedDocument, TransformedBody } from '../../pipeline/types.js';
import { tempFolder } from '../support/fixtures.js';

/** Source + transform stages, as `briefing check` runs them; the vfile carries every message. */
export async function checkBriefing(file: string, root = path.dirname(file)): Promise<LoadedBriefing & { body?: TransformedBody }> {
  const loaded = loadBriefing(await readSource({ path: file, root, relative: path.relative(root, file) }), root, usMarkings);
  if (!loaded.briefing) return loaded;
  return { ...loaded, body: transformBody(loaded.briefing) };
}

let templates: TemplateSet | undefined;

/** Writes `text` as a briefing and renders it to the HTML document the printer receives. */
export async function renderBriefing(text: string, name = 'memo.md', folder = tempFolder('briefing-render-')): Promise<RenderedDocument> {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  const checked = await checkBriefing(file, folder);
  if (!checked.briefing || !checked.body) throw new Error(`fixture does not load: ${checked.file.messages.map(String).join('; ')}`);
  templates ??= loadTemplates();
  return renderDocument(checked.briefing, checked.body, {
    templates,
    origin: assetOrigin,
    date: new Date('2024-07-29T00:00:00Z'),
    markings: usMarkings,
  });
}
