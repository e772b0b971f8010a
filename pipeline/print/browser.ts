// Finding and starting the one browser a run prints with. Order: PUPPETEER_EXECUTABLE_PATH, an
// installed Chrome or Chromium, then a browser Puppeteer downloaded into its cache. Or connect
// to a browser that already runs elsewhere (a WebSocket endpoint).
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';

export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError';
}

export const installHint =
  'install one with `sudo apt-get install chromium-headless-shell` (Debian/Ubuntu) or `npx @puppeteer/browsers install chrome-headless-shell@stable`, or set PUPPETEER_EXECUTABLE_PATH';

export const systemBrowsers: Record<string, string[]> = {
  // Chromium's headless shell first: on a 2-core machine it started in 0.12 s instead of 0.5 s
  // and printed 40 memos in 4.2–5.6 s instead of 7–8 s, with the same PDFs (Debian package
  // chromium-headless-shell; Puppeteer's chrome-headless-shell).
  linux: [
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
  ],
};

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Debian's /usr/bin/chromium and /usr/bin/chromium-headless-shell are shell wrappers around
 * /usr/lib/chromium/<name>; the binary itself starts quieter and faster. Found from the
 * wrapper's own folder (bin/../lib/chromium), so any prefix works the same.
 */
function unwrapDebianChromium(file: string): string {
  const name = path.basename(file);
  if ((name !== 'chromium' && name !== 'chromium-headless-shell') || path.basename(path.dirname(file)) !== 'bin') return file;
  const binary = path.join(path.dirname(file), '..', 'lib', 'chromium', name);
  try {
    const head = readFileSync(file, { encoding: 'latin1' }).slice(0, 2);
    return head === '#!' && isExecutable(binary) ? binary : file;
  } catch {
    return file;
  }
}

/** `systemCandidates` replaces the fixed install locations (tests use it to find nothing). */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env, systemCandidates: readonly string[] = systemBrowsers[process.platform] ?? []): Promise<string> {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new BrowserUnavailableError(`PUPPETEER_EXECUTABLE_PATH points at "${fromEnv}", which is not an executable; fix the path or unset it`);
  }
  for (const candidate of systemCandidates) {
    if (existsSync(candidate) && isExecutable(candidate)) return unwrapDebianChromium(candidate);
  }
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? path.join(env.HOME ?? os.homedir(), '.cache', 'puppeteer');
  // Loaded only here: a build where nothing changed never pays for Puppeteer's modules.
  const { Browser: BrowserName, getInstalledBrowsers } = await import('@puppeteer/browsers');
  const installed = await getInstalledBrowsers({ cacheDir }).catch(() => []);
  const usable = installed
    .filter((browser) => browser.browser === BrowserName.CHROMEHEADLESSSHELL || browser.browser === BrowserName.CHROME || browser.browser === BrowserName.CHROMIUM)
    .sort((a, b) => Number(b.browser === BrowserName.CHROMEHEADLESSSHELL) - Number(a.browser === BrowserName.CHROMEHEADLESSSHELL) || b.buildId.localeCompare(a.buildId, undefined, { numeric: true }));
  for (const browser of usable) {
    if (isExecutable(browser.executablePath)) return browser.executablePath;
  }
  throw new BrowserUnavailableError(`no Chrome or Chromium found: ${installHint}`);
}

/** Flags for a quiet, offline, reproducible headless browser. */
export function launchArguments(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-default-apps',
    '--disable-extensions',
    '--no-first-run',
    '--no-default-browser-check',
    '--font-render-hinting=none',
    '--disable-dev-shm-usage',
  ];
  // Chromium refuses its sandbox as root; anywhere else it keeps it.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}

export const isHeadlessShell = (executablePath: string) => /headless[-_]shell/i.test(path.basename(executablePath));

export interface BrowserSource {
  /** Connect to a running browser instead of launching one. */
  wsEndpoint?: string;
  executablePath?: string;
}

export async function startBrowser(source: BrowserSource = {}): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core');
  if (source.wsEndpoint) {
    try {
      return await puppeteer.connect({ browserWSEndpoint: source.wsEndpoint, protocolTimeout: 60_000 });
    } catch (error) {
      throw new BrowserUnavailableError(`could not connect to the browser at ${source.wsEndpoint} (${(error as Error).message}); check that it runs and the address is right`);
    }
  }
  const executablePath = source.executablePath ?? (await findBrowser());
  try {
    return await puppeteer.launch({
      executablePath,
      // The headless shell is headless by itself and takes the old mode's flag.
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      args: launchArguments(),
      protocolTimeout: 60_000,
      // Signals are ours to handle: the build closes the browser itself on Ctrl-C.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    const first = ((error as Error).message ?? '').split('\n')[0];
    throw new BrowserUnavailableError(`the browser at ${executablePath} did not start (${first}); ${installHint}`);
  }
}
