/** Rounds and their recordings: a round begins with its recording, and a finished recording is analysed. */
import type { AnalysisService } from '../analysis/analysis';
import type { AppDatabase } from '../db/open';
import type { EventBus } from '../infra/events';
import type { HandlerGroup } from '../infra/handlers';
import { markRoundEnded, roundView } from '../sessions/sessions';
import type { LiveService } from '../live/service';
import type { RecordingService } from './recordings';

export type RecordingContext = {
  db: AppDatabase;
  events: EventBus;
  now: () => number;
  recordings: RecordingService;
  analysis: AnalysisService;
  /** Live listening hears that the recording finished (its transcript, or the post-round path). */
  live?: Pick<LiveService, 'recordingFinished'>;
};

/** Finishes a recording still being written and queues its round for analysis. */
export async function finishAndAnalyse(
  { recordings, analysis, live }: Pick<RecordingContext, 'recordings' | 'analysis' | 'live'>,
  recordingId: string,
  roundId: string,
): Promise<void> {
  const finished = await recordings.finish(recordingId);
  live?.recordingFinished(recordingId, finished.status !== 'failed');
  analysis.enqueue(roundId);
}

export function recordingHandlers(ctx: RecordingContext): HandlerGroup<'round' | 'recording'> {
  const { db, events, now, recordings, analysis, live } = ctx;
  return {
    'round:begin': ({ sessionId, roundIndex, mimeType }) => {
      const { roundId, recording } = recordings.beginRound(sessionId, roundIndex, mimeType);
      return { round: roundView(db, roundId), recording };
    },
    'round:end': async ({ roundId, outcome }) => {
      const round = roundView(db, roundId);
      if (round.recording?.status === 'recording') await finishAndAnalyse(ctx, round.recording.id, roundId);
      const sessionId = markRoundEnded(db, roundId, outcome, now());
      events.emit('session:changed', { sessionId });
      return roundView(db, roundId);
    },
    'recording:chunk': ({ recordingId, seq, offset, data, peaks }) =>
      recordings.appendChunk(recordingId, seq, data, peaks, offset),
    'recording:finish': async ({ recordingId, chunks }) => {
      const finished = await recordings.finish(recordingId, 'finalized', chunks);
      // Before the analysis is queued: a live transcript is marked running first, so the post-round one stays away.
      live?.recordingFinished(recordingId, finished.status !== 'failed');
      if (finished.status !== 'failed') analysis.enqueue(finished.roundId);
      return finished;
    },
  };
}
