/** Maps a /media/… URL path to a file, only ever inside the data folder's recordings/. */
import path from 'node:path';
import { insideRoot } from '../paths';

export function mediaFile(dataDir: string, urlPath: string): string | null {
  if (!urlPath.startsWith('/media/recordings/')) return null;
  const relative = urlPath.slice('/media/'.length);
  if (relative.includes('\0') || relative.endsWith('.part')) return null;
  const full = insideRoot(path.join(dataDir, 'recordings'), relative.slice('recordings/'.length));
  return full;
}
