// The small parts of the PDF/UA work, on their own: the content-stream lexer, the script runs
// that decide which passages get a language, the template helper and the :lang directive.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { readOperations } from '../../pipeline/print/pdfua/content-lexer.js';
import { parseToUnicode } from '../../pipeline/print/pdfua/font-text.js';
import { withLanguages } from '../../pipeline/render/templates.js';
import { scriptRuns } from '../../pipeline/script-languages.js';
import { checkBriefing } from '../hostile/stages.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import path from 'node:path';

const bytes = (text: string) => new TextEncoder().encode(text);
const latin1 = (data: Uint8Array) => Buffer.from(data).toString('latin1');

describe('the content-stream lexer', () => {
  it('reads operators with their operands and byte ranges', () => {
    const source = 'q 1 0 0 -1 0 792 cm\nBT /F4 12 Tf (a\\(b\\) c) Tj [<0041> -250 (x)] TJ ET Q';
    const operations = readOperations(bytes(source));
    expect(operations.map((operation) => operation.operator)).toEqual(['q', 'cm', 'BT', 'Tf', 'Tj', 'TJ', 'ET', 'Q']);
    const tj = operations[4]!;
    expect(latin1(tj.operands[0] as Uint8Array)).toBe('a(b) c');
    expect(source.slice(tj.start, tj.end)).toBe('(a\\(b\\) c) Tj');
    const tjArray = operations[5]!.operands[0] as unknown[];
    expect(latin1(tjArray[0] as Uint8Array)).toBe('\u0000A');
    expect(tjArray[1]).toBe(-250);
  });

  it('reads BDC properties, nested strings, comments and skips inline image data', () => {
    const source = '/P <</MCID 7 /Lang (ja)>> BDC % a comment ET\n(nested (paren)) Tj EMC BI /W 1 /H 1 ID \x00EI\x01 EI Q';
    const operations = readOperations(bytes(source));
    expect(operations.map((operation) => operation.operator)).toEqual(['BDC', 'Tj', 'EMC', 'BI', 'EI', 'Q']);
    const properties = operations[0]!.operands[1] as { dict: Map<string, unknown> };
    expect(properties.dict.get('MCID')).toBe(7);
    expect(latin1(operations[1]!.operands[0] as Uint8Array)).toBe('nested (paren)');
  });

  it('reads a ToUnicode map of single codes and ranges', () => {
    const map = parseToUnicode(bytes('2 beginbfchar <0003> <0020> <0024> <0041> endbfchar 1 beginbfrange <0044> <0046> <0061> endbfrange'));
    expect([3, 0x24, 0x44, 0x45, 0x46].map((code) => map.get(code))).toEqual([' ', 'A', 'a', 'b', 'c']);
  });
});

describe('passages in another script', () => {
  const runs = (text: string, lang = 'en-US') => scriptRuns(text, lang).map((run) => [text.slice(run.start, run.end), run.lang]);

  it('finds Japanese, Korean and Greek in an English text, brackets and numbers included', () => {
    expect(runs('the 統合作戦司令部 (JJOC) and 「2+2」の成果 today')).toEqual([
      ['統合作戦司令部', 'ja'],
      ['「2+2」の成果', 'ja'],
    ]);
    expect(runs('Seoul (서울) and Athens (Αθήνα)')).toEqual([
      ['서울', 'ko'],
      ['Αθήνα', 'el'],
    ]);
    expect(runs('日米安全保障協議委員会（「2+2」）は2024年7月28日に東京で開催された。')).toEqual([['日米安全保障協議委員会（「2+2」）は2024年7月28日に東京で開催された。', 'ja']]);
  });

  it('leaves the document’s own language alone, and Han in a Chinese document', () => {
    expect(runs('在日米軍は改編される。', 'ja-JP')).toEqual([]);
    expect(runs('北京', 'zh-CN')).toEqual([]);
    expect(runs('ひらがな', 'zh-CN')).toEqual([['ひらがな', 'ja']]);
    expect(runs('Москва and القاهرة')).toEqual([]);
  });

  it('tags frontmatter text in templates, escaped', () => {
    expect(withLanguages('<b> 上川陽子 & co', 'en-US', Handlebars.escapeExpression, () => 'x-1')).toBe('&lt;b&gt; <span lang="ja" id="x-1">上川陽子</span> &amp; co');
  });
});

describe('the body', () => {
  const transform = async (body: string) => {
    const folder = writeTree({ 'memo.md': memo({ body }) }, tempFolder());
    return checkBriefing(path.join(folder, 'memo.md'), folder);
  };

  it('wraps Japanese in a language span Chromium keeps (it has an id), and honours :lang', async () => {
    const checked = await transform('## Background\n\nThe 統合作戦司令部 met; :lang[raison d’être]{lang=fr} and :lang[東京]{lang=zh}.\n');
    expect(checked.body!.html).toContain('<span lang="ja" id="lang-TEST-001-1">統合作戦司令部</span>');
    expect(checked.body!.html).toContain('<span lang="fr" id="lang-TEST-001-2">raison d’être</span>');
    // The author's language stands: no Japanese span inside the Chinese one.
    expect(checked.body!.html).toContain('<span lang="zh" id="lang-TEST-001-3">東京</span>');
  });

  it('refuses :lang without a language code, at its place', async () => {
    const checked = await transform('## Background\n\nA :lang[phrase]{lang="not a code"} here.\n');
    const message = checked.file.messages.find((entry) => entry.ruleId === 'language');
    expect(message?.fatal).toBe(true);
    expect(message?.reason).toContain(':lang needs a language code');
    expect(message?.line).toBe(14);
    expect(checked.body!.html).toContain('A phrase here.');
  });
});
