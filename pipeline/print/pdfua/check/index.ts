// The PDF/UA-1 checker: reads a PDF and reports each failed Matterhorn checkpoint that a
// machine can test. It shares no code with the post-pass that fixes the PDF, except the list
// of standard structure types: content is read with pdf.js, objects with pdf-lib.
import { checkAnnotations } from './annotations.js';
import { checkDocument } from './document.js';
import type { Finding } from './finding.js';
import { checkFonts } from './fonts.js';
import { checkOutline } from './outline.js';
import { readForCheck } from './reading.js';
import { checkStructure } from './structure.js';

export type { Finding } from './finding.js';

/** Checkpoints this checker tests, for the README and `check --a11y`. */
export const checkpoints: Record<string, string> = {
  '01-003': 'no artifact inside tagged content',
  '01-004': 'no tagged content inside an artifact',
  '01-005': 'all content tagged or an artifact; every MCID in the parent tree',
  '01-007': 'MarkInfo /Suspects is not true',
  '02-001': 'every structure type standard or role-mapped to one',
  '02-003': 'no cycle in the role map',
  '02-004': 'no standard type remapped',
  '06-001': 'an XMP metadata stream',
  '06-002': 'the PDF/UA identifier (pdfuaid:part 1) in it',
  '06-003': 'dc:title in it',
  '07-001': 'ViewerPreferences /DisplayDocTitle present',
  '07-002': '… and true',
  '09-004': 'tables: Table → TR → TH/TD',
  '09-005': 'lists: L → LI → Lbl/LBody',
  '10-001': 'composite fonts map codes to Unicode',
  '11-001': 'the document declares its language',
  '11-006': 'passages in another language’s script are tagged with that language',
  '13-004': 'every Figure has /Alt',
  '14-002': 'the first heading is H1',
  '14-003': 'no heading level skipped',
  '14-007': 'not both H and H1–H6',
  '15-003': 'every TH has a Scope',
  '19-003': 'every Note has an ID',
  '19-004': '… a unique one',
  '28-002': 'other annotations inside an Annot element',
  '28-008': 'a page with annotations has /Tabs',
  '28-009': '… /Tabs /S',
  '28-011': 'every link annotation inside a Link element (OBJR)',
  '28-012': 'every link annotation has /Contents',
  '31-009': 'every font embedded',
  outline: 'the outline matches the headings',
};

export async function checkPdf(bytes: Uint8Array): Promise<Finding[]> {
  const reading = await readForCheck(bytes);
  const findings = [...checkDocument(reading), ...checkStructure(reading), ...checkAnnotations(reading), ...checkFonts(reading), ...checkOutline(reading)];
  return findings.sort((a, b) => a.checkpoint.localeCompare(b.checkpoint) || (a.page ?? 0) - (b.page ?? 0));
}

/** One line per finding: `06-001  page 2  message`. */
export const formatFinding = (item: Finding) => `${item.checkpoint}  ${item.page ? `page ${item.page}  ` : ''}${item.message}`;
