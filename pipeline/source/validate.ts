// Turns the schema's verdict into messages a staff member can act on, each placed on the YAML
// key or value it is about. Unknown keys are warnings; a key another memo type uses is an error.
import { z, type core } from 'zod';
import { actionMemoSchema, frontmatterSchema, infoMemoSchema, memoTypes, policyBriefSchema, typesAcceptingKey, type Frontmatter, type MemoType } from './schema.js';
import { closestWord } from './edit-distance.js';
import type { FrontmatterProblem, SplitBriefing } from './frontmatter.js';

export interface ValidationResult {
  frontmatter?: Frontmatter;
  errors: FrontmatterProblem[];
  warnings: FrontmatterProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

function deleteAt(data: unknown, path: readonly PropertyKey[], key: string): void {
  const parent = valueAt(data, path);
  if (isRecord(parent)) delete parent[key];
}

const dotted = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${String(segment)}` : String(segment)), '');

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (isRecord(value)) return 'a group of keys';
  if (value === null) return 'empty';
  return String(value);
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** What a required key looks like when written out: the fix for "is missing". */
const requiredExamples: Record<string, string> = {
  type: 'type: info-memo',
  id: 'id: EAP-2024-W31-001',
  title: 'title: "(U) Subject of the memo"',
  date: 'date: 2024-07-28',
  to: 'to: [Secretary]',
  from: 'from: { name: "A. Analyst", office: "Office of Japanese Affairs" }',
  marking: 'marking: { level: UNCLASSIFIED }',
  'marking.level': 'level: UNCLASSIFIED',
  recommendations: 'recommendations: [{ text: "That you approve ..." }]',
  authors: 'authors: [{ name: "A. Analyst" }]',
  'clearance.cleared.office': 'office: EAP/J',
};

/** Keys every memo type needs; the others are needed because of the type. */
const keysOfEveryType = new Set(['type', 'id', 'title', 'date', 'marking']);

const expectedWords: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a group of keys',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

const article = (type: string) => (/^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`);

function missingMessage(name: string, path: readonly PropertyKey[], data: unknown): string {
  const example = requiredExamples[name] ?? requiredExamples[path.filter((segment) => typeof segment === 'string').join('.')];
  const type = valueAt(data, ['type']);
  const why = path.length === 1 && !keysOfEveryType.has(name) && typeof type === 'string' ? `${article(type)} needs it` : 'add it';
  return `${name} is missing; ${why}${example ? `, e.g. ${example}` : ''}`;
}

function typeMessage(name: string, expected: string[], value: unknown): string {
  const words = [...new Set(expected.map((one) => expectedWords[one] ?? `a ${one}`))];
  const quoteHint = words.length === 1 && words[0] === 'text' && (typeof value === 'number' || typeof value === 'boolean') ? `; put it in quotes: "${String(value)}"` : '';
  const example = Array.isArray(value) || isRecord(value) ? '' : requiredExamples[name] && words.includes('a group of keys') ? `, e.g. ${requiredExamples[name]}` : '';
  return `${name} should be ${words.join(' or ')}, not ${describeValue(value)}${quoteHint}${example}`;
}

/**
 * Messages written in the schema that start with "is " describe the value (`is not a valid
 * date; write YYYY-MM-DD`): they read after the key and the value the author wrote.
 */
function schemaMessage(name: string, message: string, value: unknown): string {
  if (message.startsWith('is ')) return `${name}${isScalar(value) && value !== undefined ? ` ${describeValue(value)}` : ''} ${message}`;
  return message.startsWith('"') ? `${name} ${message}` : `${name}: ${message}`;
}

/** zod's own wording ("Invalid input: expected string…"); ours never starts like this. */
const isDefaultMessage = (message: string) => /^(Invalid|Too (small|big)|Unrecognized)\b/.test(message);

function messageFor(issue: core.$ZodIssue, data: unknown): string {
  const name = dotted(issue.path) || 'frontmatter';
  const value = valueAt(data, issue.path);
  const isType = issue.path.length === 1 && issue.path[0] === 'type';
  if (isType && value === undefined) return `type is missing; add a line such as type: info-memo (one of ${memoTypes.join(', ')})`;
  if (isType || (issue.code === 'invalid_union' && issue.path.length === 0)) {
    const type = valueAt(data, ['type']);
    return type === undefined
      ? `type is missing; add a line such as type: info-memo (one of ${memoTypes.join(', ')})`
      : `type ${describeValue(type)} is not a memo type; use one of ${memoTypes.join(', ')}`;
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) return missingMessage(name, issue.path, data);
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((allowedValue) => String(allowedValue)).join(', ');
    return `${name} ${describeValue(value)} is not allowed; use one of ${allowed}`;
  }
  if (issue.code === 'invalid_type') {
    if (!isDefaultMessage(issue.message) && issue.message.startsWith('is ')) return schemaMessage(name, issue.message, value);
    return typeMessage(name, [issue.expected], value);
  }
  if (issue.code === 'invalid_union') {
    // Each branch of a union (one addressee or a list of them) says what it expected.
    const expected = issue.errors.flatMap((branch) => branch.filter((one) => one.code === 'invalid_type' && one.path.length === 0).map((one) => (one as core.$ZodIssueInvalidType).expected));
    if (expected.length > 0) return typeMessage(name, expected, value);
  }
  if (isDefaultMessage(issue.message)) return `${name} ${describeValue(value)} is not valid here; see the frontmatter example in the README`;
  return schemaMessage(name, issue.message, value);
}

