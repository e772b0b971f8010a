// A memo as a Word document: the same view model as the HTML templates (render/view.ts) and the
// body from the transform's sanitised tree, assembled in the order of the memo's template
// (templates/<type>.hbs), with Word's own page furniture, notes, numbering and styles.
import type { ElementContent } from 'hast';
import { Document, Packer, type FileChild } from 'docx';
import type { Frontmatter } from '../source/schema.js';
import type { MemoView } from '../render/view.js';
import type { PdfMetadata, TransformedBody } from '../types.js';
import type { VFile } from 'vfile';
import { wordBlocks, type BodyWriter } from './blocks.js';
import { WordContext } from './context.js';
import { finishDocx } from './finish.js';
import { briefHeadingPart, memoHeadingPart } from './heading.js';
import { memoNumbering } from './lists.js';
import { markingBlocksPart } from './marking-blocks.js';
import { attachmentsPart, blufPart, clearancePart, copiesPart, keyPointsPart, recommendationsPart, sourcesPart } from './memo-parts.js';
import { noteContents, wordNotes } from './notes.js';
import { pageFurniture } from './page-furniture.js';
import { memoStyles, paragraphStyle } from './styles.js';

const inch = 1440;
const pages = {
  letter: { width: 12240, height: 15840, textWidthPx: 624 },
  a4: { width: 11906, height: 16838, textWidthPx: 602 },
} as const;

export interface WordMemo {
  type: Frontmatter['type'];
  view: MemoView;
  body: TransformedBody;
  metadata: PdfMetadata;
  /** The briefing's file: images Word cannot embed are warnings on it. */
  file: VFile;
}

export async function memoDocx(memo: WordMemo): Promise<Uint8Array> {
  const { view, body } = memo;
  const page = pages[view.paper];
  const context = new WordContext(body.assets, noteContents(body.notesTree), memo.file);
  const writer: BodyWriter = { context, inline: { textWidthPx: page.textWidthPx } };
  const bodyNodes = (body.tree?.children ?? []).filter((node): node is ElementContent => node.type !== 'doctype');
  const bodyBlocks = wordBlocks(bodyNodes, writer, { style: paragraphStyle.body, listDepth: 0 });

  // The order of templates/info-memo.hbs, action-memo.hbs and policy-brief.hbs.
  const isBrief = memo.type === 'policy-brief';
  const children: FileChild[] = [
    ...(isBrief ? briefHeadingPart(view) : memoHeadingPart(view)),
    // Anchored right after the heading, so on page 1: the marking blocks at its foot.
    ...markingBlocksPart(view),
    ...(isBrief ? keyPointsPart(view, context) : []),
    ...blufPart(view),
    ...bodyBlocks,
    ...(memo.type === 'info-memo' ? [] : recommendationsPart(view)),
    ...(isBrief ? [] : attachmentsPart(view)),
    ...(isBrief ? [] : copiesPart(view)),
    ...sourcesPart(view),
    ...(isBrief ? [] : clearancePart(view)),
  ];
  const footnotes = wordNotes(context, writer, 'FootnoteText');
  const { metadata } = memo;
  const document = new Document({
    title: metadata.title,
    creator: metadata.author,
    subject: metadata.subject,
    keywords: metadata.keywords.join(', '),
    lastModifiedBy: metadata.provenance.BriefingTool,
    customProperties: Object.entries(metadata.provenance).map(([name, value]) => ({ name, value })),
    styles: memoStyles({ lang: view.lang, house: view.house, bannerBand: view.colourBands ? { fill: view.banner.colour, text: view.banner.bandText } : undefined }),
    numbering: memoNumbering(context.orderedStarts),
    footnotes,
    features: { updateFields: false },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: inch, bottom: inch, left: inch, right: inch, header: inch / 2, footer: inch / 2 },
          },
        },
        ...pageFurniture(view),
        children,
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return finishDocx(packed, { date: metadata.date });
}
