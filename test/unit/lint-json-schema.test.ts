// The editors' JSON Schema (`briefing schema`) and the validator the build uses must agree:
// every sample is valid under both, and every broken frontmatter below is invalid under both.
// An editor that accepted what the build refuses (or the reverse) would teach authors wrong.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontmatterJsonSchema } from '../../pipeline/source/json-schema.js';
import { splitBriefing } from '../../pipeline/source/frontmatter.js';
import { frontmatterSchema } from '../../pipeline/source/schema.js';
import { projectRoot, runCli } from '../support/cli.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validateJsonSchema = ajv.compile(frontmatterJsonSchema());

const verdicts = (data: unknown) => ({ zod: frontmatterSchema.safeParse(data).success, jsonSchema: validateJsonSchema(data) });

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

const infoMemo = parse(`
type: info-memo
id: EAP-2024-W31-001
title: "(U) Extended deterrence"
date: 2024-07-28
to: [Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking: { level: UNCLASSIFIED }
bluf: "One to four sentences."
`) as Record<string, unknown>;
const actionMemo = { ...infoMemo, type: 'action-memo', recommendations: [{ text: 'That you approve.', decide_by: '2024-08-05' }] };
const policyBrief = { ...infoMemo, type: 'policy-brief', to: undefined, from: undefined, authors: [{ name: 'M. Fellow' }] };
const without = (data: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(data).filter(([name]) => name !== key));

const validVariants: Record<string, unknown> = {
  'info memo': infoMemo,
  'action memo': actionMemo,
  'policy brief': JSON.parse(JSON.stringify(policyBrief)),
  'one addressee as a string': { ...infoMemo, to: 'Secretary' },
  'every optional key': {
    ...infoMemo,
    short_title: 'Deterrence',
    tags: { regions: ['EAP'], countries: ['JP'], topics: ['deterrence'] },
    sources: [{ id: 'a', title: 'A', url: 'https://example.org/a', accessed: '2024-02-29' }],
    status: 'draft',
    clearance: { drafted: 'A', cleared: 'B' },
    lang: 'en-GB',
    paper: 'a4',
    priority: 2,
    attachments: ['Talking points'],
  },
  'a policy brief with its issuing office': { ...JSON.parse(JSON.stringify(policyBrief)), from: { name: 'A. Analyst', office: 'Office of Japanese Affairs' } },
  'dissemination controls apart from the level': { ...infoMemo, marking: { level: 'SECRET', dissem: ['NOFORN'] } },
  'one CUI category': { ...infoMemo, marking: { level: 'CUI', cui: { controlled_by: 'EAP/J', category: 'PRVCY', poc: 'A. Analyst' } } },
  'routing: through, cc and distribution': { ...infoMemo, through: ['The Deputy Secretary'], cc: 'USD(P)', distribution: ['EAP/J', 'S/P'] },
  'clearers in full and as lines of text': {
    ...infoMemo,
    clearance: { drafted: 'EAP/J - A. Analyst', cleared: ['EAP - B. Director (ok)', { office: 'PM', name: 'K. Officer', date: '2024-07-30', status: 'edits' }, { office: 'S/P' }] },
  },
  'a list of CUI categories': { ...infoMemo, marking: { level: 'CUI', cui: { controlled_by: 'EAP/J', category: ['OPSEC', 'PRVCY'], poc: 'A. Analyst' } } },
};

