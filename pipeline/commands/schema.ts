// `briefing schema [--config]`: a JSON Schema on stdout, for the YAML language server: the
// frontmatter's, or the config file's. Both are generated from the zod schemas that validate.
import { parseArgs } from 'node:util';
import { exitCodes, type Io } from './io.js';

export const schemaOptions = {
  config: { type: 'boolean' },
} as const;

export async function schema(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: schemaOptions });
  const json = values.config ? (await import('../source/config.js')).configJsonSchema() : (await import('../source/json-schema.js')).frontmatterJsonSchema();
  io.out(`${JSON.stringify(json, null, 2)}\n`);
  return exitCodes.ok;
}
