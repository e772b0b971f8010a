// House styles, the letterhead, template images and the memo-length rule as a user meets them
// on the command line: settings in briefing.config.yml and frontmatter, messages that name the
// place and the fix, exit codes.
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readPlacedPdf } from '../support/placed-pdf.js';

/** An information memo that runs to three pages. */
const longMemo = memo({
  id: 'CRAFT-LONG',
  body: `## Background\n\n${Array.from({ length: 34 }, (_, index) => `${index + 1}. The ministers met in Tokyo and agreed on the next steps of the alliance, paragraph ${index + 1}, long enough to take two lines of the page.`).join('\n\n')}\n`,
});
const seal = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#123"/></svg>\n';

describe('the memo-length rule', () => {
  it('warns in build, naming the memo, its type line and its page count; check reports the recorded count, and fails with --strict', async () => {
    const cwd = writeTree({ 'content/long.md': longMemo, 'content/short.md': memo({ id: 'CRAFT-SHORT' }) });
    const built = await runCli(['build'], { cwd });
    expect(built.code).toBe(0);
    expect(built.stderr).toBe('content/long.md:2:1  warning  the information memo runs to 3 pages; a memo to a principal is held to 2 by custom, tabs not counted: cut it, or move detail into a tab  memo-length\n');
    const checked = await runCli(['check'], { cwd });
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain('content/long.md:2:1  warning  the information memo runs to 3 pages as last built into output/; a memo to a principal is held to 2');
    expect(checked.stderr).not.toContain('short.md');
    expect((await runCli(['check', '--strict'], { cwd })).code).toBe(1);
    // An edited source is not judged by the count of its last build.
    writeFileSync(path.join(cwd, 'content/long.md'), longMemo.replace('paragraph 1,', 'paragraph one,'));
    expect((await runCli(['check', '--strict'], { cwd })).stderr).not.toContain('memo-length');
  });

  it('fails the memo, unwritten, when the config makes it an error; max is an option', async () => {
    const cwd = writeTree({ 'briefing.config.yml': 'lint: { rules: { memo-length: error } }\n', 'content/long.md': longMemo });
    const failed = await runCli(['build'], { cwd });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('content/long.md:2:1  error  the information memo runs to 3 pages;');
    expect(failed.stdout).toMatch(/failed 1/);
    expect(existsSync(path.join(cwd, 'output/long.pdf'))).toBe(false);
    writeFileSync(path.join(cwd, 'briefing.config.yml'), 'lint: { rules: { memo-length: [error, { max: 3 }] } }\n');
    const allowed = await runCli(['build'], { cwd });
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
  });
});

describe('house styles and the letterhead from the config', () => {
  it('prints each memo in the config style unless its frontmatter names another', async () => {
    const cwd = writeTree({
      'briefing.config.yml': 'style: dod\nletterhead: { seal: content/seal.svg, office: "Office of the Example Staff", address: ["1 Example Road", "Example City"] }\n',
      'content/seal.svg': seal,
      'content/dod.md': memo({ id: 'CRAFT-DOD' }),
      'content/state.md': memo({ id: 'CRAFT-STATE', extra: 'style: state\n' }),
    });
    const result = await runCli(['build'], { cwd });
    expect(result.stderr).toBe('');
    const [dod] = await readPlacedPdf(path.join(cwd, 'output/dod.pdf'));
    const [state] = await readPlacedPdf(path.join(cwd, 'output/state.pdf'));
    expect(dod!.text).toContain('INFO MEMO');
    expect(dod!.text).not.toContain('Office of the Example Staff'); // DoD memos carry no letterhead
    expect(state!.text).toContain('INFORMATION MEMO FOR SECRETARY');
    expect(state!.text).toMatch(/OFFICE OF THE EXAMPLE STAFF\s+1 Example Road\s+Example City/);
    expect(state!.figures).toEqual(['Seal of Office of the Example Staff']);
  });

  it('is an error at the style: line to name a house style the templates do not have', async () => {
    const cwd = writeTree({ 'content/memo.md': memo({ extra: 'style: navy\n' }) });
    const result = await runCli(['check'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/memo.md:10:8  error  style "navy" is not a house style of the templates; use one of dod, state, think-tank (or leave style: out for the config\'s)  style');
  });

  it('is a usage error, naming the file, when the config names an unknown style or a seal that cannot be used', async () => {
    const unknown = await runCli(['check'], { cwd: writeTree({ 'briefing.config.yml': 'style: navy\n', 'content/memo.md': memo() }) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/briefing\.config\.yml:1:8  style: there is no house style "navy" in .*houses; the styles are dod, state, think-tank/);
    const missing = await runCli(['build'], { cwd: writeTree({ 'briefing.config.yml': 'letterhead: { seal: content/seal.png }\n', 'content/memo.md': memo() }) });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/briefing\.config\.yml:1:21  letterhead\.seal: content\/seal\.png does not exist \(looked for .*content\/seal\.png\)/);
    const notImage = await runCli(['build'], { cwd: writeTree({ 'briefing.config.yml': 'letterhead: { seal: content/seal.png }\n', 'content/seal.png': 'not a picture', 'content/memo.md': memo() }) });
    expect(notImage.code).toBe(2);
    expect(notImage.stderr).toContain('letterhead.seal: content/seal.png is not an image this tool prints; use PNG, JPEG, GIF, WebP or SVG');
  });

  it('fails the memo, naming the file, when a template names an image that cannot be loaded, and prints it once it is there', async () => {
    const cwd = writeTree({ 'briefing.config.yml': 'templates: ./templates\n', 'content/memo.md': memo() });
    cpSync(path.join(projectRoot, 'templates'), path.join(cwd, 'templates'), { recursive: true });
    const partial = path.join(cwd, 'templates/partials/letterhead.hbs');
    writeFileSync(partial, '<img class="letterhead-seal" src="images/crest.png" alt="Crest">\n');
    const broken = await runCli(['build'], { cwd });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`content/memo.md  error  a template names the image "images/crest.png", which did not load: there is no such file (${path.join(cwd, 'templates/images/crest.png')}); images a template names are files of the templates folder, named relative to it  image-missing`);
    expect(existsSync(path.join(cwd, 'output/memo.pdf'))).toBe(false);

    writeTree({ 'templates/images/crest.png': Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1c4a9e50000000049454e44ae426082', 'hex') }, cwd);
    const fixed = await runCli(['build'], { cwd });
    expect(fixed.stderr).toBe('');
    expect(fixed.code).toBe(0);
    expect((await readPlacedPdf(path.join(cwd, 'output/memo.pdf')))[0]!.figures).toEqual(['Crest']);

    writeFileSync(partial, '<img src="https://example.org/crest.png" alt="Crest">\n');
    const remote = await runCli(['build', '--force'], { cwd });
    expect(remote.code).toBe(1);
    expect(remote.stderr).toContain('a template names the image "https://example.org/crest.png", which a memo may not load');
  });
});
