/**
 * What the round screen shows of live listening, fed by the LiveSource: whether it listens, whether
 * it fell behind, and the coverage of each expected point so far (by number and confidence only:
 * the points' texts stay on the main side during a round). Kept apart from the runner's state so
 * the runner's own use of live listening (the adaptive follow-ups) and this display change apart.
 */
import type { LivePointCoverage } from '@shared/contract';
import { createStore } from '../../lib/store';

export type LiveDisplay = {
  /** The round being listened to (null: none). */
  roundId: string | null;
  state: 'off' | 'listening' | 'behind' | 'stopped';
  coverage: LivePointCoverage[];
};

export const liveOff: LiveDisplay = { roundId: null, state: 'off', coverage: [] };

export const liveDisplay = createStore<LiveDisplay>(liveOff);

/** The notice shown once when the worker cannot keep up (the round's follow-ups go by the clock). */
export const liveBehindMessage =
  'This machine could not keep up with live listening; follow-ups for this round come by the clock.';
