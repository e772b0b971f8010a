// The browser starts the moment the first briefing turns out to need printing, while the others
// are still being hashed: in a one-memo rebuild its launch is most of the wait. Its failure only
// matters if something does need printing (the print step then fails the run with it).
import type { PrintPool } from '../print/pool.js';

export interface EarlyBrowserSettings {
  poolSize?: number;
  printTimeoutMs?: number;
  wsEndpoint?: string;
  /** A run that was interrupted starts no browser. */
  signal?: AbortSignal;
}

export class EarlyBrowser {
  /** How long starting (launch and pages) took, how long closing took, and the longest wait for it. */
  readonly times = { startMs: 0, closeMs: 0, waitMs: 0 };
  private starting: Promise<PrintPool> | undefined;
  private countKnown: (count: number) => void = () => undefined;
  private readonly memoCount = new Promise<number>((resolve) => (this.countKnown = resolve));

  constructor(private readonly settings: EarlyBrowserSettings) {}

  /** A briefing needs its PDF printed: start the browser now, unless it is starting already. */
  needed(): void {
    if (this.starting || this.settings.signal?.aborted) return;
    this.starting = this.start();
    this.starting.catch(() => undefined);
  }

  /** How many memos will print, once known: the pool opens no more pages than that. */
  memosToPrint(count: number): void {
    this.countKnown(count);
  }

  /** The pool to print with, started now if no briefing asked for it while being planned. */
  ready(): Promise<PrintPool> {
    this.starting ??= this.start();
    return this.starting;
  }

  /** Closes a browser that was started but will print nothing (nothing to print, or an error). */
  async closeUnused(): Promise<void> {
    await this.starting?.then(
      (unused) => unused.close(),
      () => undefined,
    );
  }

  private async start(): Promise<PrintPool> {
    const { PrintPool, pagesFor } = await import('../print/pool.js');
    const launched = Date.now();
    const size = this.memoCount.then((count) => pagesFor(count, this.settings.poolSize));
    const pool = await PrintPool.start({ size, timeoutMs: this.settings.printTimeoutMs, browser: { wsEndpoint: this.settings.wsEndpoint } });
    this.times.startMs = Date.now() - launched;
    return pool;
  }
}
