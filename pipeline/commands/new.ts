// `briefing new TYPE`: starts a memo from a scaffold, in its week's folder under content/, and
// prints its path. The scaffold's placeholders fail `check` and `build` until they are written.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMemo } from '../run/new-memo.js';
import { parseWeek } from '../run/book/week.js';
import { loadConfig } from '../source/config.js';
import { memoTypes, type MemoType } from '../source/schema.js';
import { exitCodes, usageError, type Io } from './io.js';

/** Today as the author's calendar has it (local time), YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const newOptions = {
  week: { type: 'string' },
  title: { type: 'string' },
  out: { type: 'string', short: 'o' },
  region: { type: 'string' },
  config: { type: 'string' },
} as const;

export async function newMemo(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: newOptions });
  const [type, ...extra] = positionals;
  if (!type) return usageError(io, `briefing new needs a memo type: ${memoTypes.join(', ')}`);
  if (!(memoTypes as string[]).includes(type)) return usageError(io, `"${type}" is not a memo type; use one of ${memoTypes.join(', ')}`);
  if (extra.length > 0) return usageError(io, `briefing new takes one memo type, not also "${extra.join(' ')}"; give the title with --title`);
  if (values.region !== undefined && !/^[A-Za-z0-9]+$/.test(values.region)) return usageError(io, `--region takes a region code of letters and digits, e.g. EAP; got "${values.region}"`);
  if (values.title !== undefined && values.title.trim() === '') return usageError(io, '--title is empty; give the subject, or leave --title out');
  let date = today();
  if (values.week !== undefined) {
    const week = parseWeek(values.week);
    if ('error' in week) return usageError(io, week.error);
    date = week.from;
  }
  const config = loadConfig(io.cwd, { configPath: values.config });
  const result = await createMemo({ type: type as MemoType, date, title: values.title?.trim(), region: values.region, out: values.out, config, cwd: io.cwd });
  if ('problem' in result) return usageError(io, result.problem);
  io.out(`${path.relative(io.cwd, result.created) || result.created}\n`);
  io.err(`briefing: new ${type} ${result.id}; replace its [[placeholders]], then run briefing check\n`);
  return exitCodes.ok;
}
