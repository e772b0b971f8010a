// Splits a briefing into frontmatter and body with gray-matter, YAML only. gray-matter would
// `eval` a `---js` block by default, so every non-YAML engine is replaced by one that refuses.
import matter from 'gray-matter';
import type { Place } from './diagnostics.js';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';


export interface FrontmatterProblem {
  message: string;
  place: Place;
  rule: string;
}

export interface SplitBriefing {
  data: unknown;
  /** Body text padded with blank lines so that its positions are those of the whole file. */
  body: string;
  /** Finds where a frontmatter path (`['from', 'name']`) is written; `key` points at the key itself. */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): Place;
  problems: FrontmatterProblem[];
}

const refused = (language: string) => () => {
  throw new RefusedLanguage(language);
};

class RefusedLanguage extends Error {
  constructor(readonly language: string) {
    super(language);
  }
}

/** What to do about the YAML mistakes authors make most. */
const yamlAdvice: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'keep only one line with this key',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket opened earlier on this key',
  BAD_INDENT: 'line the keys up under each other with spaces',
  MULTILINE_IMPLICIT_KEY: 'put quotes around a value that contains ": "',
  BLOCK_AS_IMPLICIT_KEY: 'put quotes around a value that contains ": "',
};

/** Aliases are how a "billion laughs" document explodes; a briefing never needs many. */
const maxAliasCount = 50;

export function splitBriefing(source: string): SplitBriefing {
  // Windows line endings would leave a \r inside YAML values (a flow map on the last line fails
  // to parse); lines and columns are the same without them.
  const text = source.replace(/\r\n?/g, '\n');
  const problems: FrontmatterProblem[] = [];
  const opening = /^---[ \t]*([^\s-][^\r\n]*)?\r?\n?/.exec(text);
  const lineCounter = new LineCounter();
  let document: Document | undefined;
  let yamlSource: string | undefined;
  const noFrontmatter: SplitBriefing = { data: undefined, body: text, locate: () => ({ line: 1, column: 1 }), problems };

  if (!opening) {
    problems.push({ message: 'the briefing has no frontmatter; start the file with a --- line, the YAML keys, and another --- line', place: { line: 1, column: 1 }, rule: 'frontmatter' });
    return noFrontmatter;
  }
  if (text.startsWith('----')) {
    // gray-matter would read no frontmatter at all here and the keys would become body text.
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0).trim();
    problems.push({ message: `the first line is "${firstLine.slice(0, 40)}"; a frontmatter opens with exactly three dashes: ---`, place: { line: 1, column: 1 }, rule: 'frontmatter' });
    return noFrontmatter;
  }
  const language = opening[1]?.trim();
  if (language && language !== 'yaml') {
    problems.push({
      message: `frontmatter written as "${language}" is refused and was not run; write YAML between plain --- lines`,
      place: { line: 1, column: 4 },
      rule: 'frontmatter-language',
    });
    return noFrontmatter;
  }
  // Without a closing line gray-matter would read the whole Markdown body as YAML.
  if (text.indexOf('\n---', 3) < 0) {
    problems.push({ message: 'the frontmatter is never closed; add a line with --- after the last YAML key', place: { line: 1, column: 1 }, rule: 'frontmatter' });
    return noFrontmatter;
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        yaml: (yamlText: string) => {
          yamlSource = yamlText;
          document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
          return {};
        },
        js: refused('js'),
        javascript: refused('javascript'),
        coffee: refused('coffee'),
        coffeescript: refused('coffeescript'),
        cson: refused('cson'),
        json: refused('json'),
        toml: refused('toml'),
      } as never,
    });
  } catch (error) {
    const language = error instanceof RefusedLanguage ? error.language : 'unknown';
    problems.push({ message: `frontmatter written as "${language}" is refused and was not run; write YAML between plain --- lines`, place: { line: 1, column: 4 }, rule: 'frontmatter-language' });
    return noFrontmatter;
  }

  // gray-matter hands the engine everything after `---` (and a language word), newline
  // included, so the YAML text's own line 1 is the opening line: offset by the lines before it.
  const yamlStart = yamlSource === undefined ? -1 : text.indexOf(yamlSource);
  const yamlLineOffset = yamlStart < 0 ? 0 : text.slice(0, yamlStart).split('\n').length - 1;
  const toPlace = (offset: number): Place => {
    const position = lineCounter.linePos(offset);
    return { line: position.line + yamlLineOffset, column: position.col };
  };

  const consumed = text.length - parsed.content.length;
  const bodyLines = text.slice(0, consumed).split('\n').length - 1;
  const body = '\n'.repeat(bodyLines) + parsed.content;

  if (!document) {
    problems.push({ message: 'the frontmatter is empty; add at least type, id, title, date and marking', place: { line: 1, column: 1 }, rule: 'frontmatter' });
    return { ...noFrontmatter, body };
  }
  const doc: Document = document;

  for (const error of doc.errors) {
    const place = toPlace(error.pos[0]);
    const firstLine = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    const advice = yamlAdvice[error.code];
    // yaml reports runaway nesting as the engine's own stack overflow; say it in words.
    // Where it overflowed depends on the engine's stack size, so point at the line only.
    const tooDeep = /call stack/i.test(firstLine);
    const reason = tooDeep ? 'lists or groups are nested too deeply' : firstLine;
    problems.push({ message: `the frontmatter is not valid YAML: ${reason}${advice ? `; ${advice}` : ''}`, place: tooDeep ? { line: place.line, column: 1 } : place, rule: 'yaml' });
  }
  for (const warning of doc.warnings) {
    // Custom tags (!include, !!js/function…) are how other YAML loaders read files or run
    // code; here they would silently become text, so name them instead.
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = (/tag:?\s*(\S+)/i.exec(warning.message)?.[1] ?? 'a custom tag').replace(/^tag:yaml\.org,2002:/, '!!');
    problems.push({ message: `the frontmatter uses the YAML tag ${tag}, which this tool does not read; remove the tag and write the value as plain text`, place: toPlace(warning.pos[0]), rule: 'yaml' });
  }
  if (problems.length > 0) return { ...noFrontmatter, body };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      message: /alias/i.test(message)
        ? `the frontmatter uses YAML aliases (*name) too often; write the values out instead`
        : `the frontmatter could not be read: ${message}`,
      place: { line: 2, column: 1 },
      rule: 'yaml',
    });
    return { ...noFrontmatter, body };
  }

  const locate = (path: readonly PropertyKey[], target: 'key' | 'value' = 'value'): Place => {
    let node: unknown = doc.contents;
    let place: Place = node && (node as Node).range ? toPlace((node as Node).range![0]) : { line: 1, column: 1 };
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return place;
        const key = pair.key as Node;
        const value = pair.value as Node | null;
        if (target === 'key' || !value?.range) {
          place = key.range ? toPlace(key.range[0]) : place;
        } else {
          place = toPlace(value.range[0]);
        }
        if (target === 'key' && segment === path[path.length - 1]) return place;
        node = value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item?.range) return place;
        place = toPlace(item.range[0]);
        node = item;
      } else {
        return place;
      }
    }
    return place;
  };

  return { data, body, locate, problems };
}
