// The preview's view of a briefing's problems: plain values the browser shows in its overlay
// (`file:line:column  message  rule`), and the status the index page lists.
import type { VFile } from 'vfile';

export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  message: string;
  rule?: string;
}

export type BriefingStatus = 'ok' | 'warnings' | 'errors';

export const diagnosticsOf = (file: VFile): Diagnostic[] =>
  [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => ({
      file: file.path,
      line: message.line ?? undefined,
      column: message.column ?? undefined,
      severity: message.fatal === true ? 'error' : 'warning',
      message: message.reason,
      rule: message.ruleId ?? undefined,
    }));

export function statusOf(diagnostics: Diagnostic[]): BriefingStatus {
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return 'errors';
  return diagnostics.length > 0 ? 'warnings' : 'ok';
}

/** A template that fails to compile names its file; Handlebars says only "Parse error on line N". */
export function templateDiagnostic(error: unknown, file: string | undefined): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  const line = /on line (\d+)/.exec(text)?.[1];
  return {
    file: file ?? 'templates',
    line: line ? Number(line) : undefined,
    column: line ? 1 : undefined,
    severity: 'error',
    message: `the template could not be rendered: ${text.split('\n')[0]}; fix the template and save it again`,
    rule: 'template',
  };
}