/** Where a problem about `path` belongs: its value, or for a missing key the key that should hold it. */
function placeFor(issue: core.$ZodIssue, data: unknown, split: SplitBriefing) {
  if (valueAt(data, issue.path) === undefined && issue.path.length > 1) return split.locate(issue.path.slice(0, -1), 'key');
  return split.locate(issue.path, 'value');
}

const schemasByType: Record<MemoType, z.ZodType> = { 'info-memo': infoMemoSchema, 'action-memo': actionMemoSchema, 'policy-brief': policyBriefSchema };

/** The keys a group at `path` accepts, for "did you mean": walks the schema of the memo's type. */
function knownKeysAt(type: unknown, path: readonly PropertyKey[]): string[] {
  let schemas: z.ZodType[] = typeof type === 'string' && type in schemasByType ? [schemasByType[type as MemoType]] : Object.values(schemasByType);
  const unwrap = (schema: z.ZodType): z.ZodType[] => {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unwrap(schema.unwrap() as z.ZodType);
    if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
    if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(unwrap);
    return [schema];
  };
  for (const segment of path) {
    schemas = schemas.flatMap(unwrap).flatMap((schema) => {
      if (typeof segment === 'number') return schema instanceof z.ZodArray ? [schema.element as z.ZodType] : [];
      return schema instanceof z.ZodObject && segment in schema.shape ? [schema.shape[segment as string] as z.ZodType] : [];
    });
  }
  return [...new Set(schemas.flatMap(unwrap).flatMap((schema) => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : [])))];
}

/**
 * What an unknown key is: a slip of a key the group accepts and does not have yet (its value
 * would be lost, so an error that names the key), or a key of the author's own (a warning).
 */
function unknownKeyProblem(key: string, parentPath: readonly PropertyKey[], data: unknown): { problem: Omit<FrontmatterProblem, 'place'>; standsFor?: string } {
  const path = [...parentPath, key];
  const known = knownKeysAt(valueAt(data, ['type']), parentPath);
  const parent = valueAt(data, parentPath);
  const given = (name: string) => isRecord(parent) && Object.hasOwn(parent, name);
  const likely = closestWord(key, known.filter((name) => !given(name)));
  if (likely) {
    return {
      problem: { message: `${dotted(path)} is not a key; did you mean ${likely}?`, rule: 'frontmatter-misspelled-key' },
      standsFor: dotted([...parentPath, likely]),
    };
  }
  const alreadyGiven = closestWord(key, known);
  return {
    problem: {
      message: `unknown key ${dotted(path)} is ignored; ${alreadyGiven ? `${alreadyGiven} is already given, so remove it or check its spelling` : 'check its spelling or remove it'}`,
      rule: 'frontmatter-unknown-key',
    },
  };
}

/**
 * A value that has the shape of one branch of a union (a list, where text or a list is allowed)
 * but is wrong inside is about that branch: its problems are named at their place
 * (`clearance.cleared[1].status "approved" is not allowed…`), not "should be text, not a list".
 */
function insideUnion(issue: core.$ZodIssue): core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const matched = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0 && inner.code !== 'unrecognized_keys'));
  if (!matched) return [issue];
  return matched.flatMap((inner) => insideUnion({ ...inner, path: [...issue.path, ...inner.path] } as core.$ZodIssue));
}

export function validateFrontmatter(split: SplitBriefing): ValidationResult {
  const errors: FrontmatterProblem[] = [];
  const warnings: FrontmatterProblem[] = [];
  if (!isRecord(split.data)) {
    errors.push({ message: 'the frontmatter must be a list of "key: value" lines', place: split.locate([]), rule: 'frontmatter' });
    return { errors, warnings };
  }
  // Without a type nothing else can be judged: a slip in the word `type` itself is the one to name.
  if (split.data.type === undefined) {
    const slip = Object.keys(split.data).find((key) => key !== 'type' && knownKeysAt(undefined, []).every((known) => known !== key) && closestWord(key, ['type']));
    if (slip) {
      errors.push({ message: `${slip} is not a key; did you mean type?`, place: split.locate([slip], 'key'), rule: 'frontmatter-misspelled-key' });
      return { errors, warnings };
    }
  }
  // Work on a copy: unknown keys are dropped from it one round at a time, then it is parsed again.
  const data = structuredClone(split.data);
  for (let round = 0; round < 8; round++) {
    const result = frontmatterSchema.safeParse(data);
    if (result.success) return { frontmatter: result.data, errors, warnings };
    let droppedUnknown = false;
    // A misspelt key stands for a key the group lacks: that key is not reported missing as well.
    const standIns = new Set<string>();
    for (const issue of result.error.issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      for (const key of issue.keys) {
        const place = split.locate([...issue.path, key], 'key');
        const wantedBy = issue.path.length === 0 ? typesAcceptingKey(key) : [];
        if (wantedBy.length > 0) {
          errors.push({
            message: `${key} is only used by ${wantedBy.join(' and ')}, not ${String(valueAt(data, ['type']))}; remove it or change the type`,
            place,
            rule: 'frontmatter-type-field',
          });
        } else {
          const { problem, standsFor } = unknownKeyProblem(key, issue.path, data);
          (standsFor ? errors : warnings).push({ ...problem, place });
          if (standsFor) standIns.add(standsFor);
        }
        deleteAt(data, issue.path, key);
        droppedUnknown = true;
      }
    }
    for (const issue of result.error.issues.flatMap(insideUnion)) {
      if (issue.code === 'unrecognized_keys') continue;
      if (standIns.has(dotted(issue.path)) && valueAt(data, issue.path) === undefined) continue;
      errors.push({ message: messageFor(issue, data), place: placeFor(issue, data, split), rule: 'frontmatter' });
    }
    if (errors.length > 0 || !droppedUnknown) return { errors, warnings };
  }
  return { errors, warnings };
}
