// The `briefing` command: help, version and dispatch to one file per command (commands/).
// Each command is imported only when it runs: a build where nothing changed should not pay for
// loading the Markdown parser, the templates or Puppeteer.
import { commandHelp, globalHelp, isCommandName } from './commands/help.js';
import { exitCodes, usageError, type Io } from './commands/io.js';
import { BrowserUnavailableError } from './print/browser.js';
import { toolVersion } from './project.js';
import { ConfigError } from './source/config-error.js';

export async function main(argv: string[], io: Io = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), cwd: process.cwd(), env: process.env }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(globalHelp);
      return command === undefined ? exitCodes.usage : exitCodes.ok;
    }
    if (command === '-v' || command === '--version') {
      io.out(`${toolVersion}\n`);
      return exitCodes.ok;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      // A command's own usage and options; an unknown command's mistake is told below.
      if (isCommandName(command)) {
        io.out(commandHelp[command]);
        return exitCodes.ok;
      }
    }
    switch (command) {
      case 'build':
        return await (await import('./commands/build.js')).build(rest, io);
      case 'book':
        return await (await import('./commands/book.js')).book(rest, io);
      case 'check':
        return await (await import('./commands/check.js')).check(rest, io);
      case 'new':
        return await (await import('./commands/new.js')).newMemo(rest, io);
      case 'redline':
        return await (await import('./commands/redline.js')).redline(rest, io);
      case 'dev':
        // Loaded only when asked for: the server, pdf.js paths and the print pool.
        return await (await import('./commands/dev.js')).dev(rest, io);
      case 'schema':
        return await (await import('./commands/schema.js')).schema(rest, io);
      default:
        return usageError(io, command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof BrowserUnavailableError) {
      io.err(`briefing: ${error.message}\n`);
      return exitCodes.noBrowser;
    }
    if (error instanceof ConfigError) {
      // Every problem of the config, one a line: the author fixes them all in one go.
      for (const problem of error.problems.slice(0, -1)) io.err(`briefing: ${problem}\n`);
      return usageError(io, error.problems.at(-1) ?? error.message);
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      // Node's wording runs on about positionals after `--`; the option's name is what helps.
      const option = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
      return usageError(io, option ? `unknown option ${option}` : (error.message.split('\n')[0] ?? error.message).replace(/\.$/, ''));
    }
    throw error;
  }
}
