/** What the app tells about itself: version, transport and where its data lives. */
import type { HandlerGroup } from './infra/handlers';
import type { DataPaths } from './infra/paths';

export function appHandlers({
  version,
  transport,
  paths,
}: {
  version: string;
  transport: 'electron' | 'web';
  paths: DataPaths;
}): HandlerGroup<'app'> {
  return {
    'app:info': () => ({
      version,
      transport,
      dataDir: paths.dataDir,
      databaseFile: paths.databaseFile,
      userContentDir: paths.userContentDir,
    }),
  };
}
