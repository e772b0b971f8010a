// The preview's view of a briefing's problems: the diagnostics every command prints as JSON
// (source/diagnostics.ts), shown in the browser's overlay, and the status the index page lists.
import type { Diagnostic } from '../source/diagnostics.js';

export type BriefingStatus = 'ok' | 'warnings' | 'errors';

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
