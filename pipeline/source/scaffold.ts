// The Markdown of a new memo (`briefing new`): what is known is filled in (id, date, addressees,
// sender, marking), and everything the author must write is a placeholder that `check` and
// `build` refuse (placeholders.ts). Optional routing keys are written as comments, so a new
// author finds them without reading the README. Portion marks open every portion when the
// marking is above the lowest level: all or none (R2), and the title too (R3).
import type { MarkingSystem } from './markings.js';
import { placeholder } from './placeholders.js';
import type { MemoType } from './schema.js';

export interface ScaffoldValues {
  type: MemoType;
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  title?: string;
  region?: string;
  to?: string[];
  from: { name?: string; title?: string; office?: string };
  /** The marking level, a banner of the marking system (validated by the config). */
  marking: string;
  markings: MarkingSystem;
}

/** A YAML string in double quotes: every value the author gave is quoted, whatever it holds. */
const quoted = (text: string) => JSON.stringify(text);

const list = (items: string[]) => `[${items.map(quoted).join(', ')}]`;

function markingLines(values: ScaffoldValues): string[] {
  const level = values.markings.levels.find((candidate) => candidate.banner === values.marking.split('//')[0]);
  // A banner of capitals, spaces and slashes reads as itself in YAML; anything else is quoted.
  const banner = /^[A-Z][A-Z0-9 /-]*$/.test(values.marking) ? values.marking : quoted(values.marking);
  if (!level?.classified && level?.designationBlock !== 'cui') return [`marking: { level: ${banner} }`];
  const lines = [`marking:`, `  level: ${banner}`];
  if (level?.classified) {
    lines.push(
      '  authority:',
      `    classified_by: ${quoted(placeholder('name and office of the classification authority'))}`,
      `    reason: ${quoted(placeholder('classification reason, e.g. 1.4(d)'))}`,
      `    declassify_on: ${quoted(placeholder('YYYYMMDD or an event'))}`,
    );
  }
  if (level?.designationBlock === 'cui') {
    lines.push(
      '  cui:',
      `    controlled_by: ${quoted(placeholder('office that controls the CUI'))}`,
      `    category: ${quoted(placeholder('CUI category, e.g. PRVCY'))}`,
      `    poc: ${quoted(placeholder('name and phone of the point of contact'))}`,
    );
  }
  return lines;
}

export function scaffoldMemo(values: ScaffoldValues): string {
  const level = values.markings.levels.find((candidate) => candidate.banner === values.marking.split('//')[0]);
  const lowest = values.markings.levels[0]!;
  // Above the lowest level every portion carries its mark, the scaffold's placeholders too.
  const mark = level && level !== lowest ? `(${level.portion}) ` : '';
  const sender = values.from;
  const senderName = sender.name ?? placeholder('your name');
  const senderOffice = sender.office ?? placeholder('your office');
  const isMemo = values.type !== 'policy-brief';
  const lines = [
    '---',
    `type: ${values.type}`,
    `id: ${values.id}`,
    `title: ${quoted(mark + (values.title ?? placeholder('Subject: one line that says what the memo is about')))}`,
    `date: ${values.date}`,
  ];
  if (isMemo) {
    lines.push(`to: ${values.to ? list(values.to) : list([placeholder('addressee, e.g. The Secretary')])}`);
    lines.push(`# through: [The Deputy Secretary]   # a THROUGH: line under the addressee`);
    lines.push(`from: { name: ${quoted(senderName)}${sender.title ? `, title: ${quoted(sender.title)}` : ''}, office: ${quoted(senderOffice)} }`);
  } else {
    lines.push(`# subtitle: "…"`);
    lines.push(`authors: [{ name: ${quoted(senderName)}, office: ${quoted(senderOffice)} }]`);
  }
  lines.push(...markingLines(values));
  lines.push(`bluf: ${quoted(mark + placeholder('Bottom line: the main point in one to four sentences'))}`);
  if (values.type === 'policy-brief') {
    lines.push('key_points:', `  - ${quoted(mark + placeholder('first key point'))}`, `  - ${quoted(mark + placeholder('second key point'))}`);
  }
  if (values.type === 'action-memo') {
    lines.push(
      'recommendations:',
      `  - text: ${quoted(`${mark}That you ${placeholder('approve …: the decision you ask for')}`)}`,
      '    # decide_by: YYYY-MM-DD',
    );
  }
  // A tag the glossary cannot name is a warning: left for the author to fill in and name.
  lines.push(`# tags: { regions: [${values.region ?? 'EAP'}], countries: [US, JP], topics: [extended-deterrence] }   # the book's index`);
  lines.push('status: draft');
  if (isMemo) {
    lines.push(
      'clearance:',
      `  drafted: ${quoted(sender.name && sender.office ? `${sender.office} - ${sender.name}` : placeholder('office - drafter'))}`,
      '  # cleared:',
      '  #   - { office: EAP, name: B. Director, date: YYYY-MM-DD, status: ok }   # ok | edits | info',
      '# cc: [USD(P)]              # cc: lines at the end (DoD)',
      '# distribution: [EAP/J]     # Distribution: lines at the end (State)',
    );
  }
  lines.push('---', '');
  // Headings are portions too; they say what follows, marked at the lowest level.
  const headingMark = mark ? `(${lowest.portion}) ` : '';
  const section = (heading: string, what: string) => [`## ${headingMark}${heading}`, '', `${mark}${placeholder(what)}`, ''];
  if (values.type === 'policy-brief') {
    lines.push(
      ...section('Introduction', 'The question and why it matters now.'),
      ...section('Analysis', 'What the evidence shows, citing the sources listed in the frontmatter.'),
      ...section('Recommendations', 'What should be done, and by whom.'),
    );
  } else {
    lines.push(...section('Background', 'What happened: the facts the reader needs, in a paragraph or two.'));
    lines.push(
      ...section(
        'Discussion',
        values.type === 'action-memo' ? 'Why you recommend it: the options, and where each office stands.' : 'What it means for us, and what comes next.',
      ),
    );
  }
  return lines.join('\n');
}
