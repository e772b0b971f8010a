// No usable browser: exit 3 and one line that names the fix, before any PDF is written.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemBrowsers } from '../../pipeline/print/browser.js';
import { briefingBin, projectRoot, runCli, type CliResult } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';

const installCommands = 'install one with `sudo apt-get install chromium-headless-shell` (Debian/Ubuntu) or `npx @puppeteer/browsers install chrome-headless-shell@stable`, or set PUPPETEER_EXECUTABLE_PATH';

function briefingsAndOut() {
  const folder = writeTree({ 'memo.md': memo({ id: 'NO-BROWSER-1' }) });
  return { folder, out: path.join(tempFolder(), 'out') };
}

const pdfsIn = (folder: string) => (existsSync(folder) ? (readdirSync(folder, { recursive: true }) as string[]).filter((name) => name.endsWith('.pdf')) : []);

describe('briefing build without a usable browser', () => {
  it('exits 3 when PUPPETEER_EXECUTABLE_PATH points nowhere, naming the path and the fix', async () => {
    const { folder, out } = briefingsAndOut();
    const result = await runCli(['build', folder, '--out', out], { env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent' } });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('briefing: PUPPETEER_EXECUTABLE_PATH points at "/nonexistent", which is not an executable; fix the path or unset it\n');
    expect(pdfsIn(out)).toEqual([]);
  });

  it('exits 3 when the program found is not a browser, with the install commands', async () => {
    const { folder, out } = briefingsAndOut();
    const notABrowser = path.join(writeTree({ 'chrome': '#!/bin/sh\nexit 1\n' }), 'chrome');
    chmodSync(notABrowser, 0o755);
    const result = await runCli(['build', folder, '--out', out], { env: { PUPPETEER_EXECUTABLE_PATH: notABrowser } });
    expect(result.code).toBe(3);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^briefing: the browser at ${notABrowser} did not start \\(.*\\); `));
    expect(result.stderr.trimEnd().endsWith(installCommands)).toBe(true);
    expect(pdfsIn(out)).toEqual([]);
  });

  // Hiding the installed browsers needs a private mount namespace (root on Linux); where that is
  // not allowed, the same message is proven in test/unit/print-browser.test.ts.
  const installed = (systemBrowsers[process.platform] ?? []).filter((file) => existsSync(file));
  const canHide = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;

  it.runIf(canHide)('exits 3 when no browser is installed anywhere, with the install commands', async () => {
    const { folder, out } = briefingsAndOut();
    const home = tempFolder('briefing-home-');
    // /dev/null over each installed browser: it exists but is not executable, as if uninstalled.
    const hide = installed.map((file) => `mount --bind /dev/null '${file}'`).join(' && ');
    const script = `${hide || 'true'} && exec '${process.execPath}' '${briefingBin}' build '${folder}' --out '${out}'`;
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NO_COLOR: '1' };
    delete env.PUPPETEER_EXECUTABLE_PATH;
    delete env.PUPPETEER_CACHE_DIR;
    const result = await new Promise<CliResult>((resolve, reject) => {
      const child = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    expect(result.stderr).toBe(`briefing: no Chrome or Chromium found: ${installCommands}\n`);
    expect(result.code).toBe(3);
    expect(pdfsIn(out)).toEqual([]);
  });
});
