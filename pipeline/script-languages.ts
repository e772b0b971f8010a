// Which stretches of a text are written in another language's script, so that the PDF can tag
// them with their language (a screen reader then switches voice: Matterhorn 11-001/11-007)
// without the author marking anything. Only scripts that name one language are used:
// kana and kanji (Japanese; in a Chinese document Han without kana is left as it is), Hangul,
// Greek, Hebrew, Thai. Latin, Cyrillic and Arabic script serve many languages: a passage in
// one of those needs the author's own `:lang[…]{lang=xx}`.

interface Script {
  lang: string;
  pattern: RegExp;
}

const scripts: Script[] = [
  { lang: 'ja', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30fc\u3005]/u },
  { lang: 'ko', pattern: /\p{Script=Hangul}/u },
  { lang: 'el', pattern: /\p{Script=Greek}/u },
  { lang: 'he', pattern: /\p{Script=Hebrew}/u },
  { lang: 'th', pattern: /\p{Script=Thai}/u },
];

const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Letters of any script: they end a run of another script. */
const letter = /\p{L}/u;
/** CJK and full-width punctuation belongs to the run it touches (「2+2」。). */
const cjkPunctuation = /[\u3000-\u303f\uff00-\uffef]/u;

export interface ScriptRun {
  start: number;
  end: number;
  lang: string;
}

const primary = (lang: string) => lang.toLowerCase().split('-')[0]!;

function scriptOf(character: string): Script | undefined {
  for (const script of scripts) if (script.pattern.test(character)) return script;
  return undefined;
}

/**
 * Runs of `text` in a script whose language differs from `contextLang`. A run spans from its
 * first to its last character of that script, digits, spaces and punctuation between them
 * included, and out to CJK punctuation on either side that no letter separates from it.
 */
export function scriptRuns(text: string, contextLang: string): ScriptRun[] {
  const context = primary(contextLang);
  const characters = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const character of characters) {
    offsets.push(offset);
    offset += character.length;
  }
  offsets.push(offset);

  const runs: ScriptRun[] = [];
  let index = 0;
  while (index < characters.length) {
    const script = scriptOf(characters[index]!);
    if (!script) {
      index++;
      continue;
    }
    let first = index;
    let last = index;
    let cursor = index + 1;
    while (cursor < characters.length) {
      const character = characters[cursor]!;
      const other = scriptOf(character);
      if (other === script) last = cursor;
      else if (other || letter.test(character)) break;
      cursor++;
    }
    // Out to the farthest CJK punctuation reachable without crossing a letter: 「2+2」の → all of it.
    for (let before = first - 1; before >= 0 && !letter.test(characters[before]!); before--) {
      if (cjkPunctuation.test(characters[before]!)) first = before;
    }
    for (let after = last + 1; after < characters.length && !letter.test(characters[after]!); after++) {
      if (cjkPunctuation.test(characters[after]!)) last = after;
    }
    const runText = characters.slice(first, last + 1).join('');
    const sameLanguage = script.lang === context || (script.lang === 'ja' && context === 'zh' && !kana.test(runText));
    if (!sameLanguage) runs.push({ start: offsets[first]!, end: offsets[last + 1]!, lang: script.lang });
    index = last + 1;
  }
  return runs;
}
