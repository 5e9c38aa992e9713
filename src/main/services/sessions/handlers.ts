/** Sessions: starting, controlling and listing them, their events, follow-ups and recovery. */
import type { ContentLibrary } from '../content/library';
import { planSession } from '../content/plan';
import type { HandlerGroup } from '../infra/handlers';
import { finishAndAnalyse, type RecordingContext } from '../recording/handlers';
import { readSettings } from '../settings/settings';
import { sessionAllocation } from './allocation';
import { storeDecision } from './follow-up-decisions';
import {
  closeOpenRounds,
  controlSession,
  createSession,
  getSession,
  listSessions,
  listUnfinished,
  recordEvent,
  recordFollowUp,
} from './sessions';

export type SessionContext = RecordingContext & { library: ContentLibrary; random: () => number };

export function sessionHandlers(ctx: SessionContext): HandlerGroup<'session' | 'followup' | 'recovery'> {
  const { db, events, now, random, library } = ctx;
  return {
    'session:start': ({ source }) => {
      const plan = planSession(library.current(), source, random);
      const session = createSession(db, plan, source, readSettings(db).followUpMode, now());
      events.emit('session:changed', { sessionId: session.id });
      return session;
    },
    'session:control': async (input) => {
      if (input.action === 'end' || input.action === 'abandon')
        await closeOpenRounds(db, input.sessionId, now, (recordingId, roundId) =>
          finishAndAnalyse(ctx, recordingId, roundId),
        );
      controlSession(db, input, now());
      events.emit('session:changed', { sessionId: input.sessionId });
      return getSession(db, input.sessionId);
    },
    'session:event': (input) => recordEvent(db, input, now()),
    'session:get': ({ sessionId }) => getSession(db, sessionId),
    'session:allocation': ({ sessionId }) => sessionAllocation(db, sessionId),
    'session:list': (input) => listSessions(db, input),
    'followup:record': (input) => recordFollowUp(db, input),
    'followup:decision': ({ roundId, decision }) => {
      storeDecision(db, roundId, decision);
      return { ok: true as const };
    },
    'recovery:list': () => listUnfinished(db),
  };
}
