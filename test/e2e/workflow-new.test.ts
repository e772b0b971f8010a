// `briefing new`: a memo in its week's folder with an id no briefing of the content folder has,
// filled from the config, whose placeholders fail check and build until they are written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { memo, writeTree } from '../support/fixtures.js';

const config = `office: "Office of Japanese Affairs (EAP/J)"
new:
  region: EAP
  from: { name: "A. Analyst" }
  to: [The Secretary]
`;

/** Each placeholder replaced by plain words, as an author would. */
const written = (text: string) => text.replace(/\[\[([^\]\n]+)\]\]/g, 'Written text');

describe('briefing new', () => {
  // A project whose content folder already uses numbers 3 and 7 of the week, in two folders.
  const project = writeTree({
    'briefing.config.yml': config,
    'content/2024-w31/earlier.md': memo({ id: 'EAP-2024-W31-003' }),
    'content/archive/moved.md': memo({ id: 'EAP-2024-W31-007', date: '2024-07-30' }),
  });
  let first: CliResult;
  let second: CliResult;
  let firstPath: string;
  let secondPath: string;

  beforeAll(async () => {
    first = await runCli(['new', 'info-memo', '--week', '2024-W31'], { cwd: project });
    second = await runCli(['new', 'action-memo', '--week', '2024-W31', '--title', 'U.S.-Japan talks on extended deterrence'], { cwd: project });
    firstPath = path.join(project, first.stdout.trim());
    secondPath = path.join(project, second.stdout.trim());
  });

  it("writes each memo into the week's folder under content/ and prints its path", () => {
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stdout.trim()).toBe(path.join('content', '2024-w31', 'eap-2024-w31-008.md'));
    expect(second.stdout.trim()).toBe(path.join('content', '2024-w31', 'us-japan-talks-on-extended-deterrence.md'));
    expect(existsSync(firstPath) && existsSync(secondPath)).toBe(true);
  });

  it('gives each an id no briefing of the content folder has: the next number after the highest', () => {
    expect(readFileSync(firstPath, 'utf8')).toMatch(/^id: EAP-2024-W31-008$/m);
    expect(readFileSync(secondPath, 'utf8')).toMatch(/^id: EAP-2024-W31-009$/m);
    expect(second.stderr).toContain('new action-memo EAP-2024-W31-009');
  });

  it('dates it the Monday of the week and fills sender, addressee, office and marking from the config', () => {
    const text = readFileSync(secondPath, 'utf8');
    expect(text).toMatch(/^date: 2024-07-29$/m);
    expect(text).toMatch(/^title: "U\.S\.-Japan talks on extended deterrence"$/m);
    expect(text).toMatch(/^to: \["The Secretary"\]$/m);
    expect(text).toMatch(/^from: \{ name: "A\. Analyst", office: "Office of Japanese Affairs \(EAP\/J\)" \}$/m);
    expect(text).toMatch(/^marking: \{ level: UNCLASSIFIED \}$/m);
    expect(text).toMatch(/^status: draft$/m);
    expect(text).toMatch(/^ {2}- text: "That you \[\[approve …: the decision you ask for\]\]"$/m);
  });

  it('fails check at each placeholder until the placeholders are written, then passes', async () => {
    const checked = await runCli(['check', '--no-cache'], { cwd: project });
    expect(checked.code).toBe(1);
    for (const file of [firstPath, secondPath]) {
      const shown = path.relative(project, file);
      const lines = readFileSync(file, 'utf8').split('\n');
      const expected = lines.flatMap((line, index) => [...line.matchAll(/\[\[[^\]\n]+\]\]/g)].map((match) => `${shown}:${index + 1}:${match.index! + 1}  error  replace the placeholder ${match[0]} with your own text  placeholder`));
      expect(expected.length).toBeGreaterThan(3);
      const reported = checked.stderr.split('\n').filter((line) => line.startsWith(`${shown}:`));
      expect(reported).toEqual(expected);
    }
    for (const file of [firstPath, secondPath]) writeFileSync(file, written(readFileSync(file, 'utf8')));
    const after = await runCli(['check', '--no-cache', '--strict'], { cwd: project });
    expect(after.stderr).toMatch(/✓ 0 errors, 0 warnings in 4 briefings/);
    expect(after.code).toBe(0);
  });

  it('writes a policy brief and a classified memo that check clean once written', async () => {
    const folder = writeTree({ 'briefing.config.yml': `${config}  marking: SECRET\n` });
    const brief = await runCli(['new', 'policy-brief', '--week', '2024-W32', '--region', 'nea'], { cwd: folder });
    const secret = await runCli(['new', 'info-memo', '--week', '2024-W32'], { cwd: folder });
    expect([brief.code, secret.code]).toEqual([0, 0]);
    expect(brief.stdout.trim()).toBe(path.join('content', '2024-w32', 'nea-2024-w32-001.md'));
    const secretText = readFileSync(path.join(folder, secret.stdout.trim()), 'utf8');
    expect(secretText).toMatch(/^title: "\(S\) \[\[Subject/m);
    expect(secretText).toMatch(/^ {2}authority:$/m);
    for (const created of [brief, secret]) {
      const file = path.join(folder, created.stdout.trim());
      writeFileSync(file, written(readFileSync(file, 'utf8')));
    }
    const checked = await runCli(['check', '--no-cache', '--strict'], { cwd: folder });
    expect(checked.stderr).toMatch(/✓ 0 errors, 0 warnings in 2 briefings/);
  });

  it('is refused by build while a placeholder is left, without starting a browser', async () => {
    const folder = writeTree({ 'briefing.config.yml': config });
    const created = await runCli(['new', 'info-memo', '--week', '2024-W31'], { cwd: folder });
    const built = await runCli(['build', '--out', 'out'], { cwd: folder, env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/browser' } });
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(`${created.stdout.trim()}:10:8  error  replace the placeholder [[Bottom line: the main point in one to four sentences]] with your own text  placeholder`);
  });

  it('never overwrites a file: exit 2, and the file is left as it was', async () => {
    const folder = writeTree({ 'briefing.config.yml': config, 'content/2024-w31/taken.md': 'mine\n' });
    const result = await runCli(['new', 'info-memo', '--week', '2024-W31', '--out', 'content/2024-w31/taken.md'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`briefing: ${path.join('content', '2024-w31', 'taken.md')} already exists and was left as it is; choose another --title or --out; run \`briefing --help\` for usage\n`);
    expect(readFileSync(path.join(folder, 'content/2024-w31/taken.md'), 'utf8')).toBe('mine\n');
  });

  it.each([
    [['new'], 'briefing new needs a memo type: info-memo, action-memo, policy-brief'],
    [['new', 'memo'], '"memo" is not a memo type; use one of info-memo, action-memo, policy-brief'],
    [['new', 'info-memo', '--week', '2024-31'], '--week takes an ISO week such as 2024-W31; got "2024-31"'],
    [['new', 'info-memo', '--region', 'E/AP'], '--region takes a region code of letters and digits, e.g. EAP; got "E/AP"'],
  ])('is a usage error with the fix: %j', async (args, message) => {
    const result = await runCli(args, { cwd: writeTree({ 'briefing.config.yml': config }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`briefing: ${message}; run \`briefing --help\` for usage\n`);
  });

  it('needs a region when the id pattern has one and none is configured', async () => {
    const result = await runCli(['new', 'info-memo'], { cwd: writeTree({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the id pattern {region}-{week}-{nnn} needs a region; give --region (e.g. --region EAP) or set new.region in briefing.config.yml');
  });
});
