// Structure checkpoints: role mapping (02-001, 02-003, 02-004), headings (14-002, 14-003,
// 14-007), tables (09-004, 15-003), lists (09-005), figures' alternative text (13-004), notes'
// ids (19-003, 19-004), and the language of passages whose script names another language
// (11-006: Japanese tagged as English).
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { scriptRuns } from '../../../script-languages.js';
import { standardTypes } from '../role-map.js';
import { finding, type Finding } from './finding.js';
import type { PdfReading } from './reading.js';
import { elementText, readTree, type CheckedElement, type CheckedTree } from './tree.js';

const allowedParents: Record<string, string[]> = {
  TR: ['Table', 'THead', 'TBody', 'TFoot'],
  TH: ['TR'],
  TD: ['TR'],
  THead: ['Table'],
  TBody: ['Table'],
  TFoot: ['Table'],
  LI: ['L'],
  Lbl: ['LI', 'Reference', 'BibEntry', 'Note', 'TOCI'],
  LBody: ['LI'],
};
const allowedChildren: Record<string, string[]> = {
  Table: ['TR', 'THead', 'TBody', 'TFoot', 'Caption'],
  THead: ['TR'],
  TBody: ['TR'],
  TFoot: ['TR'],
  TR: ['TH', 'TD'],
  L: ['LI', 'L', 'Caption'],
  LI: ['Lbl', 'LBody'],
};

const describe = (element: CheckedElement) => (element.written === element.type ? element.type : `${element.written} (${element.type})`);

function checkRoleMap(tree: CheckedTree): Finding[] {
  const findings: Finding[] = [];
  for (const [from, to] of tree.roleMap) {
    if (standardTypes.has(from)) findings.push(finding('02-004', `the role map remaps the standard type ${from} to ${to}`));
    const chain = new Set([from]);
    let current = to;
    while (tree.roleMap.has(current) && !chain.has(current)) {
      chain.add(current);
      current = tree.roleMap.get(current)!;
    }
    if (chain.has(current)) findings.push(finding('02-003', `the role map has a cycle through ${from}`));
  }
  for (const type of new Set(tree.elements.map((element) => element.type))) {
    if (!standardTypes.has(type)) findings.push(finding('02-001', `structure type ${type} is not standard and the role map does not map it to a standard type`));
  }
  return findings;
}

function checkHeadings(tree: CheckedTree, reading: PdfReading): Finding[] {
  const findings: Finding[] = [];
  const headings = tree.elements.filter((element) => /^H[1-6]?$/.test(element.type));
  if (headings.some((heading) => heading.type === 'H') && headings.some((heading) => heading.type !== 'H')) findings.push(finding('14-007', 'the document uses both H and numbered headings'));
  let previous = 0;
  for (const heading of headings) {
    if (heading.type === 'H') continue;
    const level = Number(heading.type.slice(1));
    const page = heading.content[0]?.page;
    if (previous === 0 && level !== 1) findings.push(finding('14-002', `the first heading is ${heading.type}, not H1 ("${elementText(heading, reading)}")`, page));
    else if (level > previous + 1) findings.push(finding('14-003', `heading level skipped: ${heading.type} after H${previous} ("${elementText(heading, reading)}")`, page));
    previous = level;
  }
  return findings;
}

function attributes(element: CheckedElement): PDFDict[] {
  const value = element.dict.lookup(PDFName.of('A'));
  const list = value instanceof PDFArray ? value.asArray() : value ? [value] : [];
  return list.map((item) => (item instanceof PDFDict ? item : element.dict.context.lookup(item))).filter((item): item is PDFDict => item instanceof PDFDict);
}

function checkTablesAndLists(tree: CheckedTree): Finding[] {
  const findings: Finding[] = [];
  for (const element of tree.elements) {
    const parents = allowedParents[element.type];
    if (parents && !parents.includes(element.parent?.type ?? '')) {
      const checkpoint = ['LI', 'Lbl', 'LBody'].includes(element.type) ? '09-005' : '09-004';
      findings.push(finding(checkpoint, `${describe(element)} inside ${element.parent ? describe(element.parent) : 'the root'}`, element.content[0]?.page));
    }
    const children = allowedChildren[element.type];
    for (const child of children ? element.children : []) {
      if (!children!.includes(child.type)) {
        const checkpoint = ['L', 'LI'].includes(element.type) ? '09-005' : '09-004';
        findings.push(finding(checkpoint, `${describe(child)} inside ${describe(element)}`, child.content[0]?.page));
      }
    }
    if (element.type === 'TH') {
      const scoped = attributes(element).some((attribute) => attribute.has(PDFName.of('Scope')));
      if (!scoped) findings.push(finding('15-003', 'a table header cell (TH) has no Scope', element.content[0]?.page));
    }
  }
  return findings;
}

const textValue = (element: CheckedElement, key: string) => {
  const value = element.dict.lookup(PDFName.of(key));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText().trim() : '';
};

function checkFiguresAndNotes(tree: CheckedTree): Finding[] {
  const findings: Finding[] = [];
  const noteIds = new Map<string, number>();
  for (const element of tree.elements) {
    if (element.type === 'Figure' && !textValue(element, 'Alt') && !textValue(element, 'ActualText')) {
      findings.push(finding('13-004', 'a Figure has no alternative text (/Alt)', element.content[0]?.page));
    }
    if (element.type === 'Note') {
      const id = textValue(element, 'ID');
      if (!id) findings.push(finding('19-003', 'a Note has no ID', element.content[0]?.page));
      else noteIds.set(id, (noteIds.get(id) ?? 0) + 1);
    }
  }
  for (const [id, count] of noteIds) if (count > 1) findings.push(finding('19-004', `the Note ID "${id}" is used ${count} times`));
  return findings;
}

function checkPassageLanguages(tree: CheckedTree, reading: PdfReading): Finding[] {
  const findings: Finding[] = [];
  for (const element of tree.elements) {
    for (const { page, mcid } of element.content) {
      const text = reading.pages[page - 1]?.textByMcid.get(mcid) ?? '';
      const run = scriptRuns(text, element.lang)[0];
      if (run) findings.push(finding('11-006', `"${text.slice(run.start, run.end).trim()}" is ${run.lang} script but tagged as ${element.lang || 'no language'}`, page));
    }
  }
  return findings;
}

export function checkStructure(reading: PdfReading): Finding[] {
  const tree = readTree(reading);
  if (!tree.root) return [];
  return [...checkRoleMap(tree), ...checkHeadings(tree, reading), ...checkTablesAndLists(tree), ...checkFiguresAndNotes(tree), ...checkPassageLanguages(tree, reading)];
}

