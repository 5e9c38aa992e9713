/**
 * A model file's `.part`, opened without ever following a link (issue 22, D8): a fresh one is made
 * with O_EXCL | O_NOFOLLOW and mode 0600; a kept one (Resume) must be a regular file with one link,
 * checked with lstat and again on the open descriptor. A link planted at the name (to a file outside
 * the data folder) is refused with a message, never written through.
 */
import fs from 'node:fs';
import { ModelDownloadError } from './errors';
import { PRIVATE_FILE_MODE, makePrivateFd } from '../infra/private-files';

const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

function notPlain(fileName: string): ModelDownloadError {
  return new ModelDownloadError(
    'other',
    `${fileName}.part in the model's folder is not a plain file (a link, a folder, or a file with another name): it was not followed or written. Press Remove, then Download.`,
    fileName,
  );
}

/** Bytes a kept .part holds (0 when there is none); refuses anything but a plain file. */
export function partBytes(partPath: string, fileName: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(partPath);
  } catch {
    return 0;
  }
  if (!stat.isFile() || stat.nlink !== 1) throw notPlain(fileName);
  return stat.size;
}

/** Opens a kept .part to continue it (read and write, never through a link). */
export async function openKeptPart(partPath: string, fileName: string): Promise<fs.promises.FileHandle> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(partPath, fs.constants.O_RDWR | NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw notPlain(fileName);
    throw error;
  }
  const stat = await handle.stat();
  if (!stat.isFile() || stat.nlink !== 1) {
    await handle.close();
    throw notPlain(fileName);
  }
  return handle;
}

/** Makes a new, empty .part (0600); whatever was at the name (a plain file) is removed first. */
export async function openFreshPart(partPath: string, fileName: string): Promise<fs.promises.FileHandle> {
  partBytes(partPath, fileName);
  // rm removes a link itself, never its target; O_EXCL then refuses anything planted since.
  fs.rmSync(partPath, { force: true });
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(
      partPath,
      fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW,
      PRIVATE_FILE_MODE,
    );
  } catch (error) {
    if (['EEXIST', 'ELOOP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw notPlain(fileName);
    throw error;
  }
  makePrivateFd(handle.fd);
  return handle;
}
