// A run's summary in Markdown for a CI job's page: GitHub Actions shows what a step appends to
// the file named by $GITHUB_STEP_SUMMARY. Counts, then one row per briefing that failed or
// warned, with each problem as the terminal prints it (`file:line:column  severity  message
// rule`), so a reviewer sees what to fix without opening the log.
import { appendFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { diagnosticsOf, type Diagnostic } from '../source/diagnostics.js';
import type { RunReport } from './report.js';

/** A problem in the shape every machine-readable output uses (source/diagnostics.ts). */
type Problem = Pick<Diagnostic, 'line' | 'column' | 'severity' | 'message' | 'rule'>;

interface Row {
  source: string;
  status: string;
  problems: Problem[];
}

/** Text for a table cell: no line breaks, no cell separators, no HTML. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|');

/** As the terminal prints it: place (in code, so a path's characters stay as they are), severity, message, rule. */
const problemLine = (source: string, problem: Problem) =>
  `\`${source.replace(/\|/g, '\\|')}:${problem.line ?? 1}:${problem.column ?? 1}\` ${problem.severity} ${cell(problem.message)}${problem.rule ? ` \`${problem.rule}\`` : ''}`;

function table(rows: Row[]): string {
  if (rows.length === 0) return '';
  const lines = ['| Briefing | Status | Problems |', '| --- | --- | --- |'];
  for (const row of rows) {
    const problems = row.problems.map((problem) => problemLine(row.source, problem)).join('<br>');
    lines.push(`| ${cell(row.source)} | ${row.status} | ${problems} |`);
  }
  return `\n${lines.join('\n')}\n`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `briefing build`: the counts of the report, and each briefing that failed or warned (once, whatever its formats). */
export function buildSummary(report: RunReport): string {
  const { built, cached, failed, removed } = report.summary;
  const bySource = new Map<string, Row>();
  for (const briefing of report.briefings) {
    const problem = briefing.status === 'failed' || briefing.diagnostics.length > 0;
    if (!problem) continue;
    const row = bySource.get(briefing.source);
    if (row) {
      if (briefing.status === 'failed') row.status = 'failed';
      continue;
    }
    bySource.set(briefing.source, { source: briefing.source, status: briefing.status === 'failed' ? 'failed' : 'warned', problems: briefing.diagnostics });
  }
  const counts = `built ${built}, cached ${cached}, failed ${failed}, removed ${removed}, in ${seconds(report.durationMs)}`;
  return `\n### briefing build\n\n${counts}\n${table([...bySource.values()])}\n`;
}

/** `briefing check`: errors and warnings, and each briefing that has any. */
export function checkSummary(files: VFile[]): string {
  const rows: Row[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    if (file.messages.length === 0) continue;
    const problems: Problem[] = diagnosticsOf(file);
    const fileErrors = problems.filter((problem) => problem.severity === 'error').length;
    errors += fileErrors;
    warnings += problems.length - fileErrors;
    rows.push({ source: file.path, status: fileErrors > 0 ? 'failed' : 'warned', problems });
  }
  const counts = `${plural(files.length, 'briefing')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return `\n### briefing check\n\n${counts}\n${table(rows)}\n`;
}

/**
 * Appends to the job summary when the command was given one ($GITHUB_STEP_SUMMARY); a summary
 * that cannot be written never fails the run: the sentence returned says why it is missing.
 */
export async function appendStepSummary(file: string | undefined, markdown: string): Promise<string | undefined> {
  if (!file) return undefined;
  try {
    await appendFile(file, markdown);
    return undefined;
  } catch (error) {
    return `could not write the job summary to ${file} (${(error as Error).message}); the run itself is unaffected`;
  }
}
