/**
 * The export format: every session and round with its recording, follow-ups, events, speech
 * analysis and review. Documented in docs/export.md; `npm run import` restores it.
 */
import { z } from 'zod';
import {
  askedFollowUp,
  followUpMode,
  roundAnswers,
  roundPlan,
  sessionSource,
  sessionStatus,
  roundStatus,
  recordingStatus,
  markKind,
  scores,
  postmortem,
  analysisStatus,
  pointVerdict,
} from './contract';
import { roundMetrics, segment } from './metrics';

const event = z.object({ type: z.string(), at: z.number(), data: z.record(z.string(), z.unknown()) });

export const exportedRound = z.object({
  id: z.string().uuid(),
  index: z.number().int(),
  plan: roundPlan,
  answers: roundAnswers.nullable(),
  status: roundStatus,
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  recording: z
    .object({
      id: z.string().uuid(),
      /** Relative to the data folder, e.g. "recordings/<session>/round-01-<id>.webm". */
      file: z.string(),
      peaksFile: z.string(),
      /** Where the file was when exported (import copies it from here). */
      absolutePath: z.string(),
      mimeType: z.string(),
      status: recordingStatus,
      bytes: z.number().int(),
      durationMs: z.number().int().nullable(),
      peaksPerSecond: z.number().int(),
      startedAt: z.number(),
      finishedAt: z.number().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
  followUps: z.array(askedFollowUp),
  events: z.array(event),
  analysis: z
    .object({
      status: analysisStatus,
      segments: z.array(segment),
      metrics: roundMetrics.nullable(),
      durationMs: z.number().int().nullable(),
      analyzedAt: z.number().nullable(),
    })
    .nullable(),
  review: z
    .object({
      scores,
      points: z.array(pointVerdict.nullable()),
      behaviour: z.record(z.string(), z.boolean()),
      postmortem,
      revealedAt: z.number().nullable(),
      scoredAt: z.number().nullable(),
      updatedAt: z.number(),
    })
    .nullable(),
  marks: z.array(
    z.object({
      id: z.string().uuid(),
      kind: markKind,
      startMs: z.number().int(),
      endMs: z.number().int().nullable(),
      createdAt: z.number(),
    }),
  ),
});
export type ExportedRound = z.infer<typeof exportedRound>;

export const exportedSession = z.object({
  id: z.string().uuid(),
  title: z.string(),
  source: sessionSource,
  status: sessionStatus,
  followUpMode,
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  /** Events not tied to a round (session created, paused, ended…). */
  events: z.array(event),
  rounds: z.array(exportedRound),
});
export type ExportedSession = z.infer<typeof exportedSession>;

export const exportFile = z.object({
  format: z.literal('loop-coach-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  appVersion: z.string(),
  dataDir: z.string(),
  sessions: z.array(exportedSession),
});
export type ExportFile = z.infer<typeof exportFile>;
