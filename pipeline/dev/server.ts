// `briefing dev`'s HTTP face, on 127.0.0.1 only: the index, a live preview per briefing,
// server-sent events, the PDF on demand, and a fixed list of static files. Every response
// carries a strict CSP; the memo itself never reaches the preview as HTML (it arrives as PDF
// pages drawn on a canvas), and it was printed on a page with JavaScript off and every
// request but its own files refused, exactly as in `build`.
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defaultTemplatesFolder, toolRoot } from '../project.js';
import { formatDiagnostic } from '../source/diagnostics.js';
import { isMarkdownFile, markdownExtension } from '../source/discover.js';
import { indexPage, previewPage } from './pages.js';
import { watchFolders, type Watcher } from './watch.js';
import { Workspace, type BriefingState, type WorkspaceOptions } from './workspace.js';

export interface DevServerOptions extends WorkspaceOptions {
  port: number;
  /** Told about every change handled, for the terminal. */
  onLog?: (line: string) => void;
}

export interface DevServer {
  url: string;
  workspace: Workspace;
  close(): Promise<void>;
}

const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const require = createRequire(import.meta.url);
const pdfjsFolder = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'build');
const clientFolder = path.join(toolRoot, 'pipeline', 'dev', 'client');

/** The only files the server reads on a browser's behalf. */
const staticFiles: Record<string, { file: string; type: string }> = {
  'preview.js': { file: path.join(clientFolder, 'preview.js'), type: 'text/javascript; charset=utf-8' },
  'index.js': { file: path.join(clientFolder, 'index.js'), type: 'text/javascript; charset=utf-8' },
  'dev.css': { file: path.join(clientFolder, 'dev.css'), type: 'text/css; charset=utf-8' },
  'pdf.mjs': { file: path.join(pdfjsFolder, 'pdf.min.mjs'), type: 'text/javascript; charset=utf-8' },
  'pdf.worker.mjs': { file: path.join(pdfjsFolder, 'pdf.worker.min.mjs'), type: 'text/javascript; charset=utf-8' },
};

interface Subscriber {
  response: ServerResponse;
  /** The briefing a preview follows; undefined for the index page. */
  key?: string;
}


function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    ...extra,
  });
  response.end(body);
}

