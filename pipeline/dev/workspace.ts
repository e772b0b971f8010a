// What the dev server knows about the briefings it serves: each one's latest check (status and
// messages, no browser) and its last good printed PDF. A save is checked at once; a briefing
// that someone is looking at is printed again through one page pool, the same as `build`'s.
import { EventEmitter } from 'node:events';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { checkBriefing } from '../lint/check-briefing.js';
import { PrintPool } from '../print/pool.js';
import { loadTemplates, type TemplateSet } from '../render/templates.js';
import type { BriefingConfig } from '../source/config.js';
import { briefingFile, diagnosticsOf, reportError, type Diagnostic } from '../source/diagnostics.js';
import { discoverBriefings, isMarkdownFile, type FoundBriefing } from '../source/discover.js';
import { loadBriefing } from '../source/load.js';
import type { Briefing, TransformedBody } from '../types.js';
import { statusOf, templateDiagnostic, type BriefingStatus } from './diagnostics.js';
import { printPreview, renderPreview } from './render.js';

/** What a browser is told about one briefing. */
export interface BriefingState {
  key: string;
  title: string;
  status: BriefingStatus;
  messages: Diagnostic[];
  /** Bumped on every check. */
  version: number;
  /** The check version the last good PDF was printed from; undefined before the first print. */
  pdfVersion?: number;
}

interface Entry {
  found: FoundBriefing;
  state: BriefingState;
  briefing?: Briefing;
  body?: TransformedBody;
  /** Messages of the last render or print, kept apart from the check's own. */
  printMessages: Diagnostic[];
  good?: { version: number; bytes: Uint8Array };
  /** Template and asset files the last print depended on (absolute, real paths). */
  inputs: string[];
  printing?: Promise<void>;
}

export interface WorkspaceOptions {
  paths: string[];
  cwd: string;
  config: BriefingConfig;
  templatesFolder?: string;
  browserWsEndpoint?: string;
}

const toKey = (cwd: string, file: string) => path.relative(cwd, file).split(path.sep).join('/');

export class Workspace extends EventEmitter<{ changed: [BriefingState]; listed: [] }> {
  private readonly entries = new Map<string, Entry>();
  private templates: TemplateSet | undefined;
  private templateError: Diagnostic | undefined;
  private lastChangedTemplate: string | undefined;
  private pool: Promise<PrintPool> | undefined;
  private closed = false;

  constructor(private readonly options: WorkspaceOptions) {
    super();
  }

  /** Folders the briefings live in: what the content watcher watches. */
  async roots(): Promise<string[]> {
    const discovery = await discoverBriefings(this.options.paths, this.options.cwd);
    const named = this.options.paths.map((given) => path.resolve(this.options.cwd, given));
    return [...new Set([...discovery.briefings.map((found) => found.root), ...named.filter((folder) => !isMarkdownFile(folder))])];
  }

  /** Finds every briefing again (a file was added or removed) and checks the new ones. */
  async scan(): Promise<void> {
    const discovery = await discoverBriefings(this.options.paths, this.options.cwd);
    const seen = new Set<string>();
    for (const found of discovery.briefings) {
      const key = toKey(this.options.cwd, found.path);
      seen.add(key);
      if (!this.entries.has(key)) {
        this.entries.set(key, { found, state: { key, title: found.relative, status: 'ok', messages: [], version: 0 }, printMessages: [], inputs: [] });
        await this.check(key);
      }
    }
    let removed = false;
    for (const key of this.entries.keys()) if (!seen.has(key)) (this.entries.delete(key), (removed = true));
    if (removed || seen.size !== 0) this.emit('listed');
  }

  list(): BriefingState[] {
    return [...this.entries.values()].map((entry) => entry.state).sort((a, b) => a.key.localeCompare(b.key));
  }

  state(key: string): BriefingState | undefined {
    return this.entries.get(key)?.state;
  }

  /** The key of the briefing stored at `file`, if it is one. */
  keyOf(file: string): string | undefined {
    const key = toKey(this.options.cwd, file);
    return this.entries.has(key) ? key : undefined;
  }

  /** Briefings whose last print read `file` (a template, a stylesheet, an image). */
  dependents(file: string): string[] {
    return [...this.entries.entries()].filter(([, entry]) => entry.inputs.includes(file)).map(([key]) => key);
  }

