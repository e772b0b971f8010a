// Browser discovery: PUPPETEER_EXECUTABLE_PATH first, then installed browsers, then Puppeteer's
// own cache; when nothing is usable, one error that names the command which fixes it.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserUnavailableError, findBrowser, installHint, startBrowser, systemBrowsers } from '../../pipeline/print/browser.js';
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

  /** Debian's layout under a temporary prefix: PREFIX/bin/NAME, a shell wrapper, and PREFIX/lib/chromium/NAME. */
  function debianChromium(prefix: string, name: string, options: { binary?: boolean; wrapper?: string } = {}) {
    const bin = path.join(prefix, 'bin');
    const lib = path.join(prefix, 'lib', 'chromium');
    mkdirSync(bin, { recursive: true });
    mkdirSync(lib, { recursive: true });
    const wrapper = path.join(bin, name);
    writeFileSync(wrapper, options.wrapper ?? `#!/bin/sh
exec ${path.join(lib, name)} "$@"
`, { mode: 0o755 });
    return { wrapper, binary: options.binary === false ? path.join(lib, name) : fakeExecutable(lib, name) };
  }

  it("uses the binary behind Debian's chromium wrapper, found from the wrapper's folder", async () => {
    const { wrapper, binary } = debianChromium(tempFolder('briefing-usr-'), 'chromium');
    expect(await findBrowser(emptyCache(), [wrapper])).toBe(binary);
  });

  it("prefers Debian's headless shell, through its wrapper, to the full browser listed after it", async () => {
    const prefix = tempFolder('briefing-usr-');
    const shell = debianChromium(prefix, 'chromium-headless-shell');
    const full = debianChromium(prefix, 'chromium');
    expect(await findBrowser(emptyCache(), [shell.wrapper, full.wrapper])).toBe(shell.binary);
  });

  it('keeps the wrapper when no binary is beside it, or when it is not a script', async () => {
    const lonely = debianChromium(tempFolder('briefing-usr-'), 'chromium', { binary: false });
    expect(await findBrowser(emptyCache(), [lonely.wrapper])).toBe(lonely.wrapper);
    const notAScript = debianChromium(tempFolder('briefing-usr-'), 'chromium', { wrapper: '\x7fELF not a script' });
    expect(await findBrowser(emptyCache(), [notAScript.wrapper])).toBe(notAScript.wrapper);
  });

  it("lists the headless shell first on Linux, and GitHub runners' preinstalled Chrome", () => {
    const linux = systemBrowsers.linux!;
    expect(linux.indexOf('/usr/bin/chromium-headless-shell')).toBe(0);
    expect(linux.indexOf('/usr/bin/chromium-headless-shell')).toBeLessThan(linux.indexOf('/usr/bin/chromium'));
    expect(linux).toContain('/usr/bin/google-chrome');
  });

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
