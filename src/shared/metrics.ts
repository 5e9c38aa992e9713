/**
 * Speech metrics for a round, as pure functions of the speech segments and the round's timeline.
 * Every metric is defined in docs/metrics.md. Every time on the recording timeline, segments
 * included, is integer ms from the start of the recording.
 */
import { z } from 'zod';
import { flagId, type MarkKind } from './enums';

/** A stretch of speech, in integer ms on the recording's timeline (the VAD's output). */
export const segment = z
  .object({ startMs: z.number().int().min(0), endMs: z.number().int().min(0) })
  .refine((s) => s.endMs >= s.startMs, 'a speech segment cannot end before it starts');
export type Segment = z.infer<typeof segment>;

/** A stretch of time on the recording's timeline, in ms. */
type Span = { startMs: number; endMs: number };

/** A pause of at least this long ends a "run" of talking. */
export const RUN_BREAK_MS = 1000;

/** Metrics that need only the audio (also what `npm run analyze` prints). */
export const audioMetrics = z.object({
  durationMs: z.number().int(),
  firstSpeechMs: z.number().int().nullable(),
  talkTimeMs: z.number().int(),
  speechRatio: z.number(),
  longestRunMs: z.number().int(),
  pauses: z.object({ short: z.number().int(), medium: z.number().int(), long: z.number().int() }),
});
export type AudioMetrics = z.infer<typeof audioMetrics>;

export const flag = z.object({
  id: flagId,
  message: z.string(),
});
export type Flag = z.infer<typeof flag>;

export const roundMetrics = audioMetrics.extend({
  /** Prompt finished → first speech. */
  thinkTimeMs: z.number().int().nullable(),
  /** First speech → first follow-up (or the end, with none); 0 if a follow-up came first. Never negative. */
  coreAnswerMs: z.number().int().nullable(),
  followUps: z.array(
    z.object({
      index: z.number().int(),
      responseLatencyMs: z.number().int().nullable(),
      answerLengthMs: z.number().int().nullable(),
    }),
  ),
  answeringMs: z.number().int(),
  overrunMs: z.number().int(),
  rambleMs: z.number().int(),
  phases: z.object({
    coreAnswerMs: z.number().int().nullable(),
    assumptionMs: z.number().int().nullable(),
    failureModeMs: z.number().int().nullable(),
  }),
  flags: z.array(flag),
});
export type RoundMetrics = z.infer<typeof roundMetrics>;

/** What the round looked like from the app's side. */
export type RoundTimeline = {
  durationMs: number;
  /** When the prompt finished being spoken (the answer cue); 0 if unknown. */
  answerCueMs: number;
  budgetSeconds: number;
  /** Ms the question type aims for (e.g. a STAR story ≤ 120 000). */
  targetMs: number | null;
  /** The app's own speech (prompt, follow-ups), excluded from the candidate's talk. */
  followUps: { index: number; spokenStartMs: number | null; spokenEndMs: number | null }[];
  marks: { kind: MarkKind; startMs: number; endMs: number | null }[];
};

/** Speech with the app's own speaking windows cut out (the microphone may hear the speakers). */
export function candidateSpeech(segments: readonly Segment[], appSpeaking: readonly Span[]): Span[] {
  let parts: Span[] = segments.map((s) => ({ startMs: s.startMs, endMs: s.endMs }));
  for (const cut of appSpeaking) {
    parts = parts.flatMap((p) => {
      if (p.endMs <= cut.startMs || p.startMs >= cut.endMs) return [p];
      const out: Span[] = [];
      if (p.startMs < cut.startMs) out.push({ startMs: p.startMs, endMs: cut.startMs });
      if (p.endMs > cut.endMs) out.push({ startMs: cut.endMs, endMs: p.endMs });
      return out;
    });
  }
  return parts.filter((p) => p.endMs - p.startMs >= 50);
}

function pausesBetween(parts: readonly Span[]) {
  const pauses = { short: 0, medium: 0, long: 0 };
  for (let i = 1; i < parts.length; i++) {
    const gap = parts[i]!.startMs - parts[i - 1]!.endMs;
    if (gap < 200) pauses.short++;
    else if (gap <= 1000) pauses.medium++;
    else pauses.long++;
  }
  return pauses;
}

function longestRun(parts: readonly Span[]): number {
  let best = 0;
  let runStart: number | null = null;
  let runEnd = 0;
  for (const p of parts) {
    if (runStart === null || p.startMs - runEnd >= RUN_BREAK_MS) runStart = p.startMs;
    runEnd = p.endMs;
    best = Math.max(best, runEnd - runStart);
  }
  return best;
}

const talkOf = (parts: readonly Span[]) => parts.reduce((sum, p) => sum + (p.endMs - p.startMs), 0);

