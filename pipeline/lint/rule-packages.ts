// Published lint rules (`remark-lint-*` packages) named in briefing.config.yml's lint.rules:
// which keys name one, and where it is installed (beside the config, as npm put it there).
import { createRequire } from 'node:module';
import path from 'node:path';
import { configFileName, type LintConfig } from '../source/config.js';

/** A key of `lint.rules` that names an npm package of published rules rather than a rule id. */
export const isRulePackage = (name: string): boolean => /^(@[a-z0-9-~][a-z0-9-._~]*\/)?remark-lint-[a-z0-9-]+$/.test(name);

/** The file a package's import loads, resolved from the config's folder; throws if not installed. */
export const rulePackageEntry = (name: string, from: string): string => createRequire(path.join(from, configFileName)).resolve(name);

/** The installed entry files of the packages the config names: a new version changes them. */
export function rulePackageFiles(lint: LintConfig | undefined): string[] {
  const files: string[] = [];
  for (const name of Object.keys(lint?.rules ?? {}).filter(isRulePackage)) {
    try {
      files.push(rulePackageEntry(name, lint?.from ?? process.cwd()));
    } catch {
      // Not installed: the linter says so, naming the package.
    }
  }
  return files;
}
