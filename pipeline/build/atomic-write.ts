// A PDF is written to a temporary file beside its target and renamed into place, so the output
// folder never holds a half-written PDF, even if the run is killed mid-write.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files still being written; removed if the run is interrupted. */
export const pendingTemporaryFiles = new Set<string>();

export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
}

function explain(error: NodeJS.ErrnoException, target: string): string {
  const folder = path.dirname(target);
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${target}: permission denied; make ${folder} writable or choose another folder with --out`;
    case 'EROFS':
      return `cannot write ${target}: the file system is read-only; choose another folder with --out`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `cannot write ${target}: the disk is full; free some space and build again`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `cannot write ${target}: a file stands where a folder is needed; move it away or choose another folder with --out`;
    default:
      return `cannot write ${target}: ${error.message}`;
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
