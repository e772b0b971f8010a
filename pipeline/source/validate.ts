// Turns the schema's verdict into messages a staff member can act on, each placed on the YAML
// key or value it is about. Unknown keys are warnings; a key another memo type uses is an error.
import type { core } from 'zod';
import { frontmatterSchema, memoTypes, typesAcceptingKey, type Frontmatter } from './schema.js';
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
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a group of keys';
  return String(value);
}

function messageFor(issue: core.$ZodIssue, data: unknown): string {
  const name = dotted(issue.path) || 'frontmatter';
  const value = valueAt(data, issue.path);
  if (issue.code === 'invalid_type' && value === undefined) {
    return `${name} is missing; add it (required for this memo type)`;
  }
  if (issue.code === 'invalid_union' && issue.path.length === 1 && issue.path[0] === 'type') {
    return `type ${describeValue(value)} is not a memo type; use one of ${memoTypes.join(', ')}`;
  }
  if (issue.code === 'invalid_union' && issue.path.length === 0) {
    const type = valueAt(data, ['type']);
    return type === undefined
      ? `type is missing; add "type:" with one of ${memoTypes.join(', ')}`
      : `type ${describeValue(type)} is not a memo type; use one of ${memoTypes.join(', ')}`;
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((allowedValue) => String(allowedValue)).join(', ');
    return `${name} ${describeValue(value)} is not allowed; use one of ${allowed}`;
  }
  if (issue.code === 'invalid_type') {
    return `${name} should be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of keys' : `a ${issue.expected}`}, not ${describeValue(value)}`;
  }
  // Messages written in the schema already say what to do; prefix the key they are about.
  const message = issue.message.startsWith('"') ? `${name} ${issue.message}` : `${name}: ${issue.message}`;
  return message;
}

export function validateFrontmatter(split: SplitBriefing): ValidationResult {
  const errors: FrontmatterProblem[] = [];
  const warnings: FrontmatterProblem[] = [];
  if (!isRecord(split.data)) {
    errors.push({ message: 'the frontmatter must be a list of "key: value" lines', place: split.locate([]), rule: 'frontmatter' });
    return { errors, warnings };
  }
  // Work on a copy: unknown keys are dropped from it one round at a time, then it is parsed again.
  const data = structuredClone(split.data);
  for (let round = 0; round < 8; round++) {
    const result = frontmatterSchema.safeParse(data);
    if (result.success) return { frontmatter: result.data, errors, warnings };
    let droppedUnknown = false;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          const place = split.locate(path, 'key');
          const wantedBy = issue.path.length === 0 ? typesAcceptingKey(key) : [];
          if (wantedBy.length > 0) {
            errors.push({
              message: `${key} is only used by ${wantedBy.join(' and ')}, not ${String(valueAt(data, ['type']))}; remove it or change the type`,
              place,
              rule: 'frontmatter-type-field',
            });
          } else {
            warnings.push({ message: `unknown key ${dotted(path)} is ignored; check its spelling`, place, rule: 'frontmatter-unknown-key' });
          }
          deleteAt(data, issue.path, key);
          droppedUnknown = true;
        }
      } else {
        errors.push({ message: messageFor(issue, data), place: split.locate(issue.path, 'value'), rule: 'frontmatter' });
      }
    }
    if (errors.length > 0 || !droppedUnknown) return { errors, warnings };
  }
  return { errors, warnings };
}
