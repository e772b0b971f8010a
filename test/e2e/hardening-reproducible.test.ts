// Same inputs, same bytes: across runs, output folders and processes, across the order memos
// meet a reused browser page; and each PDF says where it came from (tool, source, commit, id).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { PrintPool } from '../../pipeline/print/pool.js';
import { finishPdf } from '../../pipeline/print/postprocess.js';
import type { RenderedDocument } from '../../pipeline/types.js';
import { projectRoot, runCli } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readInfoEntry, readPdf } from '../support/pdf.js';
import { renderBriefing } from '../hostile/stages.js';

const pdfsIn = (folder: string) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.pdf'))
    .sort();

/** Every environment variable a date could come from is pinned or removed. */
const withoutEpoch = () => {
  const env = { ...process.env };
  delete env.SOURCE_DATE_EPOCH;
  return env;
};

describe('reproducible PDFs', () => {
  it('building the samples twice, into the same and another folder, gives byte-identical files', async () => {
    const first = tempFolder('briefing-repro-a-');
    const second = tempFolder('briefing-repro-b-');
    const runs = [first, first, second];
    const snapshots: Map<string, Buffer>[] = [];
    for (const out of runs) {
      const result = await runCli(['build', 'content', '--out', out, '--quiet']);
      expect(result.code, result.stderr).toBe(0);
      snapshots.push(new Map(pdfsIn(out).map((name) => [name, readFileSync(path.join(out, name))])));
    }
    const names = [...snapshots[0]!.keys()];
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const snapshot of snapshots.slice(1)) {
      expect([...snapshot.keys()]).toEqual(names);
      for (const name of names) expect(snapshot.get(name)!.equals(snapshots[0]!.get(name)!), name).toBe(true);
    }
    // Nothing that names the run is left inside: no output path, and the XMP packet (PDF/UA
    // asks for one) carries only the document's own date, the one in /CreationDate.
    for (const [name, bytes] of snapshots[2]!) {
      const text = bytes.toString('latin1');
      expect(text, name).not.toContain(path.basename(second));
      expect(text, name).not.toContain('/tmp');
      const xmpDates = [...text.matchAll(/<xmp:(?:CreateDate|ModifyDate|MetadataDate)>([^<]+)</g)].map((match) => match[1]!);
      const infoDate = /\/CreationDate \(D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z/.exec(text)!;
      expect(xmpDates, name).toEqual(Array(3).fill(`${infoDate[1]}-${infoDate[2]}-${infoDate[3]}T${infoDate[4]}:${infoDate[5]}:${infoDate[6]}Z`));
      expect(text, name).not.toContain(projectRoot);
    }
  });

  it('the same memo in two different folders, with SOURCE_DATE_EPOCH, gives the same bytes and that date', async () => {
    const text = memo({ id: 'REPRO-001', body: '## Background\n\nThe ministers met in Tokyo.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n' });
    const outputs: Buffer[] = [];
    for (const prefix of ['briefing-place-one-', 'briefing-somewhere-else-']) {
      const folder = writeTree({ 'content/memo.md': text }, tempFolder(prefix));
      const result = await runCli(['build', 'content', '--out', 'out'], { cwd: folder, env: { ...withoutEpoch(), SOURCE_DATE_EPOCH: '1722211200' } });
      expect(result.code, result.stderr).toBe(0);
      outputs.push(readFileSync(path.join(folder, 'out/memo.pdf')));
    }
    expect(outputs[0]!.equals(outputs[1]!)).toBe(true);
    const reading = await readPdf(new Uint8Array(outputs[0]!));
    expect(reading.info.CreationDate).toBe('D:20240729000000Z');
    expect(reading.info.ModDate).toBe('D:20240729000000Z');
    // The /ID is derived from the content: identical for identical files, 16 bytes of hex.
    expect(outputs[0]!.toString('latin1')).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
  });

  describe('on one reused page', () => {
    let pool: PrintPool;
    let first: RenderedDocument;
    let second: RenderedDocument;
    beforeAll(async () => {
      pool = await PrintPool.start({ size: 1 });
      first = await renderBriefing(memo({ id: 'ORDER-A', title: 'First memo', body: '## One\n\nAlpha paragraph.\n\n- a\n- b\n' }));
      second = await renderBriefing(memo({ id: 'ORDER-B', title: 'Second memo', body: '## Two\n\nBeta paragraph.\n\n| x | y |\n|---|---|\n| 1 | 2 |\n' }));
    });
    afterAll(async () => pool?.close());

    it('two memos printed in either order give identical bytes', async () => {
      const finish = async (document: RenderedDocument, raw: Uint8Array) => Buffer.from((await finishPdf(raw, { metadata: document.metadata, creator: 'briefing test' })).bytes);
      const rawA1 = await pool.print(first);
      const rawB1 = await pool.print(second);
      const rawB2 = await pool.print(second);
      const rawA2 = await pool.print(first);
      expect((await finish(first, rawA1)).equals(await finish(first, rawA2))).toBe(true);
      expect((await finish(second, rawB1)).equals(await finish(second, rawB2))).toBe(true);
      expect((await finish(first, rawA1)).equals(await finish(second, rawB1))).toBe(false);
    });
  });

  it('structure ids named after DOM node counters are renumbered to depend on the document only', async () => {
    // Some Chromium versions name tagged elements node<DOM node id>; on a reused page the ids
    // grow with every memo printed before. Two prints of one memo, at different counters:
    const printed = async (ids: number[]) => {
      const pdf = await PDFDocument.create();
      pdf.addPage();
      const names = ids.map((id) => PDFString.of(`node${String(id).padStart(8, '0')}`));
      const elements = names.map((name) => pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'P', ID: name })));
      pdf.catalog.set(PDFName.of('StructTreeRoot'), pdf.context.obj({ Type: 'StructTreeRoot', K: elements, IDTree: pdf.context.obj({ Names: names.flatMap((name, index) => [name, elements[index]!]) }) }));
      return pdf.save({ useObjectStreams: false });
    };
    const metadata = (await renderBriefing(memo({ id: 'IDS-1' }))).metadata;
    const early = await printed([31, 40, 57]);
    const late = await printed([1031, 1040, 1057]);
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(false);
    const finishedEarly = Buffer.from((await finishPdf(early, { metadata, creator: 'briefing test' })).bytes);
    const finishedLate = Buffer.from((await finishPdf(late, { metadata, creator: 'briefing test' })).bytes);
    expect(finishedEarly.equals(finishedLate)).toBe(true);
    expect(finishedEarly.toString('latin1')).toContain('(node00000003)');
  });
});

