// Browser discovery: PUPPETEER_EXECUTABLE_PATH first, then installed browsers, then Puppeteer's
// own cache; when nothing is usable, one error that names the command which fixes it.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserUnavailableError, findBrowser, installHint, startBrowser } from '../../pipeline/print/browser.js';
import { tempFolder } from '../support/fixtures.js';

/** An executable that is not a browser: enough for discovery, which never starts it. */
function fakeExecutable(folder = tempFolder(), name = 'chrome'): string {
  const file = path.join(folder, name);
  writeFileSync(file, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  return file;
}

const emptyCache = () => ({ PUPPETEER_CACHE_DIR: tempFolder('briefing-empty-cache-') });

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason as Error,
  );
  expect(error).toBeInstanceOf(BrowserUnavailableError);
  return error!;
}

describe('findBrowser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH before any installed browser', async () => {
    const chosen = fakeExecutable();
    const installed = fakeExecutable();
    expect(await findBrowser({ ...emptyCache(), PUPPETEER_EXECUTABLE_PATH: chosen }, [installed])).toBe(chosen);
  });

  it('refuses a PUPPETEER_EXECUTABLE_PATH that does not exist, naming it and the fix', async () => {
    const error = await failure(findBrowser({ ...emptyCache(), PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' }, [fakeExecutable()]));
    expect(error.message).toBe('PUPPETEER_EXECUTABLE_PATH points at "/nonexistent/chrome", which is not an executable; fix the path or unset it');
  });

  it('refuses a PUPPETEER_EXECUTABLE_PATH that is not executable', async () => {
    const file = fakeExecutable();
    chmodSync(file, 0o644);
    const error = await failure(findBrowser({ PUPPETEER_EXECUTABLE_PATH: file }, []));
    expect(error.message).toContain(`"${file}", which is not an executable`);
  });

  it('takes the first installed browser that exists', async () => {
    const installed = fakeExecutable();
    expect(await findBrowser(emptyCache(), ['/nonexistent/chromium', installed])).toBe(installed);
  });

  it('falls back to a browser Puppeteer downloaded into its cache', async () => {
    const cache = tempFolder('briefing-cache-');
    const folder = path.join(cache, 'chrome-headless-shell/linux-131.0.6778.85/chrome-headless-shell-linux64');
    mkdirSync(folder, { recursive: true });
    const downloaded = fakeExecutable(folder, 'chrome-headless-shell');
    expect(await findBrowser({ PUPPETEER_CACHE_DIR: cache }, ['/nonexistent/chromium'])).toBe(downloaded);
  });

  it('says in one line which command installs a browser when none is found', async () => {
    const error = await failure(findBrowser(emptyCache(), ['/nonexistent/chromium']));
    expect(error.message).toBe(`no Chrome or Chromium found: ${installHint}`);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('sudo apt-get install chromium');
    expect(error.message).toContain('npx @puppeteer/browsers install chrome-headless-shell@stable');
    expect(error.message).toContain('PUPPETEER_EXECUTABLE_PATH');
  });

  it.runIf(existsSync('/usr/bin/chromium') && existsSync('/usr/lib/chromium/chromium'))(
    'uses the binary behind Debian\'s /usr/bin/chromium wrapper',
    async () => {
      expect(await findBrowser(emptyCache(), ['/usr/bin/chromium'])).toBe('/usr/lib/chromium/chromium');
    },
  );

  it.runIf(existsSync('/usr/bin/chromium-headless-shell') && existsSync('/usr/lib/chromium/chromium-headless-shell'))(
    'prefers Debian\'s headless shell, through its wrapper, to the full browser',
    async () => {
      expect(await findBrowser(emptyCache())).toBe('/usr/lib/chromium/chromium-headless-shell');
    },
  );
});

describe('startBrowser', () => {
  it('turns a program that is not a browser into an error that names it and the fix', async () => {
    const notABrowser = fakeExecutable();
    const error = await failure(startBrowser({ executablePath: notABrowser }));
    expect(error.message).toMatch(new RegExp(`^the browser at ${notABrowser} did not start \\(.+\\); install one with`));
    expect(error.message).not.toContain('\n');
  });
});
