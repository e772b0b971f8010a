// What `briefing --help` and `briefing COMMAND --help` print. Text only, so that asking for help
// loads no command. test/unit/command-help.test.ts checks that each command's help names every
// option its parser takes.
import { toolVersion } from '../project.js';

export type CommandName = 'build' | 'book' | 'check' | 'new' | 'redline' | 'dev' | 'schema';

const configOption = `      --config PATH             The config file (default: the nearest briefing.config.yml
                                in this folder or above it, up to the repository's root)`;
const browserOption = `      --browser-ws-endpoint URL Print through a running browser (or BRIEFING_BROWSER_WS)`;
const helpOption = `  -h, --help                    This help`;

export const commandHelp: Record<CommandName, string> = {
  build: `Usage: briefing build [PATH...] [options]

Check and print each briefing to a PDF. PATH is a Markdown file or a folder (default:
content/); ROOT/a/b.md becomes OUT/a/b.pdf (default OUT: output/).

Options:
  -o, --out DIR                 Where PDFs go (default: output/)
      --output-format pdf|docx|pdf,docx
                                A PDF (default), a Word .docx beside where the PDF goes
                                (OUT/a/b.docx), or both; a .docx needs no browser
      --format text|json        How the run is reported: progress lines and a summary
                                (default), or the run report as JSON on stdout.
                                (--format pdf|docx still means --output-format, with a note)
      --json                    The same as --format json
      --force                   Print every briefing, even those the manifest says are current
      --changed-since REF       Only briefings changed since a git ref (all if a template or
                                the config changed)
      --shard I/N               Build a stable I-th share of N (for a CI matrix)
      --report FILE.json        Write each briefing's source, output, sha256, pages, status,
                                duration and diagnostics
      --stamp                   Print "id · commit · built date" in each page's footer
${browserOption}
${configOption}
  -q, --quiet                   Only problems and the summary line
${helpOption}
`,
  book: `Usage: briefing book [PATH...] [--week YYYY-Www | --from DATE --to DATE] [options]

One PDF with every memo dated in an ISO week (default: this week) or a date range: cover,
contents, summary, the memos, index. Memos are ordered by priority, then date, then id.
Drafts and memos in clearance are left out, and named on stderr, unless --include-drafts
(book.include_in_clearance in the config binds the latter).

Options:
      --week YYYY-Www           The memos of that ISO week (default: this week)
      --from DATE, --to DATE    The memos dated from one day to another (YYYY-MM-DD)
  -o, --out FILE                The PDF (default: output/books/YYYY-Www.pdf)
      --include-drafts          Bind drafts and memos in clearance too (still marked)
${browserOption}
${configOption}
${helpOption}
`,
  check: `Usage: briefing check [PATH...] [options]

Every check of the build and the memo lint rules, without starting a browser. A memo's
length is judged from the page count the last build into --out recorded.

Options:
      --format text|json        How problems are printed (default: text, on stderr; json on
                                stdout)
      --json                    The same as --format json
      --strict                  Warnings fail too
      --staged                  Only the Markdown files staged in git (for a pre-commit hook)
      --a11y                    Also audit accessibility (axe-core on the HTML, PDF/UA on the
                                PDF; needs a browser)
  -o, --out DIR                 Where the last build wrote (default: output/)
      --no-cache                Check every file again, and keep nothing (the cache is in
                                node_modules/.cache/briefing, or $BRIEFING_CACHE_DIR)
${configOption}
  -q, --quiet                   Errors only
${helpOption}
`,
  new: `Usage: briefing new TYPE [options]

Start a memo (TYPE: info-memo, action-memo or policy-brief) in the week's folder under
content/ (content/2024-w31/), with a fresh id from the config's new.id_pattern (default
{region}-{week}-{nnn}), dated today or the Monday of --week, sender, addressees and marking
from the config. Prints its path. Its [[placeholders]] fail check and build until you
replace them; an existing file is never overwritten (exit 2).

Options:
      --week YYYY-Www           Date the memo the Monday of that week (default: today)
      --title TEXT              The subject; also names the file
      --region R                The region code of the id (default: new.region in the config)
  -o, --out PATH                The Markdown file, or a folder for it
${configOption}
${helpOption}
`,
  redline: `Usage: briefing redline FILE [options]

Print FILE as it is now (uncommitted edits included) with the words inserted since REF
underlined, those deleted struck through, a bar in the margin beside each changed line and
the frontmatter changes listed on top (title, marking, bottom line, recommendations).

Options:
      --since REF               A commit, branch or tag to compare with (default: the last
                                commit that touched FILE)
  -o, --out FILE                The PDF (default: output/redlines/NAME.pdf)
${browserOption}
${configOption}
${helpOption}
`,
  dev: `Usage: briefing dev [PATH] [options]

Live preview on http://127.0.0.1:PORT/: each briefing's pages as printed, updated on every
save, errors shown on top.

Options:
  -p, --port N                  The port on 127.0.0.1 (default 4173; 0 picks a free port)
${browserOption}
${configOption}
${helpOption}
`,
  schema: `Usage: briefing schema [--config]

Print a JSON Schema on stdout: the frontmatter's (for the YAML language server), or with
--config the schema of briefing.config.yml.

Options:
      --config                  The config file's schema instead of the frontmatter's
${helpOption}
`,
};

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commandHelp, name);

export const globalHelp = `briefing ${toolVersion}: policy briefings in Markdown → marked, tagged PDF memos

Usage:
  briefing build [PATH...] [--out DIR] [--output-format pdf|docx|pdf,docx] [--force]
                 [--changed-since REF] [--shard I/N] [--report FILE.json] [--stamp]
                 [--browser-ws-endpoint URL] [--quiet] [--format text|json]
  briefing book [PATH...] [--week YYYY-Www | --from DATE --to DATE] [--out FILE]
                [--include-drafts] [--browser-ws-endpoint URL]
  briefing check [PATH...] [--format text|json] [--strict] [--staged] [--a11y] [--out DIR]
                 [--no-cache]
  briefing new TYPE [--week YYYY-Www] [--title TEXT] [--region R] [--out PATH]
  briefing redline FILE [--since REF] [--out FILE] [--browser-ws-endpoint URL]
  briefing dev [PATH] [--port N] [--browser-ws-endpoint URL]
  briefing schema [--config]
  briefing COMMAND --help | --help | --version

Every command but schema takes --config PATH (default: the nearest briefing.config.yml in
the working folder or above it, up to the repository's root).

Commands:
  build    Check and print each briefing to a PDF (or a .docx)
  book     One PDF with every memo of an ISO week or a date range
  check    Every check of the build and the memo lint rules, without a browser
  new      Start a memo from a scaffold, with a fresh id
  redline  Print a memo with what changed since a commit marked
  dev      Live preview of each briefing's pages, updated on every save
  schema   Print the frontmatter's (or with --config the config's) JSON Schema

Run \`briefing COMMAND --help\` for a command's options.

Exit codes: 0 all built, 1 a briefing failed (the others were still built),
2 usage error, 3 no usable browser, 130/143 interrupted.
`;
