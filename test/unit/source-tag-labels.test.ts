// Tags print in the book's index as words a reader uses: countries named from their ISO codes,
// regions and topics from the glossary; a tag nothing names is a warning at its place.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryName } from '../../pipeline/source/tag-labels.js';
import { checkBriefing } from '../hostile/stages.js';
import { memo, writeTree } from '../support/fixtures.js';

describe('tag names for the index', () => {
  it('names countries from ISO 3166 codes, in the common form and never as an abbreviation', () => {
    expect(countryName('KP', 'en-US')).toBe('North Korea');
    expect(countryName('KR', 'en-US')).toBe('South Korea');
    expect(countryName('US', 'en-US')).toBe('United States');
    expect(countryName('USA', 'en-US')).toBe('United States');
    expect(countryName('CN', 'en-US')).toBe('China');
    expect(countryName('GB', 'en-GB')).toBe('United Kingdom');
    expect(countryName('JP', 'ja-JP')).toBe('日本');
    expect(countryName('UK', 'en-US')).toBeUndefined();
  });

  it('warns at each tag that nothing names, and says where to name it', async () => {
    const folder = writeTree({
      'glossary.yml': 'regions: { EAP: East Asia and the Pacific }\ntopics: { extended-deterrence: Extended deterrence }\ncountries: { EU: European Union }\n',
      'memo.md': memo({ extra: 'tags:\n  regions: [EAP, WHA]\n  countries: [JP, EU, XX]\n  topics: [extended-deterrence, logistics]\n' }),
    });
    const checked = await checkBriefing(path.join(folder, 'memo.md'), folder);
    const warnings = checked.file.messages.filter((message) => message.ruleId === 'tag-label').map((message) => `${message.line}:${message.column} ${message.reason}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^11:18 the region tag "WHA" has no name for the book's index; add its name under regions: in the glossary/),
      expect.stringMatching(/^12:23 the country tag "XX" has no name for the book's index; use an ISO 3166 country code/),
      expect.stringMatching(/^13:33 the topic tag "logistics" has no name for the book's index; add its label under topics: in the glossary, e\.g\. topics: \{ logistics: Logistics \}/),
    ]);
  });
});
