// One browser for the whole run and a bounded pool of reused pages. A memo waits for a free
// page; a memo that times out gets its page replaced; a browser that crashes is started again
// and the memo retried once, so one bad memo never stops the others.
import os from 'node:os';
import type { Browser } from 'puppeteer-core';
import type { RenderedDocument } from '../types.js';
import { startBrowser, type BrowserSource } from './browser.js';
import { PagePrinter, PrintTimeoutError } from './page-printer.js';

export interface PrintPoolOptions {
  /**
   * Pages printing at once (default: one more than the cores, at most 4). A promise lets the
   * browser start before the caller knows how many memos there are to print.
   */
  size?: number | Promise<number>;
  timeoutMs?: number;
  browser?: BrowserSource;
}

export class BrowserCrashError extends Error {
  override name = 'BrowserCrashError';
}

export class PoolClosedError extends Error {
  override name = 'PoolClosedError';
  constructor() {
    super('the run was stopped before this memo was printed');
  }
}

/**
 * Prints after which a page is closed and a fresh one opened in its place: a reused page keeps
 * something of every document it printed, in memory and in print time (measurements in the
 * README's Performance section).
 */
export const printsPerPage = 40;

/** One page more than cores: while one page waits on Node (post-pass, next memo), the others print. */
export const defaultPoolSize = () => Math.max(1, Math.min(4, os.availableParallelism() + 1));

/** Pages for a run: the configured or default pool size, but no more than memos to print. */
export const pagesFor = (memos: number, configured?: number) => Math.max(1, Math.min(configured ?? defaultPoolSize(), memos));

/** A browser we connected to keeps running for its owner; one we launched is closed. */
const letGo = (browser: Browser, source: BrowserSource) => (source.wsEndpoint ? browser.disconnect() : browser.close()).catch(() => undefined);

export class PrintPool {
  private browser: Browser | undefined;
  private idle: PagePrinter[] = [];
  private waiting: { resolve: (printer: PagePrinter) => void; reject: (error: Error) => void }[] = [];
  private restarting: Promise<void> | undefined;
  private closed = false;
  /** Why the browser could not be started again after a crash. */
  private failure: Error | undefined;
  browserVersion = '';
  /** Requests refused by the lock-down, across all pages (the tests read it). */
  readonly blockedRequests: string[] = [];

  private constructor(
    readonly size: number,
    private readonly timeoutMs: number,
    private readonly source: BrowserSource,
  ) {}

  static async start(options: PrintPoolOptions = {}): Promise<PrintPool> {
    const browser = await startBrowser(options.browser ?? {});
    let size: number;
    try {
      size = await (options.size ?? defaultPoolSize());
    } catch (error) {
      await letGo(browser, options.browser ?? {});
      throw error;
    }
    const pool = new PrintPool(size, options.timeoutMs ?? 60_000, options.browser ?? {});
    await pool.launch(browser);
    return pool;
  }

  get browserProcessId(): number | undefined {
    return this.browser?.process()?.pid ?? undefined;
  }

  private async launch(started?: Browser): Promise<void> {
    const browser = started ?? (await startBrowser(this.source));
    if (this.closed) {
      // Stopped while the browser was starting: do not leave it running.
      await letGo(browser, this.source);
      throw new PoolClosedError();
    }
    this.browser = browser;
    this.browserVersion = await browser.version();
    const printers = await Promise.all(Array.from({ length: this.size }, () => PagePrinter.open(browser)));
    this.idle = [];
    for (const printer of printers) this.release(printer);
  }

  private acquire(): Promise<PagePrinter> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    if (this.failure) return Promise.reject(this.failure);
    const printer = this.idle.pop();
    if (printer) return Promise.resolve(printer);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(printer: PagePrinter): void {
    if (printer.page.browser() !== this.browser) return; // from a browser that is gone
    const next = this.waiting.shift();
    if (next) next.resolve(printer);
    else this.idle.push(printer);
  }

  /**
   * Starts a new browser (or connects again) in place of `dead`, which is let go as `close`
   * does: closed if we launched it, disconnected if it is someone else's. Several memos see one
   * crash; only the first restarts, and a memo that hears of the crash late must not kill the
   * new browser.
   */
  private async restart(dead: Browser | undefined): Promise<void> {
    if (this.restarting) return this.restarting;
    if (this.browser !== dead && this.browserAlive) return;
    this.restarting = (async () => {
      const old = this.browser;
      this.browser = undefined;
      if (old) await letGo(old, this.source);
      if (this.closed) return;
      const waiters = this.waiting;
      this.waiting = [];
      try {
        await this.launch();
      } catch (error) {
        // No browser any more: every memo still to print fails with the reason, none waits forever.
        this.failure = error as Error;
        for (const waiter of waiters) waiter.reject(this.failure);
        throw error;
      }
      for (const waiter of waiters) {
        const printer = this.idle.pop();
        if (printer) waiter.resolve(printer);
        else this.waiting.push(waiter);
      }
    })().finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  /** Replaces a page that has printed enough with a fresh one, off the memo's critical path. */
  private async renew(printer: PagePrinter, browser: Browser): Promise<void> {
    await printer.close();
    const fresh = await PagePrinter.open(browser).catch(() => undefined);
    if (fresh) this.release(fresh);
    else if (!this.closed) await this.restart(browser).catch(() => undefined);
  }

  private get browserAlive(): boolean {
    return Boolean(this.browser?.connected);
  }

  /** Prints one document; resolves to Chromium's PDF bytes. */
  async print(document: RenderedDocument): Promise<Uint8Array> {
    let crashes = 0;
    for (;;) {
      if (this.restarting) await this.restarting;
      const printer = await this.acquire();
      const browser = printer.page.browser();
      if (browser !== this.browser || !browser.connected) {
        // A page of a browser that died between memos: not this memo's fault, and not a try.
        await this.restart(browser);
        continue;
      }
      try {
        const bytes = await printer.print(document, this.timeoutMs);
        this.blockedRequests.push(...printer.lockdown.blocked.splice(0));
        if (printer.printed >= printsPerPage) void this.renew(printer, browser);
        else this.release(printer);
        return bytes;
      } catch (error) {
        this.blockedRequests.push(...printer.lockdown.blocked.splice(0));
        if (this.closed) throw error;
        if (!browser.connected || /Target closed|Session closed|Connection closed|detached|Protocol error.*closed/i.test(String(error))) {
          crashes += 1;
          await this.restart(browser);
          if (crashes >= 2) throw new BrowserCrashError('the browser crashed twice while printing this memo, so it was not printed; look for an unusually long table or a very large image');
          continue;
        }
        if (error instanceof PrintTimeoutError) {
          // The page may still be busy with the memo: replace it with a fresh one.
          await printer.close();
          const replacement = await PagePrinter.open(browser).catch(() => undefined);
          if (replacement) this.release(replacement);
          else await this.restart(browser);
          throw error;
        }
        this.release(printer);
        throw error;
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    // Memos still waiting for a page would wait forever (and keep the run from ending).
    for (const waiter of this.waiting.splice(0)) waiter.reject(new PoolClosedError());
    const browser = this.browser;
    this.browser = undefined;
    if (!browser) return;
    await letGo(browser, this.source);
  }
}
