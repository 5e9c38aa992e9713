/**
 * The follow-up modes, one entry each: what Settings calls and explains it, where it places each
 * planned follow-up, when a due one is asked, how early the clock hands it on, and whether a partner
 * asks instead. The settings, the round stage and the runner all read this table, so a new mode is
 * one entry here, one value in `followUpMode` (shared/enums.ts) and one migration for the CHECK.
 * Pure: no React, no DOM.
 */
import { followUpMode, type FollowUpMode, type RoundPlan } from '@shared/contract';
import { CUE_LEAD_MS } from './follow-up-asker';

export type VoiceActivity = {
  /** Ms the candidate has been silent (0 while speaking). */
  silentForMs: number;
  /** Ms the candidate has been speaking without a pause (0 while silent). */
  speakingForMs: number;
  /** The current silence has ended a thought (end-of-thought.ts: think time, words, long limit). */
  endOfThought: boolean;
};

type PlannedFollowUp = RoundPlan['followUps'][number];

export type FollowUpModeSpec = {
  /** Settings' name for it. */
  label: string;
  /** Settings' one-line explanation under the name. */
  explanation: string;
  /** Ms from the answer cue at which a planned follow-up becomes due (before ordering and the
   * budget clamp); null when no follow-up is timed (a partner asks them). */
  dueMs: ((followUp: PlannedFollowUp, random: () => number) => number) | null;
  /** Whether a follow-up due `waitedMs` ago is asked now. */
  shouldAsk: (waitedMs: number, voice: VoiceActivity) => boolean;
  /** How early the follow-up clock hands a due follow-up on (see TIMED_LEAD_MS). */
  leadMs: number;
  /**
   * The chime comes first (CUE_LEAD_MS before the voice). Modes that wait for the end of a thought
   * ask into a silence the candidate left, as a person would, so the voice needs no warning and the
   * 400 ms of chime would be dead air on top of the think time.
   */
  chimeFirst: boolean;
  /** The stage shows the partner's panel (ask next, type your own). */
  partnerPanel: boolean;
  /** Each due follow-up (and each late probe) is decided by the adaptive rules on the live words. */
  listens: boolean;
};

/** At the next pause (and adaptive): the longest a due follow-up waits for the end of a thought. */
export const MAX_PAUSE_WAIT_MS = 10_000;
/** Pressure: cut in once the candidate has been talking this long, or after this wait at most. */
export const PRESSURE_SPEECH_MS = 400;
export const MAX_PRESSURE_WAIT_MS = 4000;

/**
 * How early the clock hands on a timed follow-up: its chime plus room for a busy machine, so the
 * chime can be booked on the audio clock and speak() called on time from a precise timeout.
 */
export const TIMED_LEAD_MS = CUE_LEAD_MS + 250;

const atWrittenTime = (f: PlannedFollowUp) => f.atSeconds * 1000;
const always = () => true;
const atEndOfThought = (waited: number, voice: VoiceActivity) => voice.endOfThought || waited >= MAX_PAUSE_WAIT_MS;

export const followUpModes: Readonly<Record<FollowUpMode, FollowUpModeSpec>> = {
  scheduled: {
    label: 'Scheduled',
    explanation: 'Follow-ups come at the times written in the content, every time.',
    dueMs: atWrittenTime,
    shouldAsk: always,
    leadMs: TIMED_LEAD_MS,
    chimeFirst: true,
    partnerPanel: false,
    listens: false,
  },
  jittered: {
    label: 'Jittered',
    explanation: 'Each follow-up moves a few seconds earlier or later, so you cannot time it.',
    dueMs: (f, random) => atWrittenTime(f) + (f.jitterSeconds > 0 ? (random() * 2 - 1) * f.jitterSeconds * 1000 : 0),
    shouldAsk: always,
    leadMs: TIMED_LEAD_MS,
    chimeFirst: true,
    partnerPanel: false,
    listens: false,
  },
  'at-pause': {
    label: 'At the next pause',
    explanation: 'When a follow-up is due, the interviewer waits until you finish your thought.',
    dueMs: atWrittenTime,
    shouldAsk: atEndOfThought,
    // Waits for the voice, so it cannot be booked ahead.
    leadMs: 0,
    chimeFirst: false,
    partnerPanel: false,
    listens: false,
  },
  pressure: {
    label: 'Pressure',
    explanation: 'Follow-ups come when due, even mid-sentence, like an impatient interviewer.',
    dueMs: atWrittenTime,
    shouldAsk: (waited, voice) => voice.speakingForMs >= PRESSURE_SPEECH_MS || waited >= MAX_PRESSURE_WAIT_MS,
    leadMs: 0,
    chimeFirst: true,
    partnerPanel: false,
    listens: false,
  },
  partner: {
    label: 'Partner',
    explanation:
      'A second person decides when: they press F to ask the next follow-up, or type their own; the app speaks it.',
    dueMs: null,
    shouldAsk: always,
    leadMs: 0,
    chimeFirst: true,
    partnerPanel: true,
    listens: false,
  },
  adaptive: {
    label: 'Adaptive (listens to you)',
    explanation:
      'With a speech model, the interviewer listens: it skips a follow-up you already answered, asks about a point you left out, and waits until you finish your thought. The default once a model is installed.',
    dueMs: atWrittenTime,
    shouldAsk: atEndOfThought,
    leadMs: 0,
    chimeFirst: false,
    partnerPanel: false,
    listens: true,
  },
};

/** The modes in the enum's order, as Settings lists them. */
export const followUpModeEntries = followUpMode.options.map((mode) => ({ mode, ...followUpModes[mode] }));
