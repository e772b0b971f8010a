// A PDF is written to a temporary file beside its target and renamed into place, so the output
// folder never holds a half-written PDF, even if the run is killed mid-write.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files still being written; removed if the run is interrupted. */
export const pendingTemporaryFiles = new Set<string>();

export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
}

/** The nearest existing ancestor of a folder, when it is not a folder itself (ENOTDIR). */
function blockingFile(folder: string): string | undefined {
  for (let candidate = folder; ; candidate = path.dirname(candidate)) {
    let info: ReturnType<typeof statSync> | undefined;
    try {
      info = statSync(candidate);
    } catch {
      info = undefined; // missing, or below a file (ENOTDIR): look one folder up
    }
    if (info) return info.isDirectory() ? undefined : candidate;
    if (path.dirname(candidate) === candidate) return undefined;
  }
}

function explain(error: NodeJS.ErrnoException, target: string, what = target): string {
  const folder = what === target ? path.dirname(target) : target;
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${what}: permission denied; make ${folder} writable or choose another folder with --out`;
    case 'EROFS':
      return `cannot write ${what}: the file system is read-only; choose another folder with --out`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `cannot write ${what}: the disk is full; free some space and build again`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `cannot write ${what}: ${blockingFile(folder) ?? 'a file'} is a file where a folder is needed; move it away or choose another folder with --out`;
    default:
      return `cannot write ${what}: ${error.message}`;
  }
}

/**
 * Makes the output folder and proves it takes a file, before any memo is printed: an
 * unwritable folder is then one clear error instead of the same failure once per memo.
 */
export async function prepareOutputFolder(folder: string): Promise<void> {
  const probe = path.join(folder, `.briefing-probe.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  pendingTemporaryFiles.add(probe);
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(probe, '');
  } catch (error) {
    throw new OutputWriteError(explain(error as NodeJS.ErrnoException, folder, `the output folder ${folder}`));
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
    pendingTemporaryFiles.delete(probe);
  }
}

export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  pendingTemporaryFiles.add(temporary);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputWriteError(explain(error as NodeJS.ErrnoException, target));
  } finally {
    pendingTemporaryFiles.delete(temporary);
  }
}

export async function removeTemporaryFiles(): Promise<void> {
  await Promise.all([...pendingTemporaryFiles].map((file) => rm(file, { force: true }).catch(() => undefined)));
  pendingTemporaryFiles.clear();
}
