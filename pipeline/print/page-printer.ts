// One reused browser page that prints documents one after another. Reusing a page saves the
// ~270 ms of newPage() per memo and keeps fonts in its cache; reproducibility is restored
// afterwards by the post-pass (see postprocess.ts).
import type { Browser, Page } from 'puppeteer-core';
import { assetOrigin } from '../asset-origin.js';
import type { RenderedDocument } from '../types.js';
import { lockDownPage, type LoadedDocument, type Lockdown } from './lockdown.js';
import { brokenImagesScript, unloadedImageMessage, UnloadedImageError, type UnloadedImage } from './unloaded-images.js';

export class PrintTimeoutError extends Error {
  override name = 'PrintTimeoutError';
}

const timeoutMessage = (timeoutMs: number) => {
  const seconds = timeoutMs >= 10_000 ? String(Math.round(timeoutMs / 1000)) : String(Math.round(timeoutMs / 100) / 10);
  return `printing took longer than ${seconds} s and was stopped; shorten the memo (a very long table, a huge image) or raise print_timeout_seconds in briefing.config.yml`;
};

export class PagePrinter {
  private loaded: LoadedDocument | undefined;
  private serial = 0;

  /** How many documents this page has printed: the pool replaces a page after a while. */
  get printed(): number {
    return this.serial;
  }

  private constructor(
    readonly page: Page,
    readonly lockdown: Lockdown,
  ) {}

  static async open(browser: Browser): Promise<PagePrinter> {
    const page = await browser.newPage();
    let printer: PagePrinter | undefined;
    const lockdown = await lockDownPage(page, () => printer?.loaded);
    printer = new PagePrinter(page, lockdown);
    return printer;
  }

  /** Loads the document and prints it; resolves to Chromium's PDF bytes, before the post-pass. */
  async print(document: RenderedDocument, timeoutMs: number): Promise<Uint8Array> {
    this.serial += 1;
    this.lockdown.blockedImages.length = 0;
    const url = `${assetOrigin}/document/${this.serial}.html`;
    this.loaded = { url, document };
    const deadline = Date.now() + timeoutMs;
    const remaining = () => Math.max(1, deadline - Date.now());
    // One deadline for the whole print: loading, waiting for fonts and page.pdf alike (waiting
    // for fonts has no timeout of its own), so no step can hang the memo past it.
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintTimeoutError(timeoutMessage(timeoutMs))), timeoutMs);
    });
    const printing = (async () => {
      await this.page.goto(url, { waitUntil: 'load', timeout: remaining() });
      // font-display: swap would print the fallback face; wait until every face is in.
      await this.page.evaluate('document.fonts.ready.then(() => true)');
      const unloaded = [
        ...((await this.page.evaluate(brokenImagesScript)) as UnloadedImage[]),
        ...this.lockdown.blockedImages.splice(0).map((url) => ({ written: '', url })),
      ];
      if (unloaded.length > 0 && !document.allowUnloadedImages) throw new UnloadedImageError(unloadedImageMessage(unloaded, document));
      return this.page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: false,
        timeout: remaining(),
      });
    })();
    printing.catch(() => undefined); // it may fail after the deadline already answered
    try {
      return await Promise.race([printing, expired]);
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') throw new PrintTimeoutError(timeoutMessage(timeoutMs));
      throw error;
    } finally {
      clearTimeout(timer);
      this.loaded = undefined;
    }
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}
