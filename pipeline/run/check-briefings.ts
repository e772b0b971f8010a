// What `briefing check` runs, as a result rather than printed lines: the briefings' files with
// their messages (source, transform and memo lint; the recorded length; with a11y the
// accessibility audit) and the paths that were not there. The command prints it; the API
// (pipeline/index.ts) returns it.
import { readFile, realpath } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { CheckCache, defaultCheckCacheFolder } from '../lint/check-cache.js';
import { checkSourceFiles } from '../lint/check-run.js';
import { stagedSources } from '../lint/staged.js';
import type { BriefingConfig } from '../source/config.js';
import { discoverBriefings } from '../source/discover.js';
import type { SourceFile } from '../types.js';
import { reportRecordedLengths } from './memo-length.js';

export interface CheckOptions {
  /** Markdown files and folders, relative to cwd. */
  paths: string[];
  cwd: string;
  config: BriefingConfig;
  /** Where the last build wrote (absolute): a memo's length is judged from the page count recorded there. */
  outDir: string;
  /** How outDir is shown in messages (e.g. `output/`). */
  outShown: string;
  /** Only the Markdown files staged in git (throws NotInRepositoryError outside a repository). */
  staged?: boolean;
  /** Also audit accessibility: needs a browser (throws BrowserUnavailableError without one). */
  a11y?: boolean;
  /** Keep what was checked, to check only what changed next time (default true). */
  cache?: boolean;
  /** Where that cache lives (default node_modules/.cache/briefing under cwd). */
  cacheFolder?: string;
  /** Checked before the checks and before the audit: an aborted check throws its reason. */
  signal?: AbortSignal;
}

export interface CheckResult {
  /** One file per briefing; its messages are the problems found, each with its place and rule. */
  files: VFile[];
  /** Paths given that hold no Markdown briefing. */
  missing: string[];
  errors: number;
  warnings: number;
}

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  options.signal?.throwIfAborted();
  let sources: SourceFile[];
  let missing: string[] = [];
  const cwd = await realpath(options.cwd);
  if (options.staged) {
    sources = await stagedSources(options.paths, cwd);
  } else {
    const discovery = await discoverBriefings(options.paths, options.cwd);
    sources = await Promise.all(discovery.briefings.map(async (found) => ({ ...found, bytes: await readFile(found.path) })));
    missing = discovery.missing;
  }
  // Paths are shown relative to the folder the sources were found from (git's, for staged).
  const shownFrom = options.staged ? cwd : options.cwd;
  const cache = options.cache === false ? undefined : await CheckCache.open(defaultCheckCacheFolder(cwd, options.cacheFolder), options.config, shownFrom, 'check');
  const files = (await checkSourceFiles(sources, shownFrom, options.config, cache)).map((checked) => checked.file);
  // How long a memo runs is known only from a print: the last build's, if its source is unchanged.
  await reportRecordedLengths(sources, files, options.outDir, options.outShown, options.config.lint);
  if (options.a11y) {
    options.signal?.throwIfAborted();
    const { auditBriefings } = await import('./audit-briefings.js');
    await auditBriefings(
      sources.map((source, index) => ({ source, file: files[index]! })),
      shownFrom,
      options.config,
    );
  }
  const messages = files.flatMap((file) => file.messages);
  const errors = messages.filter((message) => message.fatal === true).length;
  return { files, missing, errors, warnings: messages.length - errors };
}
