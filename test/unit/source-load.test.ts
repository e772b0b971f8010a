// loadBriefing and the run-wide source checks: problems land on the briefing's vfile with the
// file's own path, line and column, and print as `file:line:column  severity  message  rule`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../../pipeline/run/check-sources.js';
import { reportDuplicateIds } from '../../pipeline/source/duplicate-ids.js';
import { formatDiagnostics } from '../../pipeline/source/diagnostics.js';
import { loadBriefing } from '../../pipeline/source/load.js';
import type { SourceFile } from '../../pipeline/types.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';

function sourceAt(folder: string, relative: string, text: string | Buffer): SourceFile {
  const full = path.join(folder, relative);
  writeFileSync(full, text);
  return { path: full, root: folder, relative, bytes: Buffer.isBuffer(text) ? text : Buffer.from(text) };
}

describe('loadBriefing', () => {
  it('prints a bad date as file:line:column  error  message  rule', () => {
    const folder = tempFolder();
    const text = '---\ntype: info-memo\nid: X-1\ndate: 2024-13-01\ntitle: "T"\nto: [Secretary]\nfrom: { name: A }\nmarking: { level: UNCLASSIFIED }\n---\nBody.\n';
    const loaded = loadBriefing(sourceAt(folder, 'x.md', text), folder);
    expect(loaded.briefing).toBeUndefined();
    expect(formatDiagnostics([loaded.file])).toBe('x.md:4:7  error  date "2024-13-01" is not a valid date; write YYYY-MM-DD  frontmatter\n');
  });

  it('names files outside the working folder by their absolute path', () => {
    const folder = tempFolder();
    const elsewhere = tempFolder();
    const loaded = loadBriefing(sourceAt(folder, 'x.md', memo({ date: '2024-7-1' })), elsewhere);
    expect(formatDiagnostics([loaded.file])).toBe(`${path.join(folder, 'x.md')}:5:7  error  date "2024-7-1" is not a valid date; write YYYY-MM-DD  frontmatter\n`);
  });

  it('keeps a briefing with unknown keys, as warnings', () => {
    const folder = tempFolder();
    const loaded = loadBriefing(sourceAt(folder, 'a.md', memo({ extra: 'sumary: "x"\n' })), folder);
    expect(loaded.briefing?.frontmatter.id).toBe('TEST-001');
    expect(loaded.file.messages.every((message) => message.fatal === false)).toBe(true);
    expect(formatDiagnostics([loaded.file])).toBe('a.md:10:1  warning  unknown key sumary is ignored; check its spelling or remove it  frontmatter-unknown-key\n');
    // Warnings are left out when only errors are wanted.
    expect(formatDiagnostics([loaded.file], { errorsOnly: true })).toBe('');
  });

  it('refuses ---js frontmatter as an error at line 1 and never runs it', () => {
    const folder = tempFolder();
    const loaded = loadBriefing(sourceAt(folder, 'js.md', '---js\n{ type: (globalThis.__loadPwned = "info-memo") }\n---\nbody\n'), folder);
    expect((globalThis as Record<string, unknown>).__loadPwned).toBeUndefined();
    expect(formatDiagnostics([loaded.file])).toBe('js.md:1:4  error  frontmatter written as "js" is refused and was not run; write YAML between plain --- lines  frontmatter-language\n');
  });

  it('refuses binary and non-UTF-8 files with a fix', () => {
    const folder = tempFolder();
    const binary = loadBriefing(sourceAt(folder, 'b.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), folder);
    expect(formatDiagnostics([binary.file])).toBe('b.md:1:1  error  the file is binary, not Markdown text; save the briefing as UTF-8 text  encoding\n');
    const latin1 = loadBriefing(sourceAt(folder, 'l.md', Buffer.from('---\ntitle: "caf\xe9"\n---\n', 'latin1')), folder);
    expect(latin1.file.messages[0]?.reason).toContain('save it as UTF-8');
  });

  it('checks the marking syntax at marking.level', () => {
    const folder = tempFolder();
    const loaded = loadBriefing(sourceAt(folder, 'm.md', memo({ level: 'SECRET//DRAFT' })), folder);
    const [message] = loaded.file.messages;
    expect([message?.line, message?.column, message?.ruleId]).toEqual([8, 19, 'marking-syntax']);
    expect(message?.reason).toContain('remove it');
  });
});

describe('duplicate ids', () => {
  it('are an error at the id of both briefings, naming the other file', async () => {
    const folder = writeTree({ 'a.md': memo({ id: 'SAME-1' }), 'sub/b.md': memo({ id: 'SAME-1', title: 'Another memo' }), 'c.md': memo({ id: 'OTHER-1' }) });
    const { loaded } = await checkSources([folder], folder);
    const report = formatDiagnostics(loaded.map((entry) => entry.file));
    expect(report).toBe(
      'a.md:3:5  error  id "SAME-1" is also used by sub/b.md; give each briefing its own id  duplicate-id\n' +
        'sub/b.md:3:5  error  id "SAME-1" is also used by a.md; give each briefing its own id  duplicate-id\n',
    );
  });

  it('leave unique ids alone', () => {
    const folder = tempFolder();
    const loaded = ['a', 'b'].map((name) => loadBriefing(sourceAt(folder, `${name}.md`, memo({ id: `ID-${name}` })), folder));
    reportDuplicateIds(loaded);
    expect(loaded.flatMap((entry) => entry.file.messages)).toEqual([]);
  });
});
