// `briefing new`: a new memo in its week's folder under content/ (the samples' naming,
// content/2024-w31/), with an id no briefing of the content folder has. Copying last week's
// file was how staff started a memo, and how two memos came to share an id.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BriefingConfig } from '../source/config.js';
import { contentFolderName, idsElsewhere } from '../source/content-ids.js';
import { nextId, needsRegion } from '../source/id-pattern.js';
import { scaffoldMemo } from '../source/scaffold.js';
import { isMarkdownFile } from '../source/discover.js';
import type { MemoType } from '../source/schema.js';
import { isoWeekOf, weekFolderName, weekLabel } from './book/week.js';

export interface NewMemoOptions {
  type: MemoType;
  /** YYYY-MM-DD: today, or the Monday of the week asked for. */
  date: string;
  title?: string;
  region?: string;
  /** A Markdown file to write, or a folder to write it in; by default the week's folder under content/. */
  out?: string;
  config: BriefingConfig;
  cwd: string;
}

export type NewMemoResult = { created: string; id: string } | { problem: string; exists?: boolean };

/** A file name from the title (`US-Japan talks` → `us-japan-talks.md`), else from the id. */
function fileNameFor(title: string | undefined, id: string): string {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || id.toLowerCase()}.md`;
}

export async function createMemo(options: NewMemoOptions): Promise<NewMemoResult> {
  const defaults = options.config.newMemo;
  const region = (options.region ?? defaults.region)?.toUpperCase();
  if (needsRegion(defaults.idPattern) && !region) {
    return { problem: `the id pattern ${defaults.idPattern} needs a region; give --region (e.g. --region EAP) or set new.region in briefing.config.yml` };
  }
  const week = weekLabel(isoWeekOf(options.date));
  const target = (id: string) => {
    if (options.out && isMarkdownFile(options.out)) return path.resolve(options.cwd, options.out);
    const folder = options.out ? path.resolve(options.cwd, options.out) : path.join(options.cwd, contentFolderName, weekFolderName(options.date));
    return path.join(folder, fileNameFor(options.title, id));
  };
  // Every id of the content folder the new file will be part of; the file itself does not exist yet.
  const probe = target('probe');
  const taken = await idsElsewhere([{ path: probe, root: path.dirname(probe) }], options.cwd);
  const id = nextId(defaults.idPattern, { region, week, date: options.date }, taken.map((other) => other.id));
  const file = target(id);
  const text = scaffoldMemo({
    type: options.type,
    id,
    date: options.date,
    title: options.title,
    region,
    to: defaults.to,
    from: defaults.from,
    marking: defaults.marking,
    markings: options.config.markings,
  });
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // `wx`: never over an existing file, even one written a moment ago by another run.
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return { problem: `${path.relative(options.cwd, file) || file} already exists and was left as it is; choose another --title or --out`, exists: true };
    }
    throw error;
  }
  return { created: file, id };
}
