// briefing.config.yml: every key is described, what `briefing new` and `book` read from it is
// resolved with its defaults, and a wrong value is named at its line and column with the fix.
import { describe, expect, it } from 'vitest';
import { configJsonSchema, loadConfig } from '../../pipeline/source/config.js';
import { ConfigError } from '../../pipeline/source/config-error.js';
import { writeTree } from '../support/fixtures.js';

const configIn = (text: string) => writeTree({ 'briefing.config.yml': text });

function problemOf(text: string): string {
  try {
    loadConfig(configIn(text));
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the config was accepted');
}

/** Every property of every object in a JSON Schema, with its path. */
function propertiesOf(schema: unknown, at = ''): { path: string; description?: unknown }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const found: { path: string; description?: unknown }[] = [];
  for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    found.push({ path: `${at}.${name}`, description: property.description }, ...propertiesOf(property, `${at}.${name}`));
  }
  for (const key of ['anyOf', 'oneOf']) for (const branch of (node[key] ?? []) as unknown[]) found.push(...propertiesOf(branch, at));
  return found;
}

describe('briefing.config.yml', () => {
  it('describes every key, the new ones and the old', () => {
    const properties = propertiesOf(configJsonSchema());
    for (const key of ['.office', '.new.region', '.new.id_pattern', '.new.from.name', '.new.to', '.new.marking', '.book.include_in_clearance']) {
      expect(properties.map((property) => property.path)).toContain(key);
    }
    expect(properties.filter((property) => typeof property.description !== 'string' || property.description === '').map((property) => property.path)).toEqual([]);
  });

  it('gives briefing new and book their defaults without a config', () => {
    const config = loadConfig(writeTree({}));
    expect(config.newMemo).toEqual({ region: undefined, idPattern: '{region}-{week}-{nnn}', from: { office: undefined }, to: undefined, marking: 'UNCLASSIFIED' });
    expect(config.bookIncludesInClearance).toBe(false);
  });

  it("reads what briefing new fills in; a sender's office left out is the team's office", () => {
    const config = loadConfig(
      configIn('office: "Office of Japanese Affairs (EAP/J)"\nnew:\n  region: EAP\n  from: { name: "A. Analyst" }\n  to: [The Secretary]\n  marking: CUI\nbook: { include_in_clearance: true }\n'),
    );
    expect(config.newMemo).toEqual({ region: 'EAP', idPattern: '{region}-{week}-{nnn}', from: { name: 'A. Analyst', office: 'Office of Japanese Affairs (EAP/J)' }, to: ['The Secretary'], marking: 'CUI' });
    expect(config.bookIncludesInClearance).toBe(true);
  });

  it.each([
    ['new:\n  id_pattern: "{region}-{week}"\n', 'briefing.config.yml:2:15  new.id_pattern: needs exactly one number, such as {nnn} (three digits), to tell the week\'s memos apart'],
    ['new:\n  id_pattern: "{office}-{nnn}"\n', 'briefing.config.yml:2:15  new.id_pattern: {office} is not a part of an id; use {region}, {week}, {year}, {date} and a number such as {nnn}'],
    ['new:\n  id_pattern: "{region} {nnn}"\n', 'briefing.config.yml:2:15  new.id_pattern: may hold only letters, digits, ".", "_" and "-" besides its {parts}'],
    ['new:\n  region: E/AP\n', 'briefing.config.yml:2:11  new.region: is not a region code; write letters and digits only, e.g. EAP'],
    ['new:\n  marking: SEKRET\n', 'briefing.config.yml:2:12  new.marking: marking "SEKRET" does not start with a known level; use one of UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET, TOP SECRET'],
    ['new:\n  to: []\n', 'briefing.config.yml:2:7  new.to: is an empty list; name at least one addressee'],
    ['office: X\nnew:\n  regoin: EAP\n', 'briefing.config.yml:3:3  new.regoin is not a setting; did you mean region?'],
    ['book: { include_drafts: true }\n', 'briefing.config.yml:1:9  book.include_drafts is not a setting; use one of include_in_clearance'],
  ])('names a wrong value at its place: %j', (text, message) => {
    expect(problemOf(text)).toBe(message);
  });
});