  /** Reads the briefing from disk and runs every check of `check`; no browser. */
  async check(key: string): Promise<BriefingState | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const { cwd, config } = this.options;
    const bytes = await readFile(entry.found.path).catch(() => undefined);
    if (!bytes) {
      const file = briefingFile(entry.found.path, cwd);
      reportError(file, 'the file cannot be read (was it moved or deleted?)', undefined, 'read');
      this.update(entry, { messages: diagnosticsOf(file), briefing: undefined, body: undefined });
      return entry.state;
    }
    const loaded = loadBriefing({ ...entry.found, bytes }, cwd, config.markings, config.houses);
    const body = await checkBriefing(loaded, config);
    this.update(entry, { messages: diagnosticsOf(loaded.file), briefing: loaded.briefing, body });
    return entry.state;
  }

  private update(entry: Entry, checked: { messages: Diagnostic[]; briefing?: Briefing; body?: TransformedBody }): void {
    entry.briefing = checked.briefing;
    entry.body = checked.body;
    entry.printMessages = [];
    const messages = checked.messages;
    entry.state = {
      ...entry.state,
      title: checked.briefing?.frontmatter.title ?? entry.state.title,
      messages,
      status: statusOf(messages),
      version: entry.state.version + 1,
    };
    this.emit('changed', entry.state);
  }

  /** A file under the templates folder changed: load them again, and say which briefings care. */
  reloadTemplates(changed?: string): void {
    this.lastChangedTemplate = changed ? toKey(this.options.cwd, changed) : this.lastChangedTemplate;
    this.templates = undefined;
    this.templateError = undefined;
  }

  private currentTemplates(): TemplateSet {
    if (!this.templates) {
      try {
        this.templates = loadTemplates(this.options.templatesFolder);
      } catch (error) {
        this.templateError = templateDiagnostic(error, this.lastChangedTemplate);
        throw error;
      }
    }
    return this.templates;
  }

  private startPool(): Promise<PrintPool> {
    this.pool ??= PrintPool.start({ size: 1, timeoutMs: this.options.config.printTimeoutMs, browser: { wsEndpoint: this.options.browserWsEndpoint } });
    this.pool.catch(() => (this.pool = undefined));
    return this.pool;
  }

  /**
   * Prints the briefing's current version unless it has errors or is printed already; keeps
   * going while saves arrive during a print, so the last one always ends up on screen.
   */
  async ensurePrinted(key: string): Promise<BriefingState | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    while (!this.closed) {
      if (entry.printing) {
        await entry.printing;
        continue;
      }
      const version = entry.state.version;
      if (entry.state.status === 'errors' || !entry.briefing || !entry.body || entry.good?.version === version) break;
      entry.printing = this.print(entry, version).finally(() => (entry.printing = undefined));
    }
    return entry.state;
  }

  private async print(entry: Entry, version: number): Promise<void> {
    const briefing = entry.briefing!;
    const body = entry.body!;
    let problem: Diagnostic | undefined;
    try {
      const templates = this.currentTemplates();
      const document = renderPreview(briefing, body, templates, this.options.config);
      const pool = await this.startPool();
      const bytes = await printPreview(document, pool);
      const inputs = await Promise.all([...document.templateFiles, ...document.assets.values()].map((file) => realpath(file).catch(() => file)));
      if (entry.state.version !== version) return; // a newer save arrived; print that one instead
      entry.good = { version, bytes };
      entry.inputs = inputs;
      entry.state = { ...entry.state, pdfVersion: version };
    } catch (error) {
      if (entry.state.version !== version || this.closed) return;
      problem =
        this.templateError ?? (/Parse error|Handlebars|partial/i.test(String(error)) ? templateDiagnostic(error, this.lastChangedTemplate) : undefined) ?? {
          file: entry.state.key,
          severity: 'error',
          message: `the preview could not be printed: ${(error as Error).message.split('\n')[0]}`,
          rule: 'print',
        };
      entry.printMessages = [problem];
      // The status becomes "errors", which ends ensurePrinted's loop; the last good PDF stays.
      const messages = [...entry.state.messages.filter((message) => message.rule !== 'template' && message.rule !== 'print'), problem];
      entry.state = { ...entry.state, messages, status: statusOf(messages) };
    }
    this.emit('changed', entry.state);
  }

  /** The last good PDF of a briefing, printed from the version in `pdfVersion`. */
  lastGoodPdf(key: string): Uint8Array | undefined {
    return this.entries.get(key)?.good?.bytes;
  }

  /** The "PDF" link: check the file as it is now and print it, whatever the preview shows. */
  async printNow(key: string): Promise<{ bytes: Uint8Array } | { messages: Diagnostic[] }> {
    await this.check(key);
    const state = await this.ensurePrinted(key);
    if (!state) return { messages: [] };
    if (state.status === 'errors') return { messages: state.messages };
    return { bytes: this.lastGoodPdf(key)! };
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = await this.pool?.catch(() => undefined);
    await pool?.close();
  }
}