export function computeAudioMetrics(segments: readonly Segment[], durationMs: number): AudioMetrics {
  const parts = [...segments];
  const talk = talkOf(parts);
  return {
    durationMs: Math.round(durationMs),
    firstSpeechMs: parts[0]?.startMs ?? null,
    talkTimeMs: talk,
    speechRatio: durationMs > 0 ? Math.round((talk / durationMs) * 1000) / 1000 : 0,
    longestRunMs: longestRun(parts),
    pauses: pausesBetween(parts),
  };
}

const fmt = (ms: number) => `${Math.round(ms / 1000)} s`;

export function computeRoundMetrics(segments: readonly Segment[], timeline: RoundTimeline): RoundMetrics {
  const speaking = timeline.followUps
    .filter((f) => f.spokenStartMs !== null)
    .map((f) => ({ startMs: f.spokenStartMs!, endMs: f.spokenEndMs ?? f.spokenStartMs! + 1500 }));
  const cue = timeline.answerCueMs;
  const all = candidateSpeech(segments, [{ startMs: 0, endMs: cue }, ...speaking]);
  const answering = all.filter((p) => p.startMs >= cue);
  const answeringMs = Math.max(0, timeline.durationMs - cue);
  const talk = talkOf(answering);
  const firstSpeech = answering[0]?.startMs ?? null;
  const asked = timeline.followUps
    .filter((f) => f.spokenStartMs !== null)
    .sort((a, b) => a.spokenStartMs! - b.spokenStartMs!);
  const firstFollowUp = asked[0]?.spokenStartMs ?? null;

  const followUps = asked.map((f, i) => {
    const after = f.spokenEndMs ?? f.spokenStartMs!;
    const windowEnd = asked[i + 1]?.spokenStartMs ?? timeline.durationMs;
    const reply = answering.filter((p) => p.startMs >= after && p.startMs < windowEnd);
    const first = reply[0];
    return {
      index: f.index,
      responseLatencyMs: first ? first.startMs - after : null,
      answerLengthMs: first ? Math.min(windowEnd, reply.at(-1)!.endMs) - first.startMs : null,
    };
  });

  const markAt = (kind: RoundTimeline['marks'][number]['kind']) => {
    const m = timeline.marks.filter((x) => x.kind === kind).sort((a, b) => a.startMs - b.startMs)[0];
    return m ? Math.max(0, m.startMs - cue) : null;
  };
  const rambleMs = timeline.marks
    .filter((m) => m.kind === 'ramble' && m.endMs !== null)
    .reduce((sum, m) => sum + Math.max(0, m.endMs! - m.startMs), 0);
  const budgetMs = timeline.budgetSeconds * 1000;
  const overrunMs = Math.max(0, answeringMs - budgetMs);
  const thinkTimeMs = firstSpeech === null ? null : firstSpeech - cue;
  // A follow-up asked before the candidate first spoke (pressure, at-pause) leaves no core answer: 0.
  const coreAnswerMs = firstSpeech === null ? null : Math.max(0, (firstFollowUp ?? timeline.durationMs) - firstSpeech);

  const flags: Flag[] = [];
  if (thinkTimeMs !== null && thinkTimeMs > Math.max(10_000, budgetMs * 0.1)) {
    flags.push({ id: 'long-preamble', message: `You took ${fmt(thinkTimeMs)} before saying anything.` });
  }
  if (overrunMs > 0)
    flags.push({ id: 'over-budget', message: `You ran ${fmt(overrunMs)} over the ${fmt(budgetMs)} budget.` });
  if (timeline.targetMs !== null && talk > timeline.targetMs) {
    flags.push({
      id: 'over-target',
      message: `You talked for ${fmt(talk)}; this kind of answer aims for ${fmt(timeline.targetMs)}.`,
    });
  }
  const longReply = followUps.find(
    (f) => f.answerLengthMs !== null && f.answerLengthMs > Math.max(90_000, budgetMs * 0.25),
  );
  if (longReply)
    flags.push({
      id: 'long-follow-up-answer',
      message: `Your answer to follow-up ${longReply.index + 1} ran ${fmt(longReply.answerLengthMs!)}.`,
    });
  if (firstFollowUp !== null && answeringMs > 0 && (firstFollowUp - cue) / answeringMs > 0.7) {
    flags.push({
      id: 'front-loaded',
      message: 'Most of the round passed before the first follow-up: get to the core answer sooner.',
    });
  }

  return {
    ...computeAudioMetrics(segments, timeline.durationMs),
    talkTimeMs: talk,
    speechRatio: answeringMs > 0 ? Math.round((talk / answeringMs) * 1000) / 1000 : 0,
    longestRunMs: longestRun(answering),
    pauses: pausesBetween(answering),
    firstSpeechMs: firstSpeech,
    thinkTimeMs,
    coreAnswerMs,
    followUps,
    answeringMs,
    overrunMs,
    rambleMs,
    phases: {
      coreAnswerMs: markAt('core-answer'),
      assumptionMs: markAt('assumption'),
      failureModeMs: markAt('failure-mode'),
    },
    flags,
  };
}

/** Median of the defined values, or null. */
export function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
