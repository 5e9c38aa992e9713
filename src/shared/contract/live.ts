/**
 * The listening interviewer's contract: live transcription during a round (the page sends 16 kHz PCM,
 * the main side's live worker finds utterances and transcribes each as it ends) and the reasons the
 * adaptive follow-up mode gives for each follow-up it asks or skips. Every time is integer ms on the
 * round's recording timeline, like the transcript's.
 *
 * Wiring (channels.ts, the request/event maps, handlers) belongs to the live feature; this module is
 * the shapes both sides agree on.
 */
import { z } from 'zod';
import { transcriptWord } from '../transcript';
import { coverageConfidence } from '../words/coverage';
import { recordingId, roundId, type RequestSchemasFor } from './common';

const ms = z.number().int().min(0);

/** The live stream's sample format: mono, 16 kHz, signed 16-bit little-endian PCM. */
export const LIVE_SAMPLE_RATE = 16000;
/** A frames request carries at most this many samples (2 s). */
export const MAX_LIVE_FRAME_SAMPLES = 2 * LIVE_SAMPLE_RATE;

/** Why live listening is not running for a round (the session then works as it did before). */
export const liveUnavailableReason = z.enum(['no-model', 'model-unverified', 'worker-failed', 'disabled']);
export type LiveUnavailableReason = z.infer<typeof liveUnavailableReason>;

export const liveStartInput = z.strictObject({ recordingId });
export const liveStartOutput = z.discriminatedUnion('listening', [
  z.object({ listening: z.literal(true), modelId: z.string() }),
  z.object({ listening: z.literal(false), reason: liveUnavailableReason, message: z.string() }),
]);
export type LiveStartOutput = z.infer<typeof liveStartOutput>;

/**
 * PCM frames for a round's live transcription. `startSample` places them on the recording timeline
 * (sample 0 = the recording's first sample), so a frame lost or resent never shifts later words.
 */
export const liveFramesInput = z.strictObject({
  recordingId,
  seq: z.number().int().min(0),
  startSample: z.number().int().min(0),
  /** Int16 little-endian samples; an even byte count. */
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength % 2 === 0, 'PCM frames are 16-bit samples (an even number of bytes)')
    .refine((d) => d.byteLength <= MAX_LIVE_FRAME_SAMPLES * 2, `at most ${MAX_LIVE_FRAME_SAMPLES} samples a request`),
});
export type LiveFramesInput = z.infer<typeof liveFramesInput>;

/** The matcher's verdict on one expected point so far; the point's text stays on the main side. */
export const livePointCoverage = z.object({
  index: z.number().int().min(0),
  confidence: coverageConfidence,
  /** Where the evidence is on the recording (null when not heard or without word times). */
  evidenceStartMs: ms.nullable(),
  evidenceEndMs: ms.nullable(),
});
export type LivePointCoverage = z.infer<typeof livePointCoverage>;

/** Event 'live:utterance': one utterance's words, as soon as they are transcribed, and coverage after it. */
export const liveUtterance = z.object({
  roundId,
  recordingId,
  /** Counts from 0 within the round. */
  n: z.number().int().min(0),
  startMs: ms,
  endMs: ms,
  text: z.string(),
  /** Empty when the model gives no word times. */
  words: z.array(transcriptWord),
  /** Coverage of every expected point over all utterances so far (same matcher as the review). */
  coverage: z.array(livePointCoverage),
});
export type LiveUtterance = z.infer<typeof liveUtterance>;

/**
 * Event 'live:status': "listening"; "behind" (the worker's backlog passed the limit: the round falls
 * back to clock timing, said once); "stopped" (the worker failed or the round ended).
 */
export const liveStatus = z.object({
  roundId,
  recordingId,
  state: z.enum(['listening', 'behind', 'stopped']),
  /** Ms of audio received and not yet processed. */
  backlogMs: ms,
  message: z.string().nullable(),
});
export type LiveStatus = z.infer<typeof liveStatus>;

/**
 * Why the adaptive mode asked or skipped a follow-up (a planned one, or a point's probe):
 * - asked: "not-heard" / "only-mentioned" (a probed point was not clearly covered), "scripted" (it
 *   probes no point, or nothing was known: no model, fell behind), "late-probe" (a point still
 *   uncovered late in the budget);
 * - skipped: "covered" (every point it probes was clearly covered), "just-said" (its point came up in
 *   the last utterance), "cap" (the round's interruptions were used up), "no-time" (the budget ran out).
 */
export const followUpReason = z.enum([
  'not-heard',
  'only-mentioned',
  'scripted',
  'late-probe',
  'covered',
  'just-said',
  'cap',
  'no-time',
]);
export type FollowUpReason = z.infer<typeof followUpReason>;

/** One decision, stored with the round and shown in review. */
export const followUpDecision = z.object({
  decision: z.enum(['asked', 'skipped']),
  reason: followUpReason,
  /** The planned follow-up's index in the round plan; null for a point's probe. */
  planIndex: z.number().int().min(0).nullable(),
  text: z.string(),
  /** The expected points it probes (indices into the round's expected points). */
  pointIndexes: z.array(z.number().int().min(0)),
  /** When the decision was made. */
  atMs: ms,
  /** For "covered" and "just-said": where the answer covered the point (click to hear it). */
  evidenceStartMs: ms.nullable(),
  evidenceEndMs: ms.nullable(),
});
export type FollowUpDecision = z.infer<typeof followUpDecision>;

/** The decision each reason explains: a reason to ask never explains a skip. */
export const decisionOfReason: Record<FollowUpReason, FollowUpDecision['decision']> = {
  'not-heard': 'asked',
  'only-mentioned': 'asked',
  scripted: 'asked',
  'late-probe': 'asked',
  covered: 'skipped',
  'just-said': 'skipped',
  cap: 'skipped',
  'no-time': 'skipped',
};

/** A decision as stored and exported: its reason fits it, and its evidence is whole and forwards. */
export const checkedFollowUpDecision = followUpDecision.superRefine((d, ctx) => {
  if (decisionOfReason[d.reason] !== d.decision)
    ctx.addIssue({
      code: 'custom',
      path: ['reason'],
      message: `"${d.reason}" is a reason to ${decisionOfReason[d.reason] === 'asked' ? 'ask' : 'skip'}, not to ${d.decision === 'asked' ? 'ask' : 'skip'}`,
    });
  if ((d.evidenceStartMs === null) !== (d.evidenceEndMs === null))
    ctx.addIssue({ code: 'custom', path: ['evidenceEndMs'], message: 'evidence needs both its start and its end' });
  else if (d.evidenceStartMs !== null && d.evidenceEndMs! < d.evidenceStartMs)
    ctx.addIssue({ code: 'custom', path: ['evidenceEndMs'], message: 'the evidence cannot end before it starts' });
});

export const liveRequests = {
  /** Starts live listening for a round's recording, or says why it cannot. */
  'live:start': { input: liveStartInput, output: liveStartOutput },
  /** PCM for the live worker; answers how much audio waits to be processed. */
  'live:frames': { input: liveFramesInput, output: z.object({ backlogMs: ms }) },
  /** Stores one adaptive-mode decision (asked or skipped, and why) with its round. */
  'followup:decision': {
    input: z.strictObject({ roundId, decision: checkedFollowUpDecision }),
    output: z.object({ ok: z.literal(true) }),
  },
} satisfies RequestSchemasFor;

export const liveEvents = {
  'live:utterance': liveUtterance,
  'live:status': liveStatus,
};
