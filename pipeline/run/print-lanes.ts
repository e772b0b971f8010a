// The briefings that must be written, through a concurrency limit: every page of the pool busy
// plus one memo being prepared, and no more, so memory stays flat however many briefings there
// are. Memos are transformed and rendered while the browser starts; each waits for it only to
// print. A browser that cannot start (or dies for good) fails the run as a whole: it is thrown.
import pLimit from 'p-limit';
import { pagesFor, type PrintPool } from '../print/pool.js';
import { loadTemplates } from '../render/templates.js';
import { prepareOutputFolder } from './atomic-write.js';
import type { EarlyBrowser } from './early-browser.js';
import { needsPdf, type Candidate } from './plan-outputs.js';
import { writeOutputs, type OutputWriting } from './write-outputs.js';

/** What the lanes hand each briefing's writing, and what they need themselves. */
export interface PrintLanes extends Omit<OutputWriting, 'templates' | 'printer' | 'stopped'> {
  outDir: string;
  browser: EarlyBrowser;
  signal?: AbortSignal;
}

/** Writes every output of `toPrint`; resolves to the pool it printed with (closed), if any. */
export async function printBriefings(toPrint: Candidate[], lanes: PrintLanes): Promise<PrintPool | undefined> {
  // An unwritable output folder is one error before any printing, not one per memo.
  try {
    await prepareOutputFolder(lanes.outDir);
  } catch (error) {
    await lanes.browser.closeUnused();
    throw error;
  }
  const templates = loadTemplates(lanes.config.templatesFolder);
  // A build of .docx files alone starts no browser.
  const poolReady: Promise<PrintPool> = toPrint.some(needsPdf) ? lanes.browser.ready() : Promise.reject(new Error('no PDF to print'));
  poolReady.catch(() => undefined);
  let poolFailure: unknown;
  const printer = async () => {
    const waiting = Date.now();
    const pool = await poolReady.catch((error: unknown) => {
      poolFailure ??= error;
      throw error;
    });
    lanes.browser.times.waitMs = Math.max(lanes.browser.times.waitMs, Date.now() - waiting);
    return pool;
  };
  const stopped = () => Boolean(lanes.signal?.aborted || poolFailure);
  const abort = () => void poolReady.then((ready) => ready.close(), () => undefined);
  lanes.signal?.addEventListener('abort', abort);
  let pool: PrintPool | undefined;
  try {
    const limit = pLimit(pagesFor(toPrint.length, lanes.config.poolSize) + 1);
    const writing = { ...lanes, templates, printer, stopped };
    await Promise.all(toPrint.map((candidate) => limit(() => (stopped() ? undefined : writeOutputs(candidate, writing)))));
    if (poolFailure) throw poolFailure;
  } finally {
    lanes.signal?.removeEventListener('abort', abort);
    const closing = Date.now();
    pool = await poolReady.catch(() => undefined);
    await pool?.close();
    lanes.browser.times.closeMs = Date.now() - closing;
  }
  return pool;
}
