// Hostile frontmatter and hostile files: executable frontmatter is refused and never run,
// template syntax in values stays text, prototype tricks reach nothing, an alias bomb fails
// fast, oversized / binary / non-UTF-8 files are one clear error, links out are not followed.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { runCli } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';
import { checkBriefing } from './stages.js';

const errorsOf = (messages: { fatal?: boolean | null; line?: number | null; column?: number | null; ruleId?: string | null; reason: string }[]) =>
  messages.filter((message) => message.fatal === true).map((message) => ({ line: message.line, column: message.column, rule: message.ruleId, reason: message.reason }));

describe('executable frontmatter', () => {
  const payload = (marker: string) => `{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') || 'x' }`;

  it('the payload is live: gray-matter left to its defaults would run it', () => {
    const marker = path.join(tempFolder('briefing-marker-'), 'ran.txt');
    const matter = createRequire(import.meta.url)('gray-matter') as (text: string) => unknown;
    matter(`---js\n${payload(marker)}\n---\nbody\n`);
    expect(existsSync(marker)).toBe(true);
  });

  // One content folder holds a memo in each language: one check and one build read them all.
  const languages = ['js', 'javascript', 'coffee', ' js', 'JS', 'cson', 'toml', 'json'];
  const folder = tempFolder('briefing-js-frontmatter-');
  const name = (index: number) => `memo-${index}`;
  const marker = (index: number) => path.join(folder, `ran-${index}.txt`);
  let results: { check: Awaited<ReturnType<typeof runCli>>; build: Awaited<ReturnType<typeof runCli>> };

  beforeAll(async () => {
    writeTree(Object.fromEntries(languages.map((language, index) => [`content/${name(index)}.md`, `---${language}\n${payload(marker(index))}\n---\n\nBody.\n`])), folder);
    const [check, build] = await Promise.all([runCli(['check', 'content'], { cwd: folder }), runCli(['build', 'content', '--out', 'out'], { cwd: folder })]);
    results = { check, build };
  });

  it.each(languages.map((language, index) => [language, index] as const))('"---%s" is refused at line 1 and never run, by check and by build', (_language, index) => {
    for (const result of [results.check, results.build]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`${name(index)}\\.md:1:4 +error +frontmatter written as "[^"]+" is refused and was not run; write YAML between plain --- lines +frontmatter-language`));
    }
    expect(existsSync(marker(index))).toBe(false);
    expect(existsSync(path.join(folder, `out/${name(index)}.pdf`))).toBe(false);
  });
});

describe('templates and prototypes', () => {
  it('Handlebars keeps prototype access disabled in the environment the templates run in', () => {
    // A template that reaches for prototypes, compiled by our own loader.
    const folder = writeTree({
      'info-memo.hbs': '[{{title.constructor.name}}][{{lookup title "constructor"}}][{{lookup this "__proto__"}}][{{#with title}}{{constructor.constructor.name}}{{/with}}][{{title.__proto__.length}}]',
      'partials/.keep': '',
      'styles/memo.css': '',
    });
    const templates = loadTemplates(folder);
    expect(templates.render('info-memo', { title: 'plain' })).toBe('[][][][][]');
  });

  it('__proto__ and constructor keys in frontmatter pollute nothing and are only unknown keys', async () => {
    const folder = writeTree({
      'memo.md': memo({ extra: '__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n' }),
    });
    const checked = await checkBriefing(path.join(folder, 'memo.md'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(checked.briefing?.frontmatter.title).toBe('Test memo on extended deterrence');
    expect(Object.keys(checked.briefing?.frontmatter ?? {})).not.toContain('constructor');
  });
});

describe('a YAML alias bomb (billion laughs)', () => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 10; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    bomb.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
  }
  const text = `---\ntype: info-memo\nid: BOMB-001\n${bomb.join('\n')}\n---\n\nBody.\n`;

  it('fails with a clear message at the frontmatter, in bounded memory', async () => {
    const folder = writeTree({ 'memo.md': text });
    const before = process.memoryUsage().heapUsed;
    const checked = await checkBriefing(path.join(folder, 'memo.md'));
    const grown = process.memoryUsage().heapUsed - before;
    expect(errorsOf(checked.file.messages)).toEqual([
      { line: 2, column: 1, rule: 'yaml', reason: 'the frontmatter uses YAML aliases (*name) too often; write the values out instead' },
    ]);
    // 9^10 strings expanded would be gigabytes; refusing takes a few megabytes at most.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('oversized, binary and non-UTF-8 files', () => {
  it('a 10 MB Markdown file fails cleanly with one message saying what to do', async () => {
    const paragraph = 'Paragraph about *alliance* cooperation and [a link](https://example.org) with more words.\n\n';
    const folder = writeTree({ 'content/huge.md': memo({ id: 'HUGE-001', body: paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length)) }), 'content/fine.md': memo({ id: 'FINE-001' }) });
    const result = await runCli(['build', 'content', '--out', 'out'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/huge\.md:1:1 +error +the file is 10\.0 MB; a briefing may be at most 1 MB .*split it into several briefings.* +encoding/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toMatch(/^built 1, failed 1/m);
    expect((await readPdf(path.join(folder, 'out/fine.pdf'))).pages.length).toBe(1);
  });

  it('a briefing just under the limit is checked without trouble', async () => {
    const paragraph = 'The alliance met in Tokyo and agreed to deepen cooperation on extended deterrence.\n\n';
    const folder = writeTree({ 'long.md': memo({ body: `## Record\n\n${paragraph.repeat(Math.floor((900 * 1024) / paragraph.length))}` }) });
    const result = await runCli(['check', 'long.md'], { cwd: folder });
    expect(result.code, result.stderr).toBe(0);
  });

  it.each([
    ['binary', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(64, 0), Buffer.from(memo())]), 'the file is binary, not Markdown text; save the briefing as UTF-8 text'],
    ['Latin-1', Buffer.from(memo({ title: 'Réunion à Genève' }), 'latin1'), 'the file is not valid UTF-8 text; save it as UTF-8'],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(memo(), 'utf16le')]), 'the file is binary, not Markdown text'],
  ])('a %s file is one clear error at 1:1', async (_kind, bytes, message) => {
    const folder = writeTree({ 'content/memo.md': bytes });
    const result = await runCli(['check', 'content'], { cwd: folder });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => /:\d+:\d+ +error /.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/memo\.md:1:1 +error/);
    expect(lines[0]).toContain(message);
  });
});

