/** The speech models: list, download, cancel, remove (a removed model stops being the chosen one). */
import type { AppDatabase } from '../db/open';
import type { HandlerGroup } from '../infra/handlers';
import { readSettings, updateSettings } from '../settings/settings';
import type { ModelService } from './service';

export function modelHandlers({ db, models }: { db: AppDatabase; models: ModelService }): HandlerGroup<'models'> {
  return {
    'models:list': () => models.list(),
    'models:download': ({ modelId }) => models.download(modelId),
    'models:cancel': ({ modelId }) => models.cancel(modelId),
    'models:remove': async ({ modelId }) => {
      const removed = await models.remove(modelId);
      if (readSettings(db).transcriptionModelId === modelId) updateSettings(db, { transcriptionModelId: null });
      return { ...removed, chosen: false };
    },
  };
}
