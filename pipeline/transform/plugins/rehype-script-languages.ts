// Tags each passage in another language's script with that language: `統合作戦司令部` in an
// English memo becomes <span lang="ja" id="lang-…">. Chromium drops a bare <span lang> from its
// accessibility tree, and its language with it; an id is what keeps the span there (as do a
// title or role="generic", but a title is read aloud and axe rejects an author's generic role),
// and so Chromium writes /Lang on the PDF structure element. A lang the author set
// (`:lang[…]{lang=xx}`) is kept, and text inside it is read in that language.
import type { Element, ElementContent, Root, Text } from 'hast';
import { scriptRuns } from '../../script-languages.js';

export interface ScriptLanguageOptions {
  /** The document's language (frontmatter `lang`, default en-US). */
  lang: string;
  /** Starts the spans' ids; the memo's id, so that memos bound in one book do not clash. */
  idPrefix: string;
}

/** An id made of the characters an id and a URL fragment both take as they are. */
export const languageIdPrefix = (memoId: string) => `lang-${memoId.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

function split(text: Text, lang: string, nextId: () => string): ElementContent[] | undefined {
  const runs = scriptRuns(text.value, lang);
  if (runs.length === 0) return undefined;
  const pieces: ElementContent[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.start > at) pieces.push({ type: 'text', value: text.value.slice(at, run.start) });
    pieces.push({ type: 'element', tagName: 'span', properties: { lang: run.lang, id: nextId() }, children: [{ type: 'text', value: text.value.slice(run.start, run.end) }] });
    at = run.end;
  }
  if (at < text.value.length) pieces.push({ type: 'text', value: text.value.slice(at) });
  return pieces;
}

export default function rehypeScriptLanguages(options: ScriptLanguageOptions) {
  return (tree: Root) => {
    let count = 0;
    const nextId = () => `${options.idPrefix}-${++count}`;
    const walk = (parent: Root | Element, lang: string) => {
      for (let index = 0; index < parent.children.length; index++) {
        const child = parent.children[index]!;
        if (child.type === 'element') {
          const own = typeof child.properties?.lang === 'string' && child.properties.lang ? child.properties.lang : undefined;
          if (own && child.tagName === 'span' && !child.properties.id) child.properties.id = nextId();
          walk(child, own ?? lang);
        } else if (child.type === 'text') {
          const pieces = split(child, lang, nextId);
          if (!pieces) continue;
          parent.children.splice(index, 1, ...(pieces as never[]));
          index += pieces.length - 1;
        }
      }
    };
    walk(tree, options.lang);
  };
}
