// The package as another project gets it: `npm pack` of this work tree (already compiled by the
// global setup), installed from the tarball into an empty folder. Its `npx briefing build` and
// a script that calls the API both print a memo there, and the PDFs are read back. Templates,
// fonts and the dev client must come from the installed package, not from this work tree.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/cli.js';
import { memo, tempFolder, writeTree } from '../support/fixtures.js';
import { readingText } from '../support/pdf.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let app: string;
let installed: string;

beforeAll(async () => {
  const packed = tempFolder('briefing-pack-');
  // The global setup compiled and bundled: pack what is there, without running prepare again.
  const { stdout } = await run(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], { cwd: projectRoot });
  const tarball = path.join(packed, stdout.trim().split('\n').at(-1)!);
  app = writeTree({
    'package.json': JSON.stringify({ name: 'memo-desk', private: true, type: 'module' }),
    'content/memo.md': memo({ id: 'PKG-001', title: 'Installed from the tarball' }),
  });
  // The dependencies come from the npm cache that `npm ci` filled.
  await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', tarball], { cwd: app });
  installed = path.join(app, 'node_modules', 'briefing');
}, 120_000);

describe('the packed package, installed', () => {
  it('holds the compiled pipeline, its declarations, the templates and the dev client, and no work-tree sources', () => {
    for (const file of ['dist/bundle/cli.js', 'dist/pipeline/index.js', 'dist/pipeline/index.d.ts', 'templates', 'pipeline/dev/client/index.js', 'bin/briefing.js']) {
      expect(existsSync(path.join(installed, file)), file).toBe(true);
    }
    expect(existsSync(path.join(installed, 'pipeline/cli.ts'))).toBe(false);
    expect(existsSync(path.join(installed, 'test'))).toBe(false);
    const declarations = readFileSync(path.join(installed, 'dist/pipeline/index.d.ts'), 'utf8');
    for (const name of ['build', 'book', 'check', 'schema']) expect(declarations).toMatch(new RegExp(`export declare function ${name}\\(`));
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; types: string };
    expect(manifest.exports['.']).toEqual({ types: './dist/pipeline/index.d.ts', import: './dist/pipeline/index.js' });
  });

  it('npx briefing build prints the memo with the installed templates and fonts', async () => {
    const { stdout } = await run('npx', ['--no-install', 'briefing', 'build', '--quiet'], { cwd: app });
    expect(stdout).toMatch(/^built 1, failed 0/);
    const text = await readingText(path.join(app, 'output/memo.pdf'));
    expect(text).toContain('Installed from the tarball');
    expect(text).toContain('UNCLASSIFIED');
  });

  it('the API builds, checks and gives the config schema to a script that imports "briefing"', async () => {
    writeFileSync(
      path.join(app, 'api.mjs'),
      `import { build, check, schema } from 'briefing';
const events = [];
const built = await build({ outDir: 'api-out', force: true, onEvent: (event) => events.push(event.kind) });
const checked = await check();
const config = await schema('config');
console.log(JSON.stringify({ outcomes: built.outcomes.map((o) => ({ status: o.status, output: o.output, pages: o.pages })), events, errors: checked.errors, files: checked.files.length, keys: Object.keys(config.properties) }));
`,
    );
    const { stdout } = await run(process.execPath, ['api.mjs'], { cwd: app });
    const answer = JSON.parse(stdout) as { outcomes: { status: string; output: string; pages: number }[]; events: string[]; errors: number; files: number; keys: string[] };
    expect(answer.outcomes).toEqual([{ status: 'built', output: path.join(app, 'api-out/memo.pdf'), pages: expect.any(Number) }]);
    expect(answer.events).toEqual(['start', 'briefing']);
    expect(answer).toMatchObject({ errors: 0, files: 1 });
    expect(answer.keys).toContain('office');
    expect(await readingText(path.join(app, 'api-out/memo.pdf'))).toContain('Installed from the tarball');
  });

  it("type-checks a TypeScript caller against the package's declarations", async () => {
    writeTree(
      {
        'caller.ts': `import { book, build, check, schema, type BookResult, type BuildResult, type CheckResult } from 'briefing';
const built: BuildResult = await build({ outDir: 'x', formats: ['docx'], signal: new AbortController().signal, onEvent: (event) => void event.kind });
const checked: CheckResult = await check({ paths: ['content'] });
const bound: BookResult = await book({ week: '2024-W31' });
export const count: number = built.outcomes.length + checked.errors + (bound.status === 'built' ? bound.pages : 0) + Object.keys(await schema('config')).length;
// @ts-expect-error: were build untyped (any), this line would be no error, and tsc would fail here
await build({ outputDir: 'x' });
`,
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, skipLibCheck: true, noEmit: true, types: [] }, files: ['caller.ts'] }),
      },
      app,
    );
    // The work tree's TypeScript: the installed package has no devDependencies.
    await expect(run(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app })).resolves.toBeDefined();
  });
});
