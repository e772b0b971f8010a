// The editors' JSON Schema is generated from the very zod schema the build validates with.
// Two of zod's checks have no JSON Schema keyword of their own; they are translated here from
// the zod definitions themselves (never restated by hand), so editor and build agree
// (test/unit/lint-json-schema.test.ts holds them to it).
import { z } from 'zod';
import { frontmatterSchema } from './schema.js';

type JsonSchema = Record<string, unknown>;

interface CheckDef {
  check?: string;
  tx?: (value: unknown) => unknown;
}

function addPattern(schema: JsonSchema, pattern: string): void {
  if (schema.pattern === undefined) schema.pattern = pattern;
  else schema.allOf = [...((schema.allOf as JsonSchema[] | undefined) ?? []), { pattern }];
}

/** Translates what JSON Schema cannot say directly: trimmed non-empty text, URL protocols. */
function translateChecks(context: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const def = (context.zodSchema as { _zod?: { def?: { type?: string; checks?: { _zod: { def: CheckDef } }[]; protocol?: RegExp } } })._zod?.def;
  if (def?.type !== 'string') return;
  // `.trim().min(1)`: zod trims before counting, so "   " fails; say "has a non-space character".
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const trims = checks.some((check) => check.check === 'overwrite' && check.tx?.('  x  ') === 'x');
  if (trims && typeof context.jsonSchema.minLength === 'number' && context.jsonSchema.minLength >= 1) addPattern(context.jsonSchema, '\\S');
  // `z.url({ protocol })`: only those schemes are accepted.
  if (def.protocol instanceof RegExp) addPattern(context.jsonSchema, `^(?:${def.protocol.source.replace(/^\^|\$$/g, '')}):`);
}

export function frontmatterJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frontmatterSchema, { io: 'input', unrepresentable: 'any', override: translateChecks }),
    title: 'Briefing frontmatter',
    description: 'YAML frontmatter of a policy briefing (info-memo, action-memo, policy-brief).',
  };
}
