// One reused browser page that prints documents one after another. Reusing a page saves the
// ~270 ms of newPage() per memo and keeps fonts in its cache; reproducibility is restored
// afterwards by the post-pass (see postprocess.ts).
import type { Browser, Page } from 'puppeteer-core';
import { assetOrigin } from '../transform/processor.js';
import type { RenderedDocument } from '../types.js';
import { lockDownPage, type LoadedDocument, type Lockdown } from './lockdown.js';

export class PrintTimeoutError extends Error {
  override name = 'PrintTimeoutError';
}

export class PagePrinter {
  private loaded: LoadedDocument | undefined;
  private serial = 0;

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
    this.loaded = { url: `${assetOrigin}/document/${this.serial}.html`, document };
    const deadline = Date.now() + timeoutMs;
    const remaining = () => Math.max(1, deadline - Date.now());
    try {
      await this.page.goto(this.loaded.url, { waitUntil: 'load', timeout: remaining() });
      // font-display: swap would print the fallback face; wait until every face is in.
      await this.page.evaluate('document.fonts.ready.then(() => true)');
      return await this.page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: false,
        timeout: remaining(),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new PrintTimeoutError(`printing took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; shorten the memo or raise printTimeoutSeconds in briefing.config.yml`);
      }
      throw error;
    } finally {
      this.loaded = undefined;
    }
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}
