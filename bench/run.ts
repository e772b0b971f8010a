// `npm run bench`: the performance targets of the pipeline, measured in one run on this machine
// and printed as a table. Ratios are taken within the run, times are medians where repeated.
//   --memos N   corpus for cold / no-op / one-changed / floor (default 200)
//   --large M   corpus for the no-op and memory targets at scale (default 1000; 0 skips)
//   --runs R    repetitions of the quick measurements (default 3)
//   --no-peer   skip md-to-pdf
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printsPerPage } from '../pipeline/print/pool.js';
import { toolRoot } from '../pipeline/project.js';
import { writeCorpus, type Corpus } from './corpus.js';
import { printFloor, renderCorpus } from './floor.js';
import { measure, median, type Measurement } from './measure.js';
import { runMdToPdf } from './md-to-pdf.js';

const { values } = parseArgs({
  options: {
    memos: { type: 'string', default: '200' },
    large: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    'no-peer': { type: 'boolean' },
  },
});
const memos = Number(values.memos);
const large = Number(values.large);
const runs = Math.max(1, Number(values.runs));
const cli = path.join(toolRoot, 'bin', 'briefing.js');
const rows: [string, string, string][] = [];
const say = (text: string) => process.stderr.write(`bench: ${text}\n`);
/** A row of the final table, also said at once so a long run shows its numbers as it goes. */
const addRow = (...row: [string, string, string]) => {
  rows.push(row);
  say(row.join(' | '));
};

const tempOut = () => mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-out-'));

async function build(folder: string, out: string, extra: string[] = []): Promise<Measurement & { report: { browser?: string; browserStartMs?: number; browserCloseMs?: number; browserWaitMs?: number; briefings: { status: string; durationMs: number; printMs?: number }[] } }> {
  const reportFile = path.join(out, '..', `${path.basename(out)}-report.json`);
  const result = await measure(process.execPath, [cli, 'build', folder, '--out', out, '--quiet', '--report', reportFile, ...extra], { env: { CI: 'true' } });
  if (result.code !== 0) throw new Error(`build failed (${result.code}): ${result.stderr.slice(0, 2000)}`);
  return { ...result, report: JSON.parse(readFileSync(reportFile, 'utf8')) };
}

/** Rebuilds where nothing changed, `runs` times: the median, and whether any started a browser. */
async function noOps(corpus: Corpus, out: string) {
  const times: number[] = [];
  let startedBrowser = false;
  for (let run = 0; run < runs; run++) {
    const result = await build(corpus.folder, out);
    times.push(result.seconds);
    startedBrowser ||= result.report.browser !== undefined;
  }
  return { seconds: median(times), startedBrowser };
}

const noopNote = (noop: { startedBrowser: boolean }) => (noop.startedBrowser ? 'STARTED a browser' : 'no browser started');

type BuildRun = Awaited<ReturnType<typeof build>>;

/**
 * A one-memo build split into: the whole command; the memo's own print (the browser's print,
 * the post-pass and the write); the browser's cost on the critical path (the wait for it after
 * the memo was rendered, and its close; its start overlaps the rendering); and everything else.
 */
function split(result: BuildRun) {
  const print = (result.report.briefings.find((briefing) => briefing.status === 'built')?.printMs ?? 0) / 1000;
  const browser = ((result.report.browserWaitMs ?? 0) + (result.report.browserCloseMs ?? 0)) / 1000;
  return { total: result.seconds, print, browser, launch: (result.report.browserStartMs ?? 0) / 1000, rest: result.seconds - print - browser };
}

type Split = ReturnType<typeof split>;

const medianSplit = (runs: Split[]): Split => ({
  total: median(runs.map((run) => run.total)),
  print: median(runs.map((run) => run.print)),
  browser: median(runs.map((run) => run.browser)),
  launch: median(runs.map((run) => run.launch)),
  rest: median(runs.map((run) => run.rest)),
});

/** Rebuilds after editing one memo, `runs` times. */
async function oneChanged(corpus: Corpus, out: string): Promise<Split> {
  const results: Split[] = [];
  for (let run = 0; run < runs; run++) {
    appendFileSync(corpus.files[run % corpus.files.length]!, `\n<!-- edit ${run} for the benchmark -->\n`);
    results.push(split(await build(corpus.folder, out)));
  }
  return medianSplit(results);
}