describe('symbolic links out of the content folder', () => {
  it('are not followed, found in a folder or named directly; a link inside is', async () => {
    const outside = writeTree({
      'secret.md': memo({ id: 'SECRET-OUTSIDE', body: 'OUTSIDE-SECRET-TEXT\n' }),
      'more/other.md': memo({ id: 'OTHER-OUTSIDE', body: 'OUTSIDE-OTHER-TEXT\n' }),
      'map.png': Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    });
    // A dot-folder is never scanned, so the link inside is the only way to reach its memo.
    const folder = writeTree({ 'content/own.md': memo({ id: 'OWN-001' }), 'content/.drafts/real.md': memo({ id: 'REAL-001' }) });
    const content = path.join(folder, 'content');
    symlinkSync(path.join(outside, 'secret.md'), path.join(content, 'link.md'));
    symlinkSync(path.join(outside, 'more'), path.join(content, 'linked-folder'));
    symlinkSync('/etc/passwd', path.join(content, 'passwd.md'));
    symlinkSync(path.join(content, '.drafts/real.md'), path.join(content, 'inside.md'));
    mkdirSync(path.join(content, 'images'));
    symlinkSync(path.join(outside, 'map.png'), path.join(content, 'images/map.png'));
    writeFileSync(path.join(content, 'with-image.md'), memo({ id: 'IMG-001', body: '## Map\n\n![map](images/map.png)\n' }));

    const result = await runCli(['build', 'content', '--out', 'out'], { cwd: folder });
    for (const link of ['link.md', 'linked-folder', 'passwd.md']) {
      expect(result.stderr).toContain(`${path.join(content, link)}: a link that leads outside the content folder; not followed`);
    }
    expect(result.stderr).toMatch(/with-image\.md:\d+:1 +error +image "images\/map\.png" is a link that leads outside the content folder/);
    const out = path.join(folder, 'out');
    expect(existsSync(path.join(out, 'link.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'passwd.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'linked-folder'))).toBe(false);
    expect(existsSync(path.join(out, 'own.pdf'))).toBe(true);
    expect((await readPdf(path.join(out, 'inside.pdf'))).pages.join('\n')).toContain('The ministers met in Tokyo.');

    // Named directly (as a shell glob in CI would), the link out is still not followed.
    const direct = await runCli(['build', 'content/link.md', 'content/passwd.md', '--out', 'direct'], { cwd: folder });
    expect(direct.stderr).toContain(`${path.join(content, 'link.md')}: a link that leads outside the content folder; not followed`);
    expect(existsSync(path.join(folder, 'direct/link.pdf'))).toBe(false);
    expect(`${direct.stdout}${direct.stderr}`).not.toMatch(/OUTSIDE-SECRET-TEXT|root:x:0:0/);
  });
});
