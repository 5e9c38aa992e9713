/**
 * Where a `live:frames` request goes on a round's timeline. Frames are placed by `startSample`, so a
 * resend whose answer was lost is acknowledged without being heard twice, and a small gap (frames
 * dropped by a busy page) keeps later words at their times; anything else would misplace words on
 * the recording, so it is refused with what was wrong.
 */
import { LIVE_SAMPLE_RATE } from '../../../shared/contract';
import { ConflictError } from '../infra/errors';

/** The longest gap before a frame that is filled with silence rather than refused. */
export const MAX_GAP_MS = 60_000;

export const samplesToMs = (samples: number) => Math.max(0, Math.round((samples * 1000) / LIVE_SAMPLE_RATE));

/** What a round has received: the next timeline sample expected, and the last frame's seq (null before the first). */
export type FramesReceived = { received: number; lastSeq: number | null };

/** 'resent': already passed on; 'next': new audio to pass on. Throws ConflictError when misplaced. */
export function placeFrames(
  round: FramesReceived,
  frames: { seq: number; startSample: number; samples: number },
): 'resent' | 'next' {
  const end = frames.startSample + frames.samples;
  if (round.lastSeq !== null && frames.seq <= round.lastSeq) {
    // A retried frame whose answer was lost: already passed on, so acknowledged, never heard twice.
    if (end <= round.received) return 'resent';
    throw new ConflictError(`Frames ${frames.seq} reuse a sequence number already received with other samples.`);
  }
  if (round.lastSeq !== null && frames.startSample < round.received)
    throw new ConflictError(
      `Frames ${frames.seq} start at sample ${frames.startSample}, inside audio already received (up to ${round.received}).`,
    );
  const from = round.lastSeq === null ? 0 : round.received;
  if (samplesToMs(frames.startSample - from) > MAX_GAP_MS)
    throw new ConflictError(
      `Frames ${frames.seq} start at sample ${frames.startSample}, ${Math.round(samplesToMs(frames.startSample - from) / 1000)} s after the audio before them; frames must follow the recording (at most ${MAX_GAP_MS / 1000} s of gap).`,
    );
  return 'next';
}