describe('provenance', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.invalid',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.invalid',
        GIT_AUTHOR_DATE: '2024-07-30T12:00:00Z',
        GIT_COMMITTER_DATE: '2024-07-30T12:00:00Z',
      },
    }).trim();

  it('records tool, source, commit and id, dates the PDF at the commit, and stamps the footer', async () => {
    const folder = writeTree({ 'content/eap/memo.md': memo({ id: 'PROV-007' }) });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'memo');
    const commit = git(folder, 'rev-parse', 'HEAD');

    const result = await runCli(['build', 'content', '--out', 'out', '--stamp'], { cwd: folder, env: withoutEpoch() });
    expect(result.code, result.stderr).toBe(0);
    const pdf = path.join(folder, 'out/eap/memo.pdf');
    const version = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(await readInfoEntry(pdf, 'BriefingTool')).toBe(`briefing ${version}`);
    expect(await readInfoEntry(pdf, 'BriefingSource')).toBe('eap/memo.md');
    expect(await readInfoEntry(pdf, 'BriefingCommit')).toBe(commit.slice(0, 12));
    expect(await readInfoEntry(pdf, 'BriefingId')).toBe('PROV-007');
    const reading = await readPdf(pdf);
    expect(reading.info.CreationDate).toBe('D:20240730120000Z');
    expect(reading.pages.join('\n')).toContain(`PROV-007 · commit ${commit.slice(0, 7)} · built 2024-07-30`);

    // An uncommitted edit is said so, and the date falls back to the memo's own date.
    writeFileSync(path.join(folder, 'content/eap/memo.md'), memo({ id: 'PROV-007', body: 'Edited.\n' }));
    const edited = await runCli(['build', 'content', '--out', 'out'], { cwd: folder, env: withoutEpoch() });
    expect(edited.code, edited.stderr).toBe(0);
    expect(await readInfoEntry(pdf, 'BriefingCommit')).toBe(`${commit.slice(0, 12)}+modified`);
    expect((await readPdf(pdf)).info.CreationDate).toBe('D:20240729000000Z');
  });

  it('a memo outside any repository carries no commit and its own date', async () => {
    const folder = writeTree({ 'memo.md': memo({ id: 'PROV-008' }) });
    const copy = tempFolder('briefing-nogit-');
    cpSync(folder, copy, { recursive: true });
    const result = await runCli(['build', 'memo.md', '--out', 'out', '--stamp'], { cwd: copy, env: withoutEpoch() });
    expect(result.code, result.stderr).toBe(0);
    const pdf = path.join(copy, 'out/memo.pdf');
    expect(await readInfoEntry(pdf, 'BriefingCommit')).toBeUndefined();
    expect(await readInfoEntry(pdf, 'BriefingId')).toBe('PROV-008');
    expect((await readPdf(pdf)).pages.join('\n')).toContain('PROV-008 · not committed · built 2024-07-29');
  });
});
