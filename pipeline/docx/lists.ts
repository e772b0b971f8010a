// Lists as Word numbering, never typed numbers: each list is an instance of a numbering
// definition (so it restarts), an ordered list that continues the memo's paragraph numbers
// (`<ol start="6">`) uses a definition starting there, and nesting is the numbering's level.
import type { Element } from 'hast';
import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx';
import type { Block, BlockSetting, BodyWriter } from './blocks.js';
import { wordBlocks } from './blocks.js';
import { bulletReference, orderedReference } from './context.js';

export function wordList(list: Element, writer: BodyWriter, setting: BlockSetting): Block[] {
  const ordered = list.tagName === 'ol';
  const start = ordered ? Number(list.properties?.start ?? 1) || 1 : 1;
  const level = Math.min(setting.listDepth, 8);
  const instance = writer.context.newList(ordered, start);
  const blocks: Block[] = [];
  for (const item of list.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue;
    blocks.push(
      ...wordBlocks(item.children, writer, {
        style: setting.style,
        listDepth: setting.listDepth + 1,
        numbering: { reference: instance.reference, instance: instance.instance, level },
      }),
    );
  }
  return blocks;
}

const indent = (level: number) => ({ left: 360 * (level + 1), hanging: 360 });
const orderedFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const bulletGlyphs = ['\u2022', '\u2013', '\u25e6'];

/** The numbering definitions the memo's lists use: bullets, and one numbered definition per first number. */
export function memoNumbering(orderedStarts: Iterable<number>): INumberingOptions {
  const levels = (ordered: boolean, start: number): ILevelsOptions[] =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      format: ordered ? orderedFormats[level % 3] : LevelFormat.BULLET,
      text: ordered ? `%${level + 1}.` : bulletGlyphs[level % 3],
      alignment: AlignmentType.LEFT,
      start: level === 0 ? start : 1,
      style: { paragraph: { indent: indent(level) } },
    }));
  return {
    config: [
      { reference: bulletReference, levels: levels(false, 1) },
      ...[...new Set(orderedStarts)].sort((a, b) => a - b).map((start) => ({ reference: orderedReference(start), levels: levels(true, start) })),
    ],
  };
}
