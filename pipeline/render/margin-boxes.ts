// The top margin holds three boxes: the running header (left), the banner (centre) and DRAFT
// (right). Chromium sizes margin boxes from their content, so a long header squeezed the
// banner and wrapped mid-phrase. Here the widths are decided up front: the centre box fits the
// banner, the two sides share the rest equally (so the banner stays centred), and the header's
// title is shortened to one line of its box, with the date on a second line.

const contentWidthIn = { letter: 8.5 - 2, a4: 8.27 - 2 } as const;

/** Rough advance of one character in inches at 10 pt: Times-metric capitals/lowercase, CJK full width. */
export function textWidthIn(text: string, bold: boolean): number {
  let points = 0;
  for (const character of text) {
    if (/[\u3000-\u9fff\uff00-\uffef]/.test(character)) points += 10;
    else if (/[A-Z0-9]/.test(character)) points += bold ? 7.2 : 6.8;
    else if (/[\s.,·:;'()/-]/.test(character)) points += 3;
    else points += 4.4;
  }
  return points / 72;
}

export interface MarginBoxes {
  /** CSS widths of the side boxes and the centre box. */
  side: string;
  centre: string;
  /** The running header's first line: the short title, cut with an ellipsis to fit. */
  headerTitle: string;
}

export function marginBoxes(bannerText: string, title: string, paper: 'letter' | 'a4'): MarginBoxes {
  const content = contentWidthIn[paper];
  const centre = Math.min(Math.max(textWidthIn(bannerText, true) + 0.3, 1.4), content - 2.4);
  const side = (content - centre) / 2;
  const room = side - 0.1;
  let headerTitle = title;
  if (textWidthIn(headerTitle, false) > room) {
    const characters = [...title];
    while (characters.length > 1 && textWidthIn(`${characters.join('').trimEnd()}…`, false) > room) characters.pop();
    headerTitle = `${characters.join('').trimEnd()}…`;
  }
  return { side: `${side.toFixed(2)}in`, centre: `${centre.toFixed(2)}in`, headerTitle };
}