/** The briefing key in /preview/a/b.md, /pdf/a/b.md or /print/a/b.md. */
function keyIn(pathname: string, prefix: string): string | undefined {
  try {
    return pathname
      .slice(prefix.length)
      .split('/')
      .map((part) => decodeURIComponent(part))
      .join('/');
  } catch {
    return undefined;
  }
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.onLog ?? (() => undefined);
  const workspace = new Workspace(options);
  await workspace.scan();
  const subscribers = new Set<Subscriber>();
  const watched = (key: string) => [...subscribers].some((subscriber) => subscriber.key === key);

  const event = (subscriber: Subscriber, name: string, data: unknown) => subscriber.response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  workspace.on('changed', (state: BriefingState) => {
    for (const subscriber of subscribers) {
      if (subscriber.key === state.key) event(subscriber, 'briefing', state);
      else if (subscriber.key === undefined) event(subscriber, 'status', state);
    }
  });
  workspace.on('listed', () => {
    for (const subscriber of subscribers) if (subscriber.key === undefined) event(subscriber, 'list', {});
  });

  // Changes are handled one at a time, in the order they were saved.
  let queue = Promise.resolve();
  const handle = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => log(`briefing dev: ${(error as Error).message}`));
  };
  const refresh = async (keys: string[]) => {
    for (const key of new Set(keys)) {
      const state = await workspace.check(key);
      if (state && watched(key)) await workspace.ensurePrinted(key);
      if (state) log(`${key}: ${state.status}`);
    }
  };

  const templatesFolder = path.resolve(options.templatesFolder ?? defaultTemplatesFolder);
  const onContentChange = (file: string) =>
    handle(async () => {
      if (isMarkdownFile(file)) {
        const key = workspace.keyOf(file);
        if (key && existsSync(file)) return refresh([key]);
        await workspace.scan(); // added, removed or renamed
        const added = workspace.keyOf(file);
        if (added && watched(added)) await workspace.ensurePrinted(added);
        return;
      }
      // An image (or another file a briefing reads) changed: the briefings that printed it.
      const real = await realpath(file).catch(() => file);
      await refresh(workspace.dependents(real));
    });
  const onTemplateChange = (file: string) =>
    handle(async () => {
      workspace.reloadTemplates(file);
      const real = await realpath(file).catch(() => file);
      const open = workspace.list().filter((state) => watched(state.key));
      // A new template file, or a preview whose last print failed, may depend on it too.
      const dependents = workspace.dependents(real);
      const stuck = open.filter((state) => state.pdfVersion === undefined || state.messages.some((message) => message.rule === 'template' || message.rule === 'print'));
      await refresh([...(dependents.length > 0 ? dependents.filter(watched) : open.map((state) => state.key)), ...stuck.map((state) => state.key)]);
    });

  const roots = await workspace.roots();
  const watchers: Watcher[] = [watchFolders(roots.filter((folder) => existsSync(folder)), onContentChange), watchFolders([templatesFolder], onTemplateChange)];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void route(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `briefing dev: ${(error as Error).message}\n`);
      else response.end();
    });
  });

  let port = options.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Another site in the browser could point a name at 127.0.0.1 (DNS rebinding): answer
    // only requests addressed to this server by its own name.
    if (!allowedHosts().has(request.headers.host ?? '')) return send(response, 403, 'text/plain; charset=utf-8', 'briefing dev answers only to 127.0.0.1\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'only GET\n', { allow: 'GET, HEAD' });
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const { pathname } = url;

    if (pathname === '/') return send(response, 200, 'text/html; charset=utf-8', indexPage(workspace.list()));
    if (pathname.startsWith('/static/')) {
      const entry = staticFiles[pathname.slice('/static/'.length)];
      if (!entry) return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
      return send(response, 200, entry.type, await readFile(entry.file));
    }
    if (pathname === '/events') return subscribe(request, response, url.searchParams.get('briefing') ?? undefined);

    for (const prefix of ['/preview/', '/pdf/', '/print/']) {
      if (!pathname.startsWith(prefix)) continue;
      const key = keyIn(pathname, prefix);
      const state = key === undefined ? undefined : workspace.state(key);
      if (!key || !state) return send(response, 404, 'text/plain; charset=utf-8', 'no such briefing; see the list at /\n');
      if (prefix === '/preview/') return send(response, 200, 'text/html; charset=utf-8', previewPage(state));
      if (prefix === '/pdf/') {
        const bytes = workspace.lastGoodPdf(key);
        if (!bytes) return send(response, 404, 'text/plain; charset=utf-8', 'not printed yet\n');
        return send(response, 200, 'application/pdf', bytes);
      }
      const printed = await workspace.printNow(key);
      if ('bytes' in printed) {
        const name = path.basename(key).replace(markdownExtension, '.pdf').replace(/[^\w.-]/g, '_');
        return send(response, 200, 'application/pdf', printed.bytes, { 'content-disposition': `inline; filename="${name}"` });
      }
      const lines = printed.messages.map(formatDiagnostic);
      return send(response, 409, 'text/plain; charset=utf-8', `The briefing has errors and was not printed:\n\n${lines.join('\n')}\n`);
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
  }

  async function subscribe(request: IncomingMessage, response: ServerResponse, key: string | undefined): Promise<void> {
    if (key !== undefined && !workspace.state(key)) return send(response, 404, 'text/plain; charset=utf-8', 'no such briefing\n');
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
    });
    response.write('retry: 500\n\n');
    const subscriber: Subscriber = { response, key };
    subscribers.add(subscriber);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    request.on('close', () => {
      clearInterval(keepAlive);
      subscribers.delete(subscriber);
    });
    if (key === undefined) return;
    // The current state at once (the check is already done), then the pages when printed.
    event(subscriber, 'briefing', workspace.state(key));
    handle(async () => {
      const before = workspace.state(key)?.pdfVersion;
      const state = await workspace.ensurePrinted(key);
      if (state && state.pdfVersion === before && subscribers.has(subscriber)) event(subscriber, 'briefing', state);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    workspace,
    async close() {
      for (const watcher of watchers) watcher.close();
      for (const subscriber of subscribers) subscriber.response.end();
      subscribers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workspace.close();
    },
  };
}
