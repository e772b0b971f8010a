#!/usr/bin/env node
// The CLI is compiled into dist/ by `npm install` (the `prepare` script): tsc writes
// dist/pipeline, and bin/bundle.js bundles it into dist/bundle, which starts much faster.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = [new URL('../dist/bundle/cli.js', import.meta.url), new URL('../dist/pipeline/cli.js', import.meta.url)].find((url) => existsSync(fileURLToPath(url)));
if (!cli) {
  console.error('briefing: the pipeline is not compiled yet; run `npm install` (or `npm run build`) in the project folder.');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
