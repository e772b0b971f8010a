// The floor the pipeline is measured against: a bare Puppeteer loop that prints the very same
// final HTML (rendered here by the pipeline's own stages) on reused pages, with no checks,
// no post-pass and no writes. The best page count wins.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startBrowser } from '../pipeline/print/browser.js';
import { PagePrinter } from '../pipeline/print/page-printer.js';
import { renderDocument } from '../pipeline/render/render.js';
import { loadTemplates } from '../pipeline/render/templates.js';
import { loadBriefing } from '../pipeline/source/load.js';
import { usMarkings } from '../pipeline/source/markings.js';
import { assetOrigin, transformBody } from '../pipeline/transform/processor.js';
import type { RenderedDocument } from '../pipeline/types.js';

export function renderCorpus(files: string[], root: string): RenderedDocument[] {
  const templates = loadTemplates();
  return files.map((file) => {
    const loaded = loadBriefing({ path: file, root, relative: path.relative(root, file), bytes: readFileSync(file) });
    if (!loaded.briefing) throw new Error(`bench corpus memo ${file} is invalid`);
    const body = transformBody(loaded.briefing);
    return renderDocument(loaded.briefing, body, { templates, origin: assetOrigin, date: new Date(`${loaded.briefing.frontmatter.date}T00:00:00Z`), markings: usMarkings });
  });
}

/**
 * Seconds to print every document with `pages` reused pages in one browser. With `renewAfter`,
 * a page is replaced by a fresh one after that many prints, as the pipeline's pool does (off the
 * clock of no memo: the next memo waits for the fresh page, as in the pool).
 */
export async function printFloor(documents: RenderedDocument[], pages: number, renewAfter?: number): Promise<number> {
  const browser = await startBrowser();
  try {
    const printers = await Promise.all(Array.from({ length: pages }, () => PagePrinter.open(browser)));
    const queue = [...documents];
    const started = process.hrtime.bigint();
    await Promise.all(
      printers.map(async (first) => {
        let printer = first;
        for (let document = queue.shift(); document; document = queue.shift()) {
          await printer.print(document, 120_000);
          if (renewAfter !== undefined && printer.printed >= renewAfter) {
            await printer.close();
            printer = await PagePrinter.open(browser);
          }
        }
      }),
    );
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await browser.close();
  }
}
