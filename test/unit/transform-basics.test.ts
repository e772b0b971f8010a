// The transform stage on its own: GFM renders, raw HTML never reaches the page (and the author
// is told where it was), and relative images resolve against the Markdown file's own folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../pipeline/source/diagnostics.js';
import { loadBriefing, readSource } from '../../pipeline/source/load.js';
import { assetOrigin, transformBody } from '../../pipeline/transform/processor.js';
import { memo, writeTree } from '../support/fixtures.js';

/** A small red PNG, the image every image test uses. */
const mapPng = readFileSync(fileURLToPath(new URL('../fixtures/issue2/tree/week/map.png', import.meta.url)));

async function transform(files: Record<string, string | Uint8Array>, relative: string) {
  const folder = writeTree(files);
  const loaded = loadBriefing(await readSource({ path: path.join(folder, relative), root: folder, relative }), folder);
  expect(formatDiagnostics([loaded.file])).toBe('');
  const body = transformBody(loaded.briefing!);
  return { folder, body, file: loaded.file, report: formatDiagnostics([loaded.file]) };
}

describe('transformBody', () => {
  it('renders GFM tables, footnotes, strikethrough and task lists', async () => {
    const { body, report } = await transform(
      {
        'm.md': memo({
          body: [
            '## Ministers',
            '',
            '| Country | Minister |',
            '| --- | :-: |',
            '| Japan | 上川陽子 |',
            '',
            'A claim.[^scc] The ~~old~~ new wording.',
            '',
            '- [x] statement issued',
            '- [ ] command upgraded',
            '',
            '[^scc]: Joint Statement of the Security Consultative Committee.',
            '',
          ].join('\n'),
        }),
      },
      'm.md',
    );
    expect(report).toBe('');
    expect(body.html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>Country<\/th>\s*<th align="center">Minister<\/th>/);
    // Japanese in an English memo is tagged with its language (rehype-script-languages.ts).
    expect(body.html).toMatch(/<td>Japan<\/td>\s*<td align="center"><span lang="ja" id="lang-[\w-]+">上川陽子<\/span><\/td>/);
    expect(body.html).toContain('<del>old</del>');
    expect(body.html).toMatch(/<li class="task-list-item"><input type="checkbox" checked disabled> statement issued<\/li>/);
    expect(body.html).toMatch(/<li class="task-list-item"><input type="checkbox" disabled> command upgraded<\/li>/);
    // The reference and the note point at each other with the same ids (no double prefix).
    expect(body.html).toContain('<a href="#user-content-fn-scc" id="user-content-fnref-scc" data-footnote-ref');
    const notes = body.notesHtml ?? body.html;
    expect(notes).toContain('<li id="user-content-fn-scc">');
    expect(notes).toContain('href="#user-content-fnref-scc"');
    expect(notes).toContain('<h2 class="notes-heading" id="footnote-label">Notes</h2>');
    expect(body.headings).toEqual([{ depth: 2, text: 'Ministers' }]);
  });

  it('prints https and mailto links as links; a tel: or javascript: link is an error at its line, never a dead link', async () => {
    const folder = writeTree({
      'm.md': memo({ body: '## Contacts\n\nSee [the statement](https://www.state.gov/) or [write](mailto:desk@state.gov).\n\nCall [the desk](tel:+12025550100).\n\n[Run](javascript:alert(1)).\n' }),
    });
    const loaded = loadBriefing(await readSource({ path: path.join(folder, 'm.md'), root: folder, relative: 'm.md' }), folder);
    const body = transformBody(loaded.briefing!);
    expect(body.html).toContain('<a href="https://www.state.gov/">the statement</a>');
    expect(body.html).toContain('<a href="mailto:desk@state.gov">write</a>');
    expect(formatDiagnostics([loaded.file]).trim().split('\n')).toEqual([
      'm.md:16:6  error  link "tel:+12025550100" uses tel:, which a memo may not link to; write the number in the text instead  link-protocol',
      'm.md:18:1  error  link "javascript:alert(1)" uses javascript:, which a memo may not link to; use an https:// address  link-protocol',
    ]);
  });

  it('drops raw HTML, never renders a script or handler, and warns at its line', async () => {
    const { body, report, file } = await transform(
      {
        'm.md': memo({
          body: ['Before.', '', '<script>fetch("https://example.com")</script>', '', 'Inline <img src="https://example.com/x.png" onerror="alert(1)"> here.', '', '<!-- a note to the drafter -->', ''].join('\n'),
        }),
      },
      'm.md',
    );
    expect(body.html).not.toMatch(/<script|onerror|example\.com|<img/);
    expect(body.html).toContain('<p>Inline  here.</p>');
    // The memo still builds: raw HTML is a warning. Frontmatter ends on line 10, body starts on 12.
    expect(file.messages.every((message) => message.fatal === false)).toBe(true);
    expect(report).toBe(
      'm.md:14:1  warning  raw HTML <script> is not rendered; write it in Markdown instead  no-raw-html\n' +
        'm.md:16:8  warning  raw HTML <img> is not rendered; write it in Markdown instead  no-raw-html\n',
    );
  });

  it('resolves a relative image against the Markdown file\'s folder and maps the virtual URL to the real file', async () => {
    const { folder, body, report } = await transform(
      {
        'week/memo.md': memo({ body: '![Map of the region](images/map.png)\n\n![Seal](../shared/seal.png)\n' }),
        'week/images/map.png': mapPng,
        'shared/seal.png': mapPng,
        // A file of the same name in the content root must not be the one picked.
        'images/map.png': mapPng,
      },
      'week/memo.md',
    );
    expect(report).toBe('');
    const sources = [...body.html.matchAll(/<img src="([^"]+)" alt="([^"]+)">/g)].map((match) => [match[1], match[2]]);
    expect(sources).toEqual([
      [`${assetOrigin}/assets/1/map.png`, 'Map of the region'],
      [`${assetOrigin}/assets/2/seal.png`, 'Seal'],
    ]);
    expect([...body.assets]).toEqual([
      [`${assetOrigin}/assets/1/map.png`, path.join(folder, 'week/images/map.png')],
      [`${assetOrigin}/assets/2/seal.png`, path.join(folder, 'shared/seal.png')],
    ]);
  });

  it('refuses images that are missing, remote or outside the content folder, at their line', async () => {
    const folder = writeTree({
      'c/m.md': memo({ body: '![a](missing.png)\n\n![b](https://example.com/b.png)\n\n![c](../../etc/passwd.png)\n' }),
    });
    const loaded = loadBriefing(await readSource({ path: path.join(folder, 'c/m.md'), root: path.join(folder, 'c'), relative: 'm.md' }), folder);
    const body = transformBody(loaded.briefing!);
    expect(body.html).not.toMatch(/example\.com|passwd/);
    expect(body.assets.size).toBe(0);
    const lines = formatDiagnostics([loaded.file]).trim().split('\n');
    expect(lines.map((line) => line.split('  ').slice(0, 2).concat(line.split('  ').at(-1)!))).toEqual([
      ['c/m.md:12:1', 'error', 'image-missing'],
      ['c/m.md:14:1', 'error', 'image-path'],
      ['c/m.md:16:1', 'error', 'image-path'],
    ]);
    expect(lines[0]).toContain('image "missing.png" does not exist; check the path');
    expect(lines[1]).toContain('save it beside the briefing and use a relative path');
    expect(lines[2]).toContain('is outside the content folder');
  });
});
