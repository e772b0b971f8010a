// Tags each passage in another language's script with that language: `統合作戦司令部` in an
// English memo becomes <span lang="ja" role="generic">. The explicit generic role is what makes
// Chromium keep the span in its accessibility tree, and so write /Lang on the PDF structure
// element; a bare <span lang> is dropped from the tree and its language with it. A lang the
// author set (`:lang[…]{lang=xx}`) is kept, and text inside it is read in that language.
import type { Element, ElementContent, Root, Text } from 'hast';
import { scriptRuns } from '../../script-languages.js';

export interface ScriptLanguageOptions {
  /** The document's language (frontmatter `lang`, default en-US). */
  lang: string;
}

const languageSpan = (lang: string, value: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { lang, role: 'generic' },
  children: [{ type: 'text', value }],
});

function split(text: Text, lang: string): ElementContent[] | undefined {
  const runs = scriptRuns(text.value, lang);
  if (runs.length === 0) return undefined;
  const pieces: ElementContent[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.start > at) pieces.push({ type: 'text', value: text.value.slice(at, run.start) });
    pieces.push(languageSpan(run.lang, text.value.slice(run.start, run.end)));
    at = run.end;
  }
  if (at < text.value.length) pieces.push({ type: 'text', value: text.value.slice(at) });
  return pieces;
}

export default function rehypeScriptLanguages(options: ScriptLanguageOptions) {
  return (tree: Root) => {
    const walk = (parent: Root | Element, lang: string) => {
      for (let index = 0; index < parent.children.length; index++) {
        const child = parent.children[index]!;
        if (child.type === 'element') {
          const own = typeof child.properties?.lang === 'string' && child.properties.lang ? child.properties.lang : undefined;
          if (own && child.tagName === 'span') child.properties.role = 'generic';
          walk(child, own ?? lang);
        } else if (child.type === 'text') {
          const pieces = split(child, lang);
          if (!pieces) continue;
          parent.children.splice(index, 1, ...(pieces as never[]));
          index += pieces.length - 1;
        }
      }
    };
    walk(tree, options.lang);
  };
}
