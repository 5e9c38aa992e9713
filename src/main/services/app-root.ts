/** Files the app ships beside its code, found from the project (or packaged app) root. */
import path from 'node:path';

export function shippedPaths(appRoot: string) {
  return {
    builtinContentDir: path.join(appRoot, 'content'),
    migrationsDir: path.join(appRoot, 'resources', 'migrations'),
    rendererDir: path.join(appRoot, 'out', 'renderer'),
  };
}
