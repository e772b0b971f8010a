// The parts of a memo that come from its view model (render/view.ts, shared with the HTML
// templates so the two outputs cannot drift): one function per field, each returning the
// paragraphs the templates' partial of the same name prints, with the same words.
import { ExternalHyperlink, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { MemoView, PortionText } from '../render/view.js';
import { bulletReference, type WordContext } from './context.js';
import { characterStyle, paragraphStyle } from './styles.js';

/** A text that may open with a portion mark: the mark in its own style, then the text. */
export function portionRuns(portion: PortionText): TextRun[] {
  return [...(portion.mark ? [new TextRun({ text: portion.mark, style: characterStyle.portionMark }), new TextRun(' ')] : []), new TextRun(portion.text)];
}

const label = (text: string) => new TextRun({ text, style: characterStyle.label });
const heading = (text: string) => new Paragraph({ style: 'Heading1', children: [new TextRun(text)] });

/** bluf.hbs: "Bottom line:" and the BLUF. */
export function blufPart(view: MemoView): Paragraph[] {
  if (!view.bluf) return [];
  return [new Paragraph({ style: paragraphStyle.bluf, children: [label('Bottom line:'), new TextRun(' '), ...portionRuns(view.bluf)] })];
}

/** policy-brief.hbs: the key-points box, a bulleted list. */
export function keyPointsPart(view: MemoView, context: WordContext): Paragraph[] {
  if (view.keyPoints.length === 0) return [];
  const list = context.newList(false, 1);
  return [
    new Paragraph({ style: paragraphStyle.keyPointsLabel, children: [new TextRun('Key points')] }),
    ...view.keyPoints.map((point) => new Paragraph({ style: paragraphStyle.keyPoint, numbering: { reference: bulletReference, level: 0, instance: list.instance }, children: portionRuns(point) })),
  ];
}

/** recommendations.hbs: each recommendation with Approve / Disapprove / Other lines. */
export function recommendationsPart(view: MemoView): Paragraph[] {
  if (view.recommendations.length === 0) return [];
  const line = '________';
  return [
    heading(view.recommendations.length > 1 ? 'Recommendations' : 'Recommendation'),
    ...view.recommendations.flatMap((recommendation) => [
      new Paragraph({ style: paragraphStyle.recommendation, children: portionRuns(recommendation.text) }),
      ...(recommendation.recommendedBy ? [new Paragraph({ style: paragraphStyle.recommendationPosition, children: [new TextRun(`Recommended by: ${recommendation.recommendedBy}`)] })] : []),
      ...(recommendation.opposedBy ? [new Paragraph({ style: paragraphStyle.recommendationPosition, children: [new TextRun(`Opposed by: ${recommendation.opposedBy}`)] })] : []),
      // The lines are typed underscores, as on the printed memo: a principal initials on them.
      new Paragraph({
        style: paragraphStyle.decisionLines,
        tabStops: [
          { type: TabStopType.LEFT, position: 3240 },
          { type: TabStopType.LEFT, position: 6480 },
        ],
        children: [new TextRun(`Approve ${line}`), new TextRun({ children: [new Tab(), `Disapprove ${line}`] }), new TextRun({ children: [new Tab(), `Other ${line}`] })],
      }),
      ...(recommendation.decideBy ? [new Paragraph({ style: paragraphStyle.decideBy, children: [new TextRun(`Decision needed by ${recommendation.decideBy}`)] })] : []),
    ]),
  ];
}

/** attachments.hbs: "Attachments:" and one line per tab. */
export function attachmentsPart(view: MemoView): Paragraph[] {
  if (view.attachments.length === 0) return [];
  return [
    new Paragraph({ style: paragraphStyle.attachmentsLabel, children: [new TextRun('Attachments:')] }),
    ...view.attachments.map((attachment) => new Paragraph({ style: paragraphStyle.attachment, children: [new TextRun(`Tab ${attachment.tab} \u2013 ${attachment.title}`)] })),
  ];
}

/** distribution.hbs: the cc: and Distribution: lines, a label and one line per entry. */
export function copiesPart(view: MemoView): Paragraph[] {
  return view.copies.flatMap((group) => [
    new Paragraph({ style: paragraphStyle.attachmentsLabel, children: [new TextRun(group.label)] }),
    ...group.entries.map((entry) => new Paragraph({ style: paragraphStyle.attachment, children: [new TextRun(entry)] })),
  ]);
}

/** sources.hbs: the bibliography, unnumbered, in the view's order; addresses stay links. */
export function sourcesPart(view: MemoView): Paragraph[] {
  if (view.sources.length === 0) return [];
  return [
    heading('Sources'),
    ...view.sources.map((source) => {
      const runs: ParagraphChild[] = [new TextRun([source.lead, source.title, source.accessed].filter(Boolean).join(' '))];
      if (source.url) runs.push(new TextRun(' '), new ExternalHyperlink({ link: source.url, children: [new TextRun({ text: source.url, style: 'Hyperlink' })] }), new TextRun('.'));
      return new Paragraph({ style: paragraphStyle.bibliography, children: runs });
    }),
  ];
}

/** clearance.hbs: Drafted and Cleared. */
export function clearancePart(view: MemoView): Paragraph[] {
  if (!view.drafted) return [];
  const first = new Paragraph({ style: paragraphStyle.clearance, children: [label('Drafted:'), new TextRun(` ${view.drafted}`)] });
  if (view.cleared.length === 0) return [first];
  return [
    first,
    new Paragraph({ style: paragraphStyle.clearance, children: [label('Cleared:')] }),
    ...view.cleared.map((name) => new Paragraph({ style: paragraphStyle.clearanceName, children: [new TextRun(name)] })),
  ];
}
