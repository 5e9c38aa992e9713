/** Files the app ships beside its code, found from the project (or packaged app) root. */
import fs from 'node:fs';
import path from 'node:path';

/** The built-in content as the build parsed it, beside the built main process (content/snapshot.ts). */
export const CONTENT_SNAPSHOT_FILE = 'content-snapshot.json';

export function shippedPaths(appRoot: string) {
  return {
    builtinContentDir: path.join(appRoot, 'content'),
    contentSnapshotFile: path.join(appRoot, 'out', 'main', CONTENT_SNAPSHOT_FILE),
    migrationsDir: path.join(appRoot, 'resources', 'migrations'),
    rendererDir: path.join(appRoot, 'out', 'renderer'),
  };
}

/** The nearest folder above `from` holding package.json: the same from source (tsx) and from out/. */
export function findAppRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

/**
 * Where a file packed into the app's asar archive really lives once electron-builder has unpacked it
 * (`asarUnpack`): native addons, executables and the speech model cannot be read from inside the
 * archive by the OS or by native code. Only a whole `app.asar` path segment is rewritten, so paths
 * already unpacked, paths outside a packaged app and look-alike names are returned unchanged.
 * Both separators are accepted: the same code runs on Windows.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}
