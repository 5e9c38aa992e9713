/** The practise-next schedule (Today). */
import type { HandlerGroup } from '../infra/handlers';
import type { TodayService } from './today';

export function todayHandlers({ today }: { today: TodayService }): HandlerGroup<'today'> {
  return {
    'today:get': () => today.get(),
    'today:snooze': ({ itemId, days }) => today.snooze(itemId, days),
    'today:retire': ({ itemId, retired }) => today.retire(itemId, retired),
  };
}
