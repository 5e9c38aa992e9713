/**
 * Private by default (issue 22, D7): the data folder and the folders in it are 0700, and every file
 * the app writes there (the database and its -wal/-shm, recordings, peaks, models, the access token)
 * and every export is 0600. Files are created with that mode and chmod-ed after, so the umask does not
 * decide. On Windows, files inherit the user profile's ACLs, which already keep other accounts out;
 * nothing is changed there (chmod only toggles the read-only flag). docs/security.md, "Private files".
 */
import fs from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Creates `dir` (and missing parents) and makes `dir` itself 0700; parents it did not create are left alone. */
export function makePrivateDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix) fs.chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** Makes an existing file 0600 (a file another program created: SQLite, ffmpeg, a copy). */
export function makePrivate(file: string): void {
  if (posix) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** The same, on a descriptor just opened. */
export function makePrivateFd(fd: number): void {
  if (posix) fs.fchmodSync(fd, PRIVATE_FILE_MODE);
}

/**
 * At every start: the data folder 0700 (an existing one made before 0.x was 0755), and the database
 * files 0600. Files already inside keep their mode: the folder alone shuts other accounts out of them.
 */
export function tightenDataFolder(dataDir: string, databaseFile: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dataDir, PRIVATE_DIR_MODE);
  for (const suffix of ['', '-wal', '-shm', '-journal']) makePrivateIfThere(`${databaseFile}${suffix}`);
}

/**
 * chmod for what already existed: a missing file is fine, and one this account may not change (another
 * owner, a read-only volume) is reported, not fatal: refusing to start would not make it private.
 */
function tighten(target: string, mode: number): void {
  if (!posix) return;
  try {
    fs.chmodSync(target, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EPERM' || code === 'EROFS') {
      console.warn(`loop-coach: could not make ${target} private (${code}); other accounts may be able to read it.`);
      return;
    }
    throw error;
  }
}

/** Writes a file only this account can read: a new one, unless `overwrite` (a path the user chose). */
export function writePrivate(file: string, data: string | Uint8Array, { overwrite = false } = {}): void {
  const fd = fs.openSync(file, overwrite ? 'w' : 'wx', PRIVATE_FILE_MODE);
  try {
    makePrivateFd(fd);
    fs.writeFileSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies to a new file and makes it 0600 (copyFile keeps the source's mode, which may be looser). */
export function copyPrivate(from: string, to: string): void {
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  makePrivate(to);
}

/** makePrivate, for a file that may not exist (SQLite's -wal and -shm come and go) or be someone else's. */
export function makePrivateIfThere(file: string): void {
  tighten(file, PRIVATE_FILE_MODE);
}
