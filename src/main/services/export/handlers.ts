/** The in-app export download. */
import type { AppDatabase } from '../db/open';
import type { HandlerGroup } from '../infra/handlers';
import { exportDownload } from './export';

export function exportHandlers({
  db,
  version,
  now,
}: {
  db: AppDatabase;
  version: string;
  now: () => number;
}): HandlerGroup<'export'> {
  return { 'export:create': ({ format }) => exportDownload(db, version, now(), format) };
}
