/**
 * Gives a finished temporary file its final name without ever replacing a file already there.
 * rename(2) silently replaces its target, and on a case-insensitive volume (APFS, NTFS, FAT) a name
 * that differs only in case IS the existing file. link(2) creates the name exclusively (EEXIST,
 * case-folded like every lookup of that volume), so a link then an unlink of the temporary name is
 * an exclusive rename. Where hard links are not supported (FAT, some network shares) the target is
 * checked just before a plain rename.
 */
import fs from 'node:fs';

/** The final name is taken: nothing was replaced, and the temporary file is still there. */
export class TargetExistsError extends Error {
  constructor(readonly target: string) {
    super(`${target} already exists; it was not replaced.`);
    this.name = 'TargetExistsError';
  }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

export function placeFile(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new TargetExistsError(target);
    if (!NO_HARD_LINKS.has(code)) throw error;
    if (fs.existsSync(target) || isDanglingLink(target)) throw new TargetExistsError(target);
    fs.renameSync(temp, target);
    return;
  }
  fs.unlinkSync(temp);
}

function isDanglingLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
