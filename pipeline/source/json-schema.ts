// The editors' JSON Schema is generated from the very zod schema the build validates with.
import { z } from 'zod';
import { frontmatterSchema } from './schema.js';

export function frontmatterJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frontmatterSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Briefing frontmatter',
    description: 'YAML frontmatter of a policy briefing (info-memo, action-memo, policy-brief).',
  };
}
