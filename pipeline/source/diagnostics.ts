// Problems are vfile messages with a place and a rule id, printed the way remark-lint prints
// them (`file:line:column  severity  message  rule`) so authors already know the format.
import path from 'node:path';
import { VFile } from 'vfile';

export interface Place {
  line: number;
  column: number;
}

/** A vfile named the way the author sees the file: relative to the working folder when inside it. */
export function briefingFile(absolutePath: string, cwd = process.cwd()): VFile {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolutePath;
  return new VFile({ path: shown, cwd });
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
