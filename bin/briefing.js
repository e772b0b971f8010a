#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/pipeline/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('briefing: the pipeline is not compiled yet; run `npm install` (or `npm run build`) in the project folder.');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
