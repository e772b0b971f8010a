#!/usr/bin/env node
// Bundles the compiled CLI (dist/pipeline, from tsc) into dist/bundle: one file per command and
// per lazily loaded stage instead of ~600 small modules. Node 20 has no compile cache, and
// resolving and linking those modules was most of a command's start-up: loading the parser,
// renderer and post-pass took ~650 ms as modules and ~250 ms bundled (2-core machine).
// pdfjs-dist stays outside (the dev server serves its files), as does @puppeteer/browsers
// (only for a browser in Puppeteer's cache).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// Chunk names carry content hashes: start empty so no chunk of an older build lingers.
rmSync(path.join(root, 'dist', 'bundle'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/pipeline/cli.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['pdfjs-dist', '@puppeteer/browsers', 'bufferutil', 'utf-8-validate'],
  // CommonJS packages inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __briefingRequire } from 'node:module'; const require = __briefingRequire(import.meta.url);" },
  logLevel: 'warning',
});
