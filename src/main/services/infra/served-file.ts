/**
 * The one rule for what a request path may serve, for both transports (browser mode's server and
 * Electron's app:// handler): the renderer's files, client-side routes (the page), and recordings
 * under /media/. The path is decoded once (malformed %-encoding is a 400, not an exception), and a
 * file is served by its real path only if that is still inside its folder, so a link planted in
 * recordings/ (or the renderer) pointing anywhere else is refused. docs/security.md, "Serving files".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileResponse, type FileResponse } from './file-response';
import { insideRoot } from './paths';
import { mediaFile } from '../recording/media';

export type ServedFile = FileResponse | { status: 400; headers: Record<string, string>; body: null };

const notFound: FileResponse = { status: 404, headers: {}, body: null };

/** `decodeURIComponent`, once; null for malformed percent-encoding (e.g. "%E0%A4%A"). */
export function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * `file` with every link resolved, if that is inside `root` (resolved too); 'missing' when there is
 * no such file; null when it resolves outside. The caller serves the resolved path, so a link swapped
 * in after this check is not followed.
 */
export function reallyInside(root: string, file: string): string | 'missing' | null {
  let real: string;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
    real = fs.realpathSync(file);
  } catch {
    // Missing (or a dangling or looping link): nothing to serve, and nothing to leak.
    return 'missing';
  }
  const rel = path.relative(realRoot, real);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? real : null;
}

/** Whether a request path is a recording's (media needs the data folder; the page does not). */
export const isMediaPath = (decoded: string) => decoded.startsWith('/media/');

/**
 * What to answer for a GET of `rawPathname` (still percent-encoded, as the URL parser leaves it).
 * `dataDir` may be null for a path that is not media (browser mode serves the page before the
 * services are up).
 */
export function servedFile(
  roots: { rendererDir: string; dataDir: string | null },
  rawPathname: string,
  rangeHeader: string | undefined,
): ServedFile {
  const pathname = decodePath(rawPathname);
  if (pathname === null) return { status: 400, headers: {}, body: null };
  // Encoded slashes and dots survive URL parsing; after decoding, no segment may climb out.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return notFound;
  const media = isMediaPath(pathname);
  if (media && roots.dataDir === null) return notFound;
  const root = media ? path.join(roots.dataDir!, 'recordings') : roots.rendererDir;
  const file = media
    ? mediaFile(roots.dataDir!, pathname)
    : insideRoot(roots.rendererDir, pathname === '/' ? 'index.html' : pathname.slice(1));
  if (!file) return notFound;
  const real = reallyInside(root, file);
  if (real === null) return notFound;
  const response = real === 'missing' ? notFound : fileResponse(real, rangeHeader);
  // A client-side route (no file, no extension, plain characters) gets the page; media and assets
  // never do, and neither does a name that was percent-encoded twice.
  if (response.status === 404 && !media && !path.extname(pathname) && /^[\w\-/]*$/.test(pathname))
    return fileResponse(path.join(roots.rendererDir, 'index.html'), undefined);
  return response;
}
