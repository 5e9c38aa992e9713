/** The live runner's state: one object, one explicit phase. */
import type { AskedFollowUp, SessionView } from '@shared/contract';

export type FollowUpTrigger = AskedFollowUp['trigger'];

export type RunnerPhase =
  /** The plan, with "Begin session" (and any unfinished sessions). */
  | 'idle'
  /** Opening the microphone and the round's recording. */
  | 'starting'
  /** The microphone (or the recording) could not start: Try again or Continue without recording. */
  | 'start-problem'
  /** The prompt is being spoken (or shown, without a voice). */
  | 'prompt'
  /** After the answer cue: the round timer runs and follow-ups are asked. */
  | 'answering'
  /** Saving the round's audio and closing it. */
  | 'finishing'
  /** Between rounds: what comes next, and a break on circuits. */
  | 'reset'
  | 'complete';

export type AskedEntry = {
  key: number;
  text: string;
  trigger: FollowUpTrigger;
  /**
   * When it was asked on the recording's timeline (ms since the recording started, paused time left
   * out): the moment it started being spoken, else when it was shown. The review's markers use the
   * same clock, so both show the same time.
   */
  recordingMs: number;
};

export type BreakState = { seconds: number; label: string; note?: string; remainingMs: number; over: boolean };

export type RunnerState = {
  phase: RunnerPhase;
  session: SessionView;
  roundIndex: number;
  /** An action (start, finish, pause…) is in flight: controls are disabled. */
  pending: boolean;
  paused: boolean;
  /** 'on' while recording, 'off' when the round runs without a microphone, 'stopped' after a failure. */
  recording: 'on' | 'off' | 'stopped';
  /** Round time (ms from the start of the recording) at the last update. */
  clockMs: number;
  answerCueMs: number | null;
  /** Input level 0–100. */
  level: number;
  asked: AskedEntry[];
  /** Planned follow-ups not asked yet (partner mode). */
  plannedLeft: number;
  breakState: BreakState | null;
  /** Why the round could not start (microphone problem or server refusal). */
  startProblem: string | null;
  /** Why recording stopped mid-round (unplugged, disk full). */
  recordingNotice: string | null;
  /**
   * The recording is not being saved right now (the main side is not answering): chunks are kept
   * and resent, follow-ups wait. Null while saving normally.
   */
  notSaving: { unsavedChunks: number; reason: string } | null;
  voiceMissing: boolean;
  /** Live listening fell behind or stopped mid-round: follow-ups went back to the clock (said once a round). */
  liveNotice: string | null;
  /** Silent for 10 s while answering. */
  silent: boolean;
  /** A failed action, with a retry. */
  error: string | null;
  endedEarly: boolean;
};

export const roundPhases: readonly RunnerPhase[] = ['prompt', 'answering'];

export function initialState(session: SessionView): RunnerState {
  return {
    phase: 'idle',
    session,
    roundIndex: 0,
    pending: false,
    paused: false,
    recording: 'off',
    clockMs: 0,
    answerCueMs: null,
    level: 0,
    asked: [],
    plannedLeft: 0,
    breakState: null,
    startProblem: null,
    recordingNotice: null,
    notSaving: null,
    voiceMissing: false,
    liveNotice: null,
    silent: false,
    error: null,
    endedEarly: false,
  };
}
