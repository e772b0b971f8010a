// The README's reference of the values a template receives ("Your office's look") is kept beside
// the code that decides them: this test renders a memo through a template set that records what
// the template is given, and compares those names with the README's table, both ways.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../pipeline/render/render.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/render/templates.js';
import { loadBriefing, readSource } from '../../pipeline/source/load.js';
import { usMarkings } from '../../pipeline/source/markings.js';
import { assetOrigin, transformBody } from '../../pipeline/transform/processor.js';
import { projectRoot } from '../support/cli.js';
import { tempFolder } from '../support/fixtures.js';

/** Values only a memo inside the weekly book receives (pipeline/run/book/make-book.ts). */
const bookOnly = ['pageName', 'number'];

function documentedValues(): string[] {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**What a template receives.**'), readme.indexOf('**Layout regressions.**'));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]!));
}

describe('the values a template receives', () => {
  it('are the ones the README lists, no more and no fewer', async () => {
    const real = loadTemplates();
    let given: object | undefined;
    const recording: TemplateSet = { ...real, render: (type, view, house) => ((given = view), real.render(type, view, house)) };
    const file = path.join(projectRoot, 'content/2024-w31/extended-deterrence-dialogue-action.md');
    const loaded = loadBriefing(await readSource({ path: file, root: path.dirname(file), relative: path.basename(file) }), projectRoot);
    renderDocument(loaded.briefing!, transformBody(loaded.briefing!), { templates: recording, origin: assetOrigin, date: new Date('2024-07-31T00:00:00Z'), markings: usMarkings });
    expect([...Object.keys(given!), ...bookOnly].sort()).toEqual(documentedValues().sort());
  });
});

describe("a team's own template written before the end matter was kept with the last paragraph", () => {
  it('prints the whole body and every recommendation from bodyHtml and recommendations', async () => {
    const folder = tempFolder('briefing-old-templates-');
    cpSync(path.join(projectRoot, 'templates'), folder, { recursive: true });
    writeFileSync(path.join(folder, 'action-memo.hbs'), '{{#> document}}<main>{{{bodyHtml}}}{{#each recommendations}}<p class="rec">{{text.text}}</p>{{/each}}</main>{{/document}}\n');
    const file = path.join(projectRoot, 'content/2024-w31/extended-deterrence-dialogue-action.md');
    const loaded = loadBriefing(await readSource({ path: file, root: path.dirname(file), relative: path.basename(file) }), projectRoot);
    const { html } = renderDocument(loaded.briefing!, transformBody(loaded.briefing!), { templates: loadTemplates(folder), origin: assetOrigin, date: new Date('2024-07-31T00:00:00Z'), markings: usMarkings });
    expect(html).toContain('OSD/ISA supports the approach.'); // the body's last paragraph
    expect(html.match(/<p class="rec">/g)).toHaveLength(2);
  });
});
