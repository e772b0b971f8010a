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

const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg']);

/**
 * Files of the mounted folders are package files that do not change during a run (fonts and
 * their stylesheets): each is resolved and read once, not once per memo and page.
 */
const mountedFiles = new Map<string, Promise<{ file: string; body: Buffer } | undefined>>();

async function readMounted(candidate: string, folder: string): Promise<{ file: string; body: Buffer } | undefined> {
  const real = await realpath(candidate).catch(() => undefined);
  const folderReal = await realpath(folder).catch(() => folder);
  if (!real || !isInside(real, folderReal)) return undefined;
  const body = await readFile(real).catch(() => undefined);
  return body ? { file: real, body } : undefined;
}

/** Resolves a request to a file and its bytes, or undefined when the document may not load it. */
async function allowedFile(url: string, document: RenderedDocument): Promise<{ file: string; body: Buffer } | undefined> {
  const stylesheet = document.stylesheets?.[url];
  if (stylesheet !== undefined) return { file: new URL(url).pathname, body: Buffer.from(stylesheet) };
  const asset = document.assets.get(url);
  if (asset) {
    const body = await readFile(asset).catch(() => undefined);
    return body ? { file: asset, body } : undefined;
  }
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
    if (mount.images && !imageExtensions.has(path.extname(candidate).toLowerCase())) return undefined;
    let found = mountedFiles.get(candidate);
    if (!found) {
      found = readMounted(candidate, mount.folder);
      mountedFiles.set(candidate, found);
    }
    return found;
  }
  return undefined;
}

export interface Lockdown {
  /** Requests that were refused since the page was locked down. */
  blocked: string[];
  /** Of those, the images (an <img> or a CSS url()): they would print as broken images. */
  blockedImages: string[];
}

export async function lockDownPage(page: Page, current: () => LoadedDocument | undefined): Promise<Lockdown> {
  const lockdown: Lockdown = { blocked: [], blockedImages: [] };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  // Interception turns the cache off; fonts are immutable package files, so keep it on and let
  // each page load a font once rather than once per memo.
  await page.setCacheEnabled(true);

  const refuse = (request: HTTPRequest) => {
    lockdown.blocked.push(request.url());
    if (request.resourceType() === 'image') lockdown.blockedImages.push(request.url());
    return request.abort('blockedbyclient');
  };

  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    // A font or stylesheet the page already holds is served from Chromium's memory cache and
    // never paused, so there is nothing to answer; reading and encoding it again would be waste.
    if ((request as unknown as { _fromMemoryCache?: boolean })._fromMemoryCache === true) return;
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
      const allowed = await allowedFile(url, loaded.document);
      if (!allowed) return refuse(request);
      const { file, body } = allowed;
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
