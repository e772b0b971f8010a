// The `briefing` command: help, version and dispatch to one file per command (commands/).
// Each command is imported only when it runs: a build where nothing changed should not pay for
// loading the Markdown parser, the templates or Puppeteer.
import { exitCodes, usageError, type Io } from './commands/io.js';
import { BrowserUnavailableError } from './print/browser.js';
import { toolVersion } from './project.js';
import { ConfigError } from './source/config-error.js';

const help = `briefing ${toolVersion}: policy briefings in Markdown → marked, tagged PDF memos

Usage:
  briefing build [PATH...] [--format pdf|docx|pdf,docx] [--out DIR] [--force]
                 [--changed-since REF] [--shard I/N] [--report FILE.json] [--stamp]
                 [--browser-ws-endpoint URL] [--quiet | --json]
  briefing book [PATH...] [--week YYYY-Www | --from DATE --to DATE] [--out FILE]
                [--include-drafts]
  briefing check [PATH...] [--format text|json] [--strict] [--staged] [--a11y] [--out DIR]
  briefing new TYPE [--week YYYY-Www] [--title TEXT] [--region R] [--out PATH]
  briefing redline FILE [--since REF] [--out FILE]
  briefing dev [PATH] [--port N]
  briefing schema
  briefing --help | --version

Commands:
  build    Check and print each briefing to a PDF. PATH is a Markdown file or a folder
           (default: content/); ROOT/a/b.md becomes OUT/a/b.pdf (default OUT: output/).
  book     One PDF with every memo dated in an ISO week (default: this week) or a date
           range: cover, contents, summary, the memos, index (default OUT:
           output/books/YYYY-Www.pdf). Memos are ordered by priority, then date, then id.
           Drafts and memos in clearance are left out, and named on stderr, unless
           --include-drafts (book.include_in_clearance in the config binds the latter).
  check    Every check of the build and the memo lint rules, without starting a browser.
           --staged checks the Markdown files staged in git (for a pre-commit hook). A
           memo's length is judged from the page count the last build into --out recorded.
  new      Start a memo (TYPE: info-memo, action-memo or policy-brief) in the week's folder
           under content/ (content/2024-w31/), with a fresh id from the config's
           new.id_pattern (default {region}-{week}-{nnn}), dated today or the Monday of
           --week, sender, addressees and marking from the config. Prints its path. Its
           [[placeholders]] fail check and build until you replace them; an existing file
           is never overwritten (exit 2).
  redline  Print FILE as it is now (uncommitted edits included) with the words inserted
           since REF underlined, those deleted struck through, a bar in the margin beside
           each changed line and the frontmatter changes listed on top (title, marking,
           bottom line, recommendations). REF: a commit, branch or tag (default: the last
           commit that touched FILE). Default OUT: output/redlines/NAME.pdf.
  dev      Live preview on http://127.0.0.1:PORT/ (default 4173; 0 picks a free port):
           each briefing's pages as printed, updated on every save, errors shown on top.
  schema   Print the frontmatter's JSON Schema (for the YAML language server).

Options:
  -o, --out DIR                 Where PDFs go (default: output/); book: the PDF; new: the
                                Markdown file (or a folder for it); check: where the last
                                build wrote
      --format pdf|docx|pdf,docx build: a PDF (default), a Word .docx beside where the PDF
                                goes (OUT/a/b.docx), or both; a .docx needs no browser
      --force                   Print every briefing, even those the manifest says are current
      --changed-since REF       Only briefings changed since a git ref (all if a template or
                                the config changed)
      --shard I/N               Build a stable I-th share of N (for a CI matrix)
      --report FILE.json        Write each briefing's source, output, sha256, pages, status,
                                duration and diagnostics
      --json                    Print that report on stdout instead of progress lines
      --stamp                   Print "id · commit · built date" in each page's footer
      --browser-ws-endpoint URL Print through a running browser (or BRIEFING_BROWSER_WS)
      --format text|json        check: how problems are printed (default: text)
      --strict                  check: warnings fail too
      --staged                  check: only the Markdown files staged in git
      --a11y                    check: also audit accessibility (axe-core on the HTML, PDF/UA on the PDF; needs a browser)
      --since REF               redline: compare with this commit (default: the file's last)
      --include-drafts          book: bind drafts and memos in clearance too (still marked)
      --week YYYY-Www           new: date the memo the Monday of that week (default: today)
      --title TEXT              new: the subject; also names the file
      --region R                new: the region code of the id (default: new.region in the config)
  -p, --port N                  dev: the port on 127.0.0.1 (default 4173)
  -q, --quiet                   Only problems and the summary line
  -h, --help                    This help
  -v, --version                 The version

Exit codes: 0 all built, 1 a briefing failed (the others were still built),
2 usage error, 3 no usable browser, 130/143 interrupted.
`;

export async function main(argv: string[], io: Io = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), cwd: process.cwd(), env: process.env }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(help);
      return command === undefined ? exitCodes.usage : exitCodes.ok;
    }
    if (command === '-v' || command === '--version') {
      io.out(`${toolVersion}\n`);
      return exitCodes.ok;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(help);
      return exitCodes.ok;
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
        io.out(`${JSON.stringify((await import('./source/json-schema.js')).frontmatterJsonSchema(), null, 2)}\n`);
        return exitCodes.ok;
      default:
        return usageError(io, command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof BrowserUnavailableError) {
      io.err(`briefing: ${error.message}\n`);
      return exitCodes.noBrowser;
    }
    if (error instanceof ConfigError) return usageError(io, error.message);
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      // Node's wording runs on about positionals after `--`; the option's name is what helps.
      const option = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
      return usageError(io, option ? `unknown option ${option}` : (error.message.split('\n')[0] ?? error.message).replace(/\.$/, ''));
    }
    throw error;
  }
}