/** Cold builds of a folder that holds one memo, `runs` times. */
async function oneMemoAlone(): Promise<Split> {
  const single = writeCorpus(1);
  const results: Split[] = [];
  for (let run = 0; run < runs; run++) results.push(split(await build(single.folder, tempOut())));
  rmSync(single.folder, { recursive: true, force: true });
  return medianSplit(results);
}

const oneChangedNote = (one: Split) =>
  `its print ${s(one.print)}, waiting for the browser + closing it ${s(one.browser)} (start ${s(one.launch)}, overlapped with rendering), everything else ${s(one.rest)}`;

const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const mb = (megabytes: number) => `${Math.round(megabytes)} MB`;

async function main(): Promise<void> {
  say(`${os.cpus().length} cores, ${Math.round(os.totalmem() / 1073741824)} GB, Node ${process.version}`);

  // 1. Cold, no-op and one-changed builds of the main corpus.
  say(`writing ${memos} memos`);
  const corpus = writeCorpus(memos);
  const out = tempOut();
  say('cold build');
  const cold = await build(corpus.folder, out);
  addRow(`cold build, ${memos} memos`, s(cold.seconds), `${(memos / cold.seconds).toFixed(2)} memos/s, peak ${mb(cold.peakMegabytes)}`);

  // The same corpus as Word documents: no browser, so the rate is the Node side's alone.
  say('cold .docx build');
  const coldDocx = await build(corpus.folder, tempOut(), ['--output-format', 'docx']);
  addRow(`cold build to .docx, ${memos} memos`, s(coldDocx.seconds), `${(memos / coldDocx.seconds).toFixed(2)} memos/s (PDF: ${(memos / cold.seconds).toFixed(2)}), peak ${mb(coldDocx.peakMegabytes)}, ${coldDocx.report.browser ? 'STARTED a browser' : 'no browser started'}`);
  say('cold PDF + .docx build');
  const coldBoth = await build(corpus.folder, tempOut(), ['--output-format', 'pdf,docx']);
  addRow(`cold build to PDF and .docx, ${memos} memos`, s(coldBoth.seconds), `${(memos / coldBoth.seconds).toFixed(2)} memos/s, each memo transformed once for both`);

  say('no-op rebuilds');
  const noop = await noOps(corpus, out);
  addRow(`no-op rebuild, ${memos} memos (median of ${runs})`, s(noop.seconds), noopNote(noop));

  say('one-changed rebuilds');
  const one = await oneChanged(corpus, out);
  addRow(`one changed among ${memos} (median of ${runs})`, s(one.total), oneChangedNote(one));
  // What printing one memo costs the whole command when it is the only one: the yardstick for
  // what the unchanged others add to a one-memo rebuild.
  const alone = await oneMemoAlone();
  addRow(`one memo alone, cold (median of ${runs})`, s(alone.total), oneChangedNote(alone));
  addRow(`one changed among ${memos} − one memo alone`, s(one.total - alone.total), `what ${memos - 1} unchanged memos add`);

  // 2. The floor: the same final HTML through a bare Puppeteer loop, best page count.
  say('floor: rendering the corpus and choosing the page count');
  const documents = renderCorpus(corpus.files, corpus.folder);
  const sample = documents.slice(0, Math.min(40, documents.length));
  const trials: [number, number][] = [];
  for (const pagesAtOnce of [1, 2, 3]) trials.push([pagesAtOnce, await printFloor(sample, pagesAtOnce)]);
  const [bestPages] = trials.reduce((best, trial) => (trial[1] < best[1] ? trial : best));
  say(`floor: printing ${memos} memos on ${bestPages} page(s)`);
  const floor = await printFloor(documents, bestPages);
  addRow(`floor: bare Puppeteer loop, best of 1–3 pages (${bestPages})`, s(floor), `trial on ${sample.length}: ${trials.map(([n, t]) => `${n}p ${t.toFixed(1)} s`).join(', ')}`);
  addRow('cold build ÷ floor (target ≤ 1.15)', (cold.seconds / floor).toFixed(2), 'whole process: start-up, checks, post-pass, writes, manifest');
  // The pipeline replaces a page after printsPerPage prints (memory); a floor that does the same.
  const renewingFloor = await printFloor(documents, bestPages, printsPerPage);
  addRow(`floor with pages renewed every ${printsPerPage} prints, as the pool does`, s(renewingFloor), `${bestPages} pages`);
  addRow('cold build ÷ floor with renewal', (cold.seconds / renewingFloor).toFixed(2), 'the stricter comparison');

  // 3. `briefing check` on 100 memos: with nothing checked before, with everything checked
  // before, and with one memo edited since; and the start-up all three include.
  const hundred = writeCorpus(100);
  const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-cache-'));
  const checkEnv = { BRIEFING_CACHE_DIR: cacheFolder };
  const check = (...flags: string[]) => measure(process.execPath, [cli, 'check', hundred.folder, '--quiet', ...flags], { env: checkEnv });
  const checks = { cold: [] as number[], warm: [] as number[], edited: [] as number[], startup: [] as number[] };
  for (let run = 0; run < runs; run++) {
    rmSync(cacheFolder, { recursive: true, force: true });
    checks.cold.push((await check()).seconds);
    checks.warm.push((await check()).seconds);
    appendFileSync(hundred.files[run % hundred.files.length]!, `\n<!-- edited in run ${run} -->\n`);
    checks.edited.push((await check()).seconds);
    checks.startup.push((await measure(process.execPath, [cli, '--version'])).seconds);
  }
  const startup = median(checks.startup);
  const afterStartup = (values: number[]) => `${s(median(values) - startup)} after start-up (${s(startup)})`;
  addRow(`check, 100 memos, none checked before (median of ${runs})`, s(median(checks.cold)), afterStartup(checks.cold));
  addRow(`check, 100 memos, unchanged since the last check`, s(median(checks.warm)), afterStartup(checks.warm));
  addRow(`check, 100 memos, one edited since the last check`, s(median(checks.edited)), afterStartup(checks.edited));
  rmSync(cacheFolder, { recursive: true, force: true });

  // 4. The peer on the same 50 files, through the same browser.
  if (!values['no-peer']) {
    say('md-to-pdf on 50 files');
    const fifty = corpus.files.slice(0, 50);
    const peerFolder = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-peer-'));
    const peerFiles = fifty.map((file) => {
      const copy = path.join(peerFolder, path.relative(corpus.folder, file).replaceAll(path.sep, '-'));
      cpSync(file, copy);
      return copy;
    });
    const oursFolder = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-ours-'));
    for (const file of peerFiles) cpSync(file, path.join(oursFolder, path.basename(file)));
    const ours = await build(oursFolder, tempOut());
    const peer = await runMdToPdf(peerFiles, 600_000);
    if (peer) {
      addRow('md-to-pdf 5.2.5, same 50 files', s(peer.seconds), `${peer.produced}/50 PDFs, peak ${mb(peer.peakMegabytes)}, exit ${peer.code}`);
      addRow('briefing build, same 50 files', s(ours.seconds), `peak ${mb(ours.peakMegabytes)}; ${(peer.seconds / ours.seconds).toFixed(1)}× faster (target ≥ 3)`);
    } else {
      addRow('md-to-pdf 5.2.5', 'n/a', 'could not be installed from the npm registry');
    }
    rmSync(peerFolder, { recursive: true, force: true });
  }

  // 5. Scale: memory of 1,000 memos against 100, and a no-op over 1,000.
  if (large > 0) {
    say(`scale: cold build of 100, then ${large} memos`);
    const small = await build(hundred.folder, tempOut());
    const big = writeCorpus(large);
    const bigOut = tempOut();
    const bigCold = await build(big.folder, bigOut);
    addRow(`cold build, ${large} memos`, s(bigCold.seconds), `${(large / bigCold.seconds).toFixed(2)} memos/s, peak ${mb(bigCold.peakMegabytes)}`);
    addRow(`peak memory ${large} ÷ 100 memos (target ≤ 1.2)`, (bigCold.peakMegabytes / small.peakMegabytes).toFixed(2), `${mb(bigCold.peakMegabytes)} vs ${mb(small.peakMegabytes)}`);
    const bigNoop = await noOps(big, bigOut);
    addRow(`no-op rebuild, ${large} memos (target < 1 s)`, s(bigNoop.seconds), noopNote(bigNoop));
    const bigOne = await oneChanged(big, bigOut);
    addRow(`one changed among ${large} (target: < 1 s besides its print)`, s(bigOne.total), oneChangedNote(bigOne));
    addRow(`one changed among ${large} − one memo alone`, s(bigOne.total - alone.total), `what ${large - 1} unchanged memos add`);
  }

  const width = Math.max(...rows.map(([name]) => name.length));
  process.stdout.write(`\n| measurement${' '.repeat(width - 11)} | value | notes |\n|${'-'.repeat(width + 2)}|---|---|\n`);
  for (const [name, value, note] of rows) process.stdout.write(`| ${name.padEnd(width)} | ${value} | ${note} |\n`);
}

await main();
