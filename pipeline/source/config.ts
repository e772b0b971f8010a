// Team settings live in briefing.config.yml in the working folder: the issuing office, the
// marking system, printing limits. Validated like frontmatter; a bad config is a usage error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { markingSystems, type MarkingSystem } from './markings.js';

export const configFileName = 'briefing.config.yml';

const configSchema = z.strictObject({
  office: z.string().min(1).optional(),
  markings: z.enum(Object.keys(markingSystems) as [string, ...string[]]).optional(),
  pool_size: z.number().int().min(1).max(16).optional(),
  print_timeout_seconds: z.number().positive().max(3600).optional(),
  number_first_page: z.boolean().optional(),
});

export interface BriefingConfig {
  office: string;
  markings: MarkingSystem;
  poolSize?: number;
  printTimeoutMs: number;
  numberFirstPage: boolean;
  /** The config file's bytes, part of every output's cache key. */
  fingerprint: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(cwd = process.cwd()): BriefingConfig {
  const file = path.join(cwd, configFileName);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // No config file: the defaults below.
  }
  let raw: unknown = {};
  try {
    raw = text ? parse(text, { maxAliasCount: 50 }) ?? {} : {};
  } catch (error) {
    throw new ConfigError(`${configFileName}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${configFileName}: ${issue.path.join('.') || 'config'}: ${issue.message}`);
  }
  const settings = parsed.data;
  return {
    office: settings.office ?? 'Office of the Policy Planning Staff',
    markings: markingSystems[settings.markings ?? 'us']!,
    poolSize: settings.pool_size,
    printTimeoutMs: (settings.print_timeout_seconds ?? 60) * 1000,
    numberFirstPage: settings.number_first_page ?? true,
    fingerprint: text,
  };
}
