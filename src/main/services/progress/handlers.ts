/** The Progress page's summary. */
import type { AppDatabase } from '../db/open';
import type { HandlerGroup } from '../infra/handlers';
import { progressSummary } from './summary';

export function progressHandlers({ db }: { db: AppDatabase }): HandlerGroup<'progress'> {
  return { 'progress:get': (input) => progressSummary(db, input) };
}
