// The CLI tests run the compiled command (bin/briefing.js → dist/bundle), so compile and bundle
// the current sources once before any test runs. A type error fails the run: tsc still writes the files,
// but the suite must not pass on code that does not type-check.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    // While several people edit one work tree, one person's half-finished file should not stop
    // the others' tests: BRIEFING_TESTS_IGNORE_TYPE_ERRORS=1 lets the run go on. CI never sets it.
    if (process.env.BRIEFING_TESTS_IGNORE_TYPE_ERRORS !== '1') throw error;
  }
  // bin/briefing.js runs the bundle when there is one: bundle what was just compiled.
  execFileSync(process.execPath, [path.join(root, 'bin/bundle.js')], { cwd: root, stdio: 'inherit' });
}
