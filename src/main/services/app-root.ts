/** Files the app ships beside its code, found from the project (or packaged app) root. */
import fs from 'node:fs';
import path from 'node:path';

export function shippedPaths(appRoot: string) {
  return {
    builtinContentDir: path.join(appRoot, 'content'),
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
