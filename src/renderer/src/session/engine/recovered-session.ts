/**
 * Continuing an unfinished session: a round that already has audio (a closed window, a crash)
 * cannot be recorded again, so it is closed as done (its audio kept) and the session continues
 * with the next pending round.
 */
import type { SessionView } from '@shared/contract';
import type { Call } from './runner-deps';

/** Reopens the session; `nextIndex` is the round to offer next, or null when the session was ended (nothing left). */
export async function reopenSession(
  call: Call,
  sessionId: string,
): Promise<{ session: SessionView; nextIndex: number | null }> {
  const session = await call('session:get', { sessionId });
  let index = session.rounds.findIndex((r) => r.status === 'pending' || r.status === 'running');
  const open = index >= 0 ? session.rounds[index]! : null;
  if (open?.status === 'running' && open.recording) {
    if (open.recording.status === 'recording') await call('recording:finish', { recordingId: open.recording.id });
    await call('round:end', { roundId: open.id, outcome: 'done' });
    index = session.rounds.findIndex((r, i) => i > index && r.status === 'pending');
  }
  await call('session:control', { sessionId, action: session.status === 'paused' ? 'resume' : 'start' });
  if (index < 0) {
    await call('session:control', { sessionId, action: 'end' });
    return { session: await call('session:get', { sessionId }), nextIndex: null };
  }
  return { session: await call('session:get', { sessionId }), nextIndex: index };
}
