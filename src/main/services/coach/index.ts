/** The coach's services and their request handlers, composed by app.ts. */
import type { AppDatabase } from '../db/open';
import type { EventBus } from '../infra/events';
import type { HandlerGroup } from '../infra/handlers';
import { ActionService } from './actions';
import { FatigueData } from './fatigue';
import { RescoreService } from './rescore';
import { retakeAttempts } from './retake';

export function coachHandlers({
  db,
  events,
  now,
}: {
  db: AppDatabase;
  events: EventBus;
  now: () => number;
}): HandlerGroup<'coach'> {
  const fatigue = new FatigueData(db);
  const rescores = new RescoreService(db, now);
  const actions = new ActionService(db, now);
  const changed = <T>(what: 'rescore' | 'actions', value: T): T => {
    events.emit('coach:changed', { what });
    return value;
  };
  return {
    'coach:fatigue': ({ sessionId }) => fatigue.session(sessionId),
    'coach:fatigueHistory': ({ limit, offset }) => fatigue.history(limit, offset),
    'coach:rescorePrompt': () => rescores.prompt(),
    'coach:rescoreAnswer': ({ rescoreId, scores }) => changed('rescore', rescores.answer(rescoreId, scores)),
    'coach:rescoreDismiss': ({ rescoreId }) => changed('rescore', rescores.dismiss(rescoreId)),
    'coach:calibration': () => rescores.calibration(),
    'coach:retake': ({ roundId }) => retakeAttempts(db, roundId),
    'coach:actions': ({ weekStartMs }) => actions.latest(weekStartMs),
    'coach:actionsGenerate': () => changed('actions', actions.generate()),
    'coach:actionCheck': ({ itemId, done }) => changed('actions', actions.check(itemId, done)),
  };
}
