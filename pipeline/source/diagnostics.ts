// Problems are vfile messages with a place and a rule id, printed the way remark-lint prints
// them (`file:line:column  severity  message  rule`) so authors already know the format.
import { VFile } from 'vfile';
import { shownPath } from '../paths.js';

export interface Place {
  line: number;
  column: number;
}

/** A vfile named the way the author sees the file: relative to the working folder when inside it. */
export function briefingFile(absolutePath: string, cwd = process.cwd()): VFile {
  return new VFile({ path: shownPath(absolutePath, cwd), cwd });
}

export function reportError(file: VFile, message: string, place: Place | undefined, rule: string): void {
  const entry = file.message(message, { place, ruleId: rule, source: 'briefing' });
  entry.fatal = true;
}

export function reportWarning(file: VFile, message: string, place: Place | undefined, rule: string): void {
  const entry = file.message(message, { place, ruleId: rule, source: 'briefing' });
  entry.fatal = false;
}

export const hasErrors = (file: VFile): boolean => file.messages.some((message) => message.fatal === true);

/**
 * A problem as plain data: the one shape of every machine-readable output (`check --format
 * json`, `build --report` and `--json`, the dev server's events and its overlay). The names are
 * those CI annotations and ESLint's JSON use; lines and columns count from 1. A problem with no
 * place (a print failure) has no line or column.
 */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  rule?: string;
  message: string;
}

/** The file's problems as diagnostics, sorted by place. */
export function diagnosticsOf(file: VFile): Diagnostic[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => {
      const end = message.place && 'end' in message.place ? message.place.end : undefined;
      return {
        file: file.path,
        line: message.line ?? undefined,
        column: message.line ? (message.column ?? 1) : undefined,
        endLine: end?.line,
        endColumn: end?.column,
        severity: message.fatal === true ? 'error' : 'warning',
        rule: message.ruleId ?? undefined,
        message: message.reason,
      };
    });
}

/** `file:line:column  severity  message  rule`, the line remark-lint users know; editors and CI link it to the line. */
export const formatDiagnostic = (diagnostic: Diagnostic): string =>
  [diagnostic.line ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column ?? 1}` : diagnostic.file, diagnostic.severity, diagnostic.message, diagnostic.rule].filter(Boolean).join('  ');

/** One line per problem, each file's sorted by place. */
export function formatDiagnostics(files: readonly VFile[], options: { errorsOnly?: boolean } = {}): string {
  return files
    .flatMap(diagnosticsOf)
    .filter((diagnostic) => !options.errorsOnly || diagnostic.severity === 'error')
    .map((diagnostic) => `${formatDiagnostic(diagnostic)}\n`)
    .join('');
}

/** A message as plain data, kept in the check cache so that an unchanged briefing is not checked again. */
export interface StoredMessage {
  reason: string;
  place?: unknown;
  fatal: boolean | null | undefined;
  ruleId?: string;
  source?: string;
}

export const storeMessages = (messages: VFile['messages']): StoredMessage[] =>
  messages.map((message) => ({ reason: message.reason, place: message.place, fatal: message.fatal, ruleId: message.ruleId, source: message.source }));

/** Puts stored messages on a vfile, as they were made. */
export function replayMessages(stored: readonly StoredMessage[], file: VFile): void {
  for (const entry of stored) {
    const message = file.message(entry.reason, { place: entry.place as Place | undefined, ruleId: entry.ruleId, source: entry.source });
    message.fatal = entry.fatal;
  }
}
