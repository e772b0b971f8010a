// `briefing new` writes a scaffold with placeholders, `[[…]]`, wherever the author must write
// (the subject, the bottom line, the discussion). One left anywhere — a frontmatter value or the
// body — is an error at its place, so an unedited scaffold can never be printed or bound into a
// book. The text inside the brackets says what belongs there. A `[[` the author means as text is
// written `\[[`.
import type { Place } from './diagnostics.js';
import type { FrontmatterProblem } from './frontmatter.js';

/**
 * A placeholder: exactly two brackets either side of text on one line (no brackets in it), not
 * escaped. In the body, brackets that Markdown reads as a link are not one: after `!` (an image),
 * before `(`, `[` or `:` (a link or a link definition), or around a label the memo defines.
 */
const placeholderPattern = /(?<![\\[])\[\[([^[\]\n]+)\]\](?!\])/g;

/** Link labels as Markdown matches them: case and runs of whitespace do not count. */
const label = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The placeholder `briefing new` writes for a text the author must supply. */
export const placeholder = (what: string) => `[[${what}]]`;

const rule = 'placeholder';

const message = (found: string) => `replace the placeholder ${found} with your own text`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each placeholder in a frontmatter value, at the value's line and the placeholder's column. */
export function frontmatterPlaceholders(
  data: unknown,
  locate: (path: readonly PropertyKey[], target?: 'key' | 'value') => Place,
  lines: readonly string[],
): FrontmatterProblem[] {
  const problems: FrontmatterProblem[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(placeholderPattern)) {
        const place = locate(path, 'value');
        // The value starts at `place`; on that line the placeholder itself is where it is written.
        const column = lines[place.line - 1]?.indexOf(match[0], place.column - 1) ?? -1;
        problems.push({ message: message(match[0]), place: column >= 0 ? { line: place.line, column: column + 1 } : place, rule });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(data, []);
  return problems;
}

/**
 * Each placeholder in the Markdown body (padded, so its lines are the file's). Code is text to
 * print as written: fenced code blocks and `code spans` are passed over.
 */
export function bodyPlaceholders(body: string): FrontmatterProblem[] {
  const problems: FrontmatterProblem[] = [];
  const defined = new Set([...body.matchAll(/^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:/gm)].map((match) => label(match[1]!)));
  let fence: string | undefined;
  body.split('\n').forEach((line, index) => {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opening && opening[1]!.startsWith(fence)) fence = undefined;
      return;
    }
    if (opening) {
      fence = opening[1];
      return;
    }
    // Code spans keep their length so the columns stay those of the line.
    const prose = line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
    for (const match of prose.matchAll(placeholderPattern)) {
      const before = prose[match.index - 1];
      const after = prose[match.index + match[0].length];
      if (before === '!' || (after !== undefined && '([:'.includes(after)) || defined.has(label(match[1]!)) || defined.has(label(`[${match[1]!}]`))) continue;
      problems.push({ message: message(match[0]), place: { line: index + 1, column: match.index + 1 }, rule });
    }
  });
  return problems;
}
