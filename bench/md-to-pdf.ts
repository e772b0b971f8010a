// The peer: md-to-pdf 5.2.5, installed on demand outside the repository (its Puppeteer would
// try to download Chrome, so the download is skipped) and pointed at the same browser.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBrowser, launchArguments } from '../pipeline/print/browser.js';
import { measure, type Measurement } from './measure.js';

const version = '5.2.5';
const home = path.join(os.homedir(), '.cache', 'briefing-bench', `md-to-pdf-${version}`);
const bin = path.join(home, 'node_modules', '.bin', 'md-to-pdf');

export function installMdToPdf(): string | undefined {
  if (existsSync(bin)) return bin;
  mkdirSync(home, { recursive: true });
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', home, `md-to-pdf@${version}`], {
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
      stdio: 'ignore',
      timeout: 300_000,
    });
  } catch {
    return undefined;
  }
  return existsSync(bin) ? bin : undefined;
}

/** md-to-pdf over a set of Markdown files (it starts all of them at once), through our browser. */
export async function runMdToPdf(files: string[], timeoutMs: number): Promise<(Measurement & { produced: number }) | undefined> {
  const command = installMdToPdf();
  if (!command) return undefined;
  const launch = JSON.stringify({ executablePath: await findBrowser(), args: launchArguments() });
  const result = await measure(command, [...files, '--launch-options', launch], { timeoutMs });
  const produced = files.filter((file) => existsSync(file.replace(/\.md$/, '.pdf'))).length;
  return { ...result, produced };
}