const invalidVariants: Record<string, unknown> = {
  'no type': without(infoMemo, 'type'),
  'an unknown type': { ...infoMemo, type: 'memo' },
  'no id': without(infoMemo, 'id'),
  'an id with a space': { ...infoMemo, id: 'EAP 2024' },
  'an empty title': { ...infoMemo, title: '' },
  'a title of spaces only': { ...infoMemo, title: '   ' },
  'month 13': { ...infoMemo, date: '2024-13-01' },
  'February 30': { ...infoMemo, date: '2024-02-30' },
  'a date in another format': { ...infoMemo, date: '28 July 2024' },
  'a date as a number': { ...infoMemo, date: 20240728 },
  'a memo without to': without(infoMemo, 'to'),
  'an empty addressee list': { ...infoMemo, to: [] },
  'from without a name': { ...infoMemo, from: { office: 'Office' } },
  'a marking without level': { ...infoMemo, marking: {} },
  'an unknown key': { ...infoMemo, colour: 'blue' },
  'an unknown key in marking': { ...infoMemo, marking: { level: 'UNCLASSIFIED', color: 'red' } },
  'an action memo without recommendations': without(actionMemo, 'recommendations'),
  'an action memo with an empty recommendation list': { ...actionMemo, recommendations: [] },
  'a recommendation without text': { ...actionMemo, recommendations: [{ decide_by: '2024-08-05' }] },
  'recommendations on an info memo': { ...infoMemo, recommendations: [{ text: 'That you approve.' }] },
  'a policy brief without authors': without(JSON.parse(JSON.stringify(policyBrief)) as Record<string, unknown>, 'authors'),
  'an unknown status': { ...infoMemo, status: 'final' },
  'a language name instead of a tag': { ...infoMemo, lang: 'english' },
  'an unknown paper size': { ...infoMemo, paper: 'a5' },
  'a source address that is not http(s)': { ...infoMemo, sources: [{ id: 'a', title: 'A', url: 'ftp://example.org/a' }] },
  'regions as a string': { ...infoMemo, tags: { regions: 'EAP' } },
  'a fractional priority': { ...infoMemo, priority: 1.5 },
  'not a mapping at all': ['type', 'info-memo'],
  'a clearer without an office': { ...infoMemo, clearance: { cleared: [{ name: 'K. Officer', status: 'ok' }] } },
  'a clearer with an unknown status': { ...infoMemo, clearance: { cleared: [{ office: 'PM', status: 'approved' }] } },
  'a clearer with a date in another format': { ...infoMemo, clearance: { cleared: [{ office: 'PM', date: '30 July 2024' }] } },
  'an empty list of clearers': { ...infoMemo, clearance: { cleared: [] } },
  'through on a policy brief': { ...JSON.parse(JSON.stringify(policyBrief)), through: ['The Deputy Secretary'] },
  'an empty list of copies': { ...infoMemo, cc: [] },
  'an empty list of CUI categories': { ...infoMemo, marking: { level: 'CUI', cui: { controlled_by: 'EAP/J', category: [], poc: 'A. Analyst' } } },
};

/** Every property of every object in a JSON Schema, with its path (`oneOf[0].marking.cui.poc`). */
function propertiesOf(schema: unknown, at = ''): { path: string; schema: Record<string, unknown> }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const found: { path: string; schema: Record<string, unknown> }[] = [];
  for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    found.push({ path: `${at}.${name}`, schema: property }, ...propertiesOf(property, `${at}.${name}`));
  }
  for (const key of ['items', 'additionalProperties']) found.push(...propertiesOf(node[key], `${at}[${key}]`));
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    ((node[key] ?? []) as unknown[]).forEach((branch, index) => found.push(...propertiesOf(branch, `${at}.${key}[${index}]`)));
  }
  for (const [name, definition] of Object.entries((node.$defs ?? {}) as Record<string, unknown>)) found.push(...propertiesOf(definition, `$defs.${name}`));
  return found;
}

describe('the JSON Schema and the zod validator agree', () => {
  const samples = markdownFiles(path.join(projectRoot, 'content'));

  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(samples.map((file) => [path.relative(projectRoot, file), file]))('%s is valid under both', (_name, file) => {
    const { data, problems } = splitBriefing(readFileSync(file, 'utf8'));
    expect(problems).toEqual([]);
    expect(verdicts(data)).toEqual({ zod: true, jsonSchema: true });
  });

  it.each(Object.entries(validVariants))('%s: valid under both', (_name, data) => {
    expect(verdicts(data)).toEqual({ zod: true, jsonSchema: true });
  });

  it.each(Object.entries(invalidVariants))('%s: invalid under both', (_name, data) => {
    expect(verdicts(data)).toEqual({ zod: false, jsonSchema: false });
  });

  it('describes every key, at every depth, for editors to show', () => {
    const properties = propertiesOf(frontmatterJsonSchema());
    // Every memo type's keys and the nested groups (marking.cui, sources[], from…).
    expect(properties.length).toBeGreaterThan(100);
    for (const key of ['.marking.properties.dissem', '.marking.properties.cui.properties.category', '.from.properties.office']) {
      expect(properties.some((property) => property.path.replaceAll('.properties', '').endsWith(key.replaceAll('.properties', '')))).toBe(true);
    }
    const undescribed = properties.filter((property) => typeof property.schema.description !== 'string' || property.schema.description.trim() === '').map((property) => property.path);
    expect(undescribed).toEqual([]);
  });

  it('is what `briefing schema` prints', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(frontmatterJsonSchema());
  });
});
