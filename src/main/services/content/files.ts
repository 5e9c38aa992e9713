/**
 * Finds content files under a folder: YAML only, no hidden entries. Links and special files are never
 * followed or opened (a FIFO would hang the load); those named like content, and linked folders, are
 * returned as skipped with the reason, so the Library can name them.
 */
import type { Dirent, Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export const MAX_CONTENT_FILE_BYTES = 512 * 1024;
export const MAX_CONTENT_FILES = 5000;

export const SKIP_REASONS = {
  link: 'it is a symbolic link, and links are not followed; move or copy what it points to into the content folder',
  folder: 'it is a folder named like a content file; rename it to load the files in it',
  fifo: 'it is a named pipe (FIFO), not a file',
  socket: 'it is a socket, not a file',
  device: 'it is a device, not a file',
  other: 'it is not a regular file',
} as const;

type FileKind = Pick<Dirent | Stats, 'isSymbolicLink' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>;

export function specialFileReason(entry: FileKind): string {
  if (entry.isSymbolicLink()) return SKIP_REASONS.link;
  if (entry.isDirectory()) return SKIP_REASONS.folder;
  if (entry.isFIFO()) return SKIP_REASONS.fifo;
  if (entry.isSocket()) return SKIP_REASONS.socket;
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return SKIP_REASONS.device;
  return SKIP_REASONS.other;
}

export type SkippedContentFile = { path: string; reason: string };
export type ContentFileList = { files: string[]; skipped: SkippedContentFile[] };

const isContentName = (name: string) => /\.ya?ml$/i.test(name);

export async function listContentFiles(root: string): Promise<ContentFileList> {
  const files: string[] = [];
  const skipped: SkippedContentFile[] = [];
  async function walk(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && dir === root) return;
      throw error;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || files.length >= MAX_CONTENT_FILES) continue;
      const full = path.join(dir, entry.name);
      // A readdir entry is the link itself (lstat), never what it points to.
      if (entry.isFile()) {
        if (isContentName(entry.name)) files.push(full);
      } else if (entry.isDirectory() && !isContentName(entry.name)) await walk(full);
      else if (isContentName(entry.name) || (entry.isSymbolicLink() && (await isLinkToFolder(full)))) {
        skipped.push({ path: full, reason: specialFileReason(entry) });
      }
    }
  }
  await walk(root);
  return { files, skipped };
}

/** A linked folder is named too: the user likely meant its files to load. Only stat, never opened. */
async function isLinkToFolder(full: string): Promise<boolean> {
  try {
    return (await fs.stat(full)).isDirectory();
  } catch {
    return false;
  }
}
