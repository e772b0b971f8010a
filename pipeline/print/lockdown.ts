// The printed page may load only what the document was rendered with: its own HTML, the
// images the transform allowed (exact files) and the font packages (exact folders). Every
// other request — network, file://, another folder — is aborted here, whatever the HTML says.
// JavaScript is off as well; the HTML's CSP and the sanitiser are two more layers, not the wall.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { isInside } from '../paths.js';
import type { RenderedDocument } from '../types.js';

export interface LoadedDocument {
  url: string;
  document: RenderedDocument;
}

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** Resolves a request to a file on disk, or undefined when the document may not load it. */
async function allowedFile(url: string, document: RenderedDocument): Promise<string | undefined> {
  const asset = document.assets.get(url);
  if (asset) return asset;
  const bare = url.split(/[?#]/)[0] ?? url;
  for (const mount of document.mounts) {
    if (!bare.startsWith(mount.prefix)) continue;
    let relative: string;
    try {
      relative = decodeURIComponent(bare.slice(mount.prefix.length));
    } catch {
      return undefined;
    }
    const candidate = path.resolve(mount.folder, relative);
    if (!isInside(candidate, mount.folder)) return undefined;
    const real = await realpath(candidate).catch(() => undefined);
    const folderReal = await realpath(mount.folder).catch(() => mount.folder);
    return real && isInside(real, folderReal) ? real : undefined;
  }
  return undefined;
}

export interface Lockdown {
  /** Requests that were refused since the page was locked down. */
  blocked: string[];
}

export async function lockDownPage(page: Page, current: () => LoadedDocument | undefined): Promise<Lockdown> {
  const lockdown: Lockdown = { blocked: [] };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  // Interception turns the cache off; fonts are immutable package files, so keep it on and let
  // each page load a font once rather than once per memo.
  await page.setCacheEnabled(true);

  const refuse = (request: HTTPRequest) => {
    lockdown.blocked.push(request.url());
    return request.abort('blockedbyclient');
  };

  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    void (async () => {
      const loaded = current();
      const url = request.url();
      if (!loaded) return refuse(request);
      if (url === loaded.url) {
        return request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'cache-control': 'no-store' },
          body: loaded.document.html,
        });
      }
      if (request.isNavigationRequest()) {
        // A navigation away (meta refresh, a frame) is answered "204 No Content": the browser
        // then stays on the document. Aborting it would show an error page in its place.
        lockdown.blocked.push(url);
        return request.respond({ status: 204, body: '' });
      }
      const file = await allowedFile(url, loaded.document);
      if (!file) return refuse(request);
      const body = await readFile(file).catch(() => undefined);
      if (!body) return refuse(request);
      return request.respond({
        status: 200,
        contentType: contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        headers: { 'cache-control': 'max-age=31536000, immutable', 'access-control-allow-origin': '*' },
        body,
      });
    })().catch(() => undefined);
  });
  return lockdown;
}
