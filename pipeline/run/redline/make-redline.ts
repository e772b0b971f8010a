// `briefing redline`: the memo as it is now, with the words inserted since an earlier commit
// underlined and those deleted struck through, printed through the memo's own pipeline — its
// checks, template, banners and page rules, the browser and the post-pass (PDF/UA) — so a
// clearer reads the memo they will sign, with the changes marked. Its banner is the higher of
// the two versions' markings: the struck words were written under the old one.
import path from 'node:path';
import type { VFile } from 'vfile';
import { ChangeLedger } from '../../change-marks.js';
import { linterFor } from '../../lint/linter.js';
import type { PrintPool } from '../../print/pool.js';
import { finishDocument } from '../../print/postprocess.js';
import { toolVersion } from '../../project.js';
import { redlineView, bannerOf } from '../../render/redline-view.js';
import { renderDocument } from '../../render/render.js';
import { loadTemplates } from '../../render/templates.js';
import { bannerText, highestBanner } from '../../source/banner.js';
import type { BriefingConfig } from '../../source/config.js';
import { parseBanner } from '../../source/markings.js';
import { hasErrors } from '../../source/diagnostics.js';
import { discoverBriefings, markdownExtension } from '../../source/discover.js';
import { splitBriefing } from '../../source/frontmatter.js';
import { decodeSource, loadBriefing, readSource } from '../../source/load.js';
import type { Frontmatter } from '../../source/schema.js';
import { assetOrigin, transformBody } from '../../transform/processor.js';
import { redlinePlan } from '../../transform/redline/plan.js';
import type { Briefing } from '../../types.js';
import { writeFileAtomically } from '../atomic-write.js';
import { documentDate, gitHistory } from '../provenance.js';
import { earlierVersion, type EarlierVersion } from './git-versions.js';

export interface RedlineOptions {
  file: string;
  /** A commit, branch or tag; by default the last commit that touched the file. */
  since?: string;
  outFile?: string;
  config: BriefingConfig;
  cwd: string;
  startPool: () => Promise<PrintPool>;
}

export type RedlineResult =
  | { status: 'usage'; problem: string }
  | { status: 'failed'; files: VFile[] }
  | { status: 'built'; output: string; pages: number; since: EarlierVersion; inserted: number; deleted: number; files: VFile[] };

/** Where a redline goes unless --out says: output/redlines/NAME.pdf. */
export const defaultRedlinePath = (cwd: string, file: string) => path.join(cwd, 'output', 'redlines', path.basename(file).replace(markdownExtension, '.pdf'));

/**
 * The frontmatter the redline prints under: the higher of the two versions' banners (with every
 * caveat of both), and the marking blocks of the version that had it, for a higher old one.
 */
export function underHigherMarking(current: Frontmatter, before: { data: unknown; frontmatter?: Frontmatter }, config: BriefingConfig): Frontmatter {
  const now = bannerText(current.marking, config.markings);
  const then = bannerOf(before.data, config.markings);
  if (!then) return current;
  const highest = highestBanner([now, then], config.markings);
  if (highest === now) return current;
  const rank = (banner: string) => {
    const parsed = parseBanner(banner, config.markings);
    return parsed.ok ? parsed.banner.rank : -1;
  };
  // The authority or CUI block goes with the level: the earlier version's, when its level was the higher.
  const blocks = before.frontmatter && rank(then) > rank(now) ? before.frontmatter.marking : current.marking;
  return { ...current, marking: { ...blocks, level: highest, dissem: undefined } };
}

export async function makeRedline(options: RedlineOptions): Promise<RedlineResult> {
  const { config } = options;
  const discovery = await discoverBriefings([options.file], options.cwd);
  const found = discovery.briefings[0];
  if (!found || discovery.briefings.length !== 1) return { status: 'usage', problem: `${options.file}: no such Markdown file` };
  const since = await earlierVersion(found.path, options.since);
  if ('usageProblem' in since) return { status: 'usage', problem: since.usageProblem };

  const source = await readSource(found);
  const loaded = loadBriefing(source, options.cwd, config.markings);
  if (!loaded.briefing || hasErrors(loaded.file)) return { status: 'failed', files: [loaded.file] };
  const briefing: Briefing = loaded.briefing;
  // The earlier version, read as a briefing when it still is one (its marking blocks), else as far as its YAML goes.
  const before = since.bytes ? loadBriefing({ ...source, bytes: since.bytes }, options.cwd, config.markings) : undefined;
  const beforeText = since.bytes ? decodeSource(since.bytes) : undefined;
  const beforeBody = beforeText && 'text' in beforeText ? splitBriefing(beforeText.text).body : '';

  const plan = redlinePlan(beforeBody, briefing.body);
  const lang = briefing.frontmatter.lang ?? 'en-US';
  const ledger = new ChangeLedger();
  const linter = await linterFor(config);
  const body = transformBody(briefing, (tree) => linter.lint(briefing, tree), 'html', { redline: { plan, source: briefing.body, lang, ledger } });
  if (hasErrors(briefing.file)) return { status: 'failed', files: [briefing.file] };

  const view = redlineView({
    before: before?.data,
    after: briefing.frontmatter,
    since: { shortCommit: since.shortCommit, date: since.date, isNew: since.bytes === undefined },
    counts: { inserted: plan.insertedWords, deleted: plan.deletedWords },
    ledger,
    markings: config.markings,
  });
  const printed = { ...briefing, frontmatter: underHigherMarking(briefing.frontmatter, { data: before?.data, frontmatter: before?.briefing?.frontmatter }, config) };
  const history = await gitHistory(found.path);
  const document = renderDocument(printed, body, {
    templates: loadTemplates(config.templatesFolder),
    origin: assetOrigin,
    date: documentDate(briefing.frontmatter.date, history),
    markings: config.markings,
    numberFirstPage: config.numberFirstPage,
    redline: view,
    provenance: {
      BriefingTool: `briefing ${toolVersion}`,
      BriefingSource: found.relative,
      BriefingRedlineSince: since.commit,
      ...(history.commit ? { BriefingCommit: `${history.commit.slice(0, 12)}${history.modified ? '+modified' : ''}` } : {}),
    },
  });
  document.metadata.title = `Redline: ${document.metadata.title}`;
  document.metadata.subject = view.heading;
  document.changes = ledger.changes;

  const pool = await options.startPool();
  try {
    const pdf = await finishDocument(await pool.print(document), document);
    const output = options.outFile ?? defaultRedlinePath(options.cwd, found.path);
    await writeFileAtomically(output, pdf.bytes);
    return { status: 'built', output, pages: pdf.pages, since, inserted: plan.insertedWords, deleted: plan.deletedWords, files: [briefing.file] };
  } finally {
    await pool.close();
  }
}
