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
 * One line per message, `file:line:column  severity  message  rule`, sorted by place: the
 * shape remark-lint users know, and one that editors and CI annotate as a link to the line.
 * A message with no place (a print failure) names the file alone.
 */
export function formatDiagnostics(files: readonly VFile[], options: { errorsOnly?: boolean } = {}): string {
  const lines: string[] = [];
  for (const file of files) {
    const messages = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of messages) {
      if (options.errorsOnly && message.fatal !== true) continue;
      const where = message.line ? `${file.path}:${message.line}:${message.column ?? 1}` : file.path;
      const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
      lines.push([where, severity, message.reason, message.ruleId].filter(Boolean).join('  '));
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** A message as plain data: kept in the check cache, or sent from a worker thread. */
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
