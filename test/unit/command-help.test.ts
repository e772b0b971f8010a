// `briefing COMMAND --help` names every option the command's parser takes (a flag added to a
// parser and not to its help fails here), and no option of another command.
import { describe, expect, it } from 'vitest';
import { bookOptions } from '../../pipeline/commands/book.js';
import { buildOptions } from '../../pipeline/commands/build.js';
import { checkOptions } from '../../pipeline/commands/check.js';
import { devOptions } from '../../pipeline/commands/dev.js';
import { commandHelp, globalHelp, type CommandName } from '../../pipeline/commands/help.js';
import { newOptions } from '../../pipeline/commands/new.js';
import { redlineOptions } from '../../pipeline/commands/redline.js';
import { schemaOptions } from '../../pipeline/commands/schema.js';

type Options = Record<string, { type: 'string' | 'boolean'; short?: string; default?: unknown }>;

const parsers: Record<CommandName, Options> = {
  build: buildOptions,
  book: bookOptions,
  check: checkOptions,
  new: newOptions,
  redline: redlineOptions,
  dev: devOptions,
  schema: schemaOptions,
};

/** The flags a parser takes as a user types them: a boolean on by default is turned off with --no-NAME. */
const flagsOf = (options: Options) =>
  Object.entries(options).flatMap(([name, option]) => [option.type === 'boolean' && option.default === true ? `--no-${name}` : `--${name}`, ...(option.short ? [`-${option.short}`] : [])]);

/** The flags a help text lists in its Options section. */
const listedFlags = (help: string) => [...(help.split('\nOptions:\n')[1] ?? '').matchAll(/(?<=^|[\s,])(--?[a-z][a-z0-9-]*)/gm)].map((match) => match[1]!);

describe('each command has its own --help', () => {
  it.each(Object.keys(parsers) as CommandName[])('%s --help lists every option its parser takes, and only those', (name) => {
    const help = commandHelp[name];
    expect(help).toMatch(new RegExp(`^Usage: briefing ${name}\\b`));
    const flags = flagsOf(parsers[name]);
    for (const flag of flags) expect(listedFlags(help), `${name} ${flag}`).toContain(flag);
    expect(new Set(listedFlags(help).filter((flag) => !flags.includes(flag) && flag !== '--help' && flag !== '-h'))).toEqual(new Set());
  });

  it('names --no-cache for check and --browser-ws-endpoint for every command that prints', () => {
    expect(commandHelp.check).toContain('--no-cache');
    for (const name of ['build', 'book', 'redline', 'dev'] as const) expect(commandHelp[name]).toContain('--browser-ws-endpoint URL');
  });

  it('the global help names every command and sends to COMMAND --help for options', () => {
    for (const name of Object.keys(parsers)) expect(globalHelp).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(globalHelp).toContain('briefing COMMAND --help');
  });
});
