/** The user's settings; choosing a speech model that is not installed is refused. */
import type { AppDatabase } from '../db/open';
import type { HandlerGroup } from '../infra/handlers';
import type { ModelService } from '../models/service';
import { readSettings, updateSettings } from './settings';

export function settingsHandlers({ db, models }: { db: AppDatabase; models: ModelService }): HandlerGroup<'settings'> {
  return {
    'settings:get': () => readSettings(db),
    'settings:update': (patch) => {
      models.checkChoice(patch.transcriptionModelId);
      return updateSettings(db, patch);
    },
  };
}
