/**
 * The export format (version 2): every session and round with its recording, follow-ups, events,
 * speech analysis and review, as `export.json` inside an export bundle — a folder that also holds
 * the audio as `recordings/<recording id>.webm` and `.peaks`. The file names no path of the machine
 * it came from; the only files an import reads are these names, inside the bundle. Documented in
 * docs/export.md; `npm run import` restores it, and still reads version 1 (src/shared/export-v1.ts).
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
import { slug } from './content';
import { roundMetrics, segment } from './metrics';
import { exportedCoach } from './contract/coach-export';
import { checkedFollowUpDecision } from './contract/live';
import { transcriptSegment } from './transcript';
import { UUID_PATTERN, uuid } from './uuid';

export const EXPORT_VERSION = 2;
/** The JSON document's name inside a bundle. */
export const EXPORT_JSON = 'export.json';

/** The only names an import reads inside a bundle: derived from the recording's id, nothing else. */
const bundleName = (ext: string) =>
  z.string().regex(new RegExp(`^recordings/${UUID_PATTERN}\\.${ext}$`), `must be "recordings/<recording id>.${ext}"`);

/** Where a recording's files go inside a bundle. */
export function bundleFiles(recordingId: string): { audioFile: string; peaksFile: string } {
  return { audioFile: `recordings/${recordingId}.webm`, peaksFile: `recordings/${recordingId}.peaks` };
}

export const exportedEvent = z.object({
  type: z.string(),
  at: z.number(),
  data: z.record(z.string(), z.unknown()),
});

export const exportedRecordingFields = z
  .object({
    id: uuid(),
    mimeType: z.string(),
    status: recordingStatus,
    bytes: z.number().int(),
    durationMs: z.number().int().nullable(),
    peaksPerSecond: z.number().int(),
    startedAt: z.number(),
    finishedAt: z.number().nullable(),
    error: z.string().nullable(),
    /** The audio inside the bundle, or null when the export carries none (e.g. the in-app download). */
    audioFile: bundleName('webm').nullable(),
    peaksFile: bundleName('peaks').nullable(),
  })
  .strict();
export const exportedRecording = exportedRecordingFields.superRefine((r, ctx) => {
  const expected = bundleFiles(r.id);
  for (const key of ['audioFile', 'peaksFile'] as const)
    if (r[key] !== null && r[key] !== expected[key])
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `must be "${expected[key]}" (named by the recording's id)`,
      });
});
export type ExportedRecording = z.infer<typeof exportedRecording>;

/**
 * A round's finished transcript (issue 11). Optional, so version 2 stays version 2: an older app's
 * import, whose round object does not know the key, reads the file and leaves the transcript out.
 * Bounded and ordered, so a hostile file cannot make one round hold a novel or words out of order.
 */
export const exportedTranscript = z
  .object({
    modelId: z.string().min(1).max(200),
    createdAt: z.number().int(),
    segments: z
      .array(
        transcriptSegment
          .refine((seg) => seg.text.length <= 20_000, 'a transcript segment holds at most 20,000 characters')
          .refine((seg) => seg.words.length <= 5_000, 'a transcript segment holds at most 5,000 words')
          .refine(
            (seg) =>
              seg.words.every((w, i) => w.text.length <= 200 && (i === 0 || w.startMs >= seg.words[i - 1]!.startMs)),
            'transcript words must be in time order, each at most 200 characters',
          ),
      )
      .max(50_000),
  })
  .strict();
export type ExportedTranscript = z.infer<typeof exportedTranscript>;

export const exportedRound = z.object({
  id: uuid(),
  index: z.number().int(),
  plan: roundPlan,
  answers: roundAnswers.nullable(),
  status: roundStatus,
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  recording: exportedRecording.nullable(),
  followUps: z.array(askedFollowUp),
  events: z.array(exportedEvent),
  analysis: z
    .object({
      status: analysisStatus,
      /** Integer ms on the recording's timeline (version 1 had seconds). */
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
      id: uuid(),
      kind: markKind,
      startMs: z.number().int(),
      endMs: z.number().int().nullable(),
      createdAt: z.number(),
    }),
  ),
  transcript: exportedTranscript.nullable().optional(),
  /**
   * Why each follow-up was asked or skipped (adaptive mode, issue 19), in time order. Absent in files
   * from before it (read as none); an older app's import leaves the key out.
   */
  followUpDecisions: z.array(checkedFollowUpDecision).max(10_000).default([]),
});
export type ExportedRound = z.infer<typeof exportedRound>;

export const exportedSession = z.object({
  id: uuid(),
  title: z.string(),
  source: sessionSource,
  status: sessionStatus,
  followUpMode,
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  /** Events not tied to a round (session created, paused, ended…). */
  events: z.array(exportedEvent),
  rounds: z.array(exportedRound),
});
export type ExportedSession = z.infer<typeof exportedSession>;

/** A snooze or retirement from "Today" (the only schedule state stored; due dates are recomputed). */
export const exportedScheduleEntry = z
  .object({
    itemId: slug,
    /** Wall clock, epoch ms. */
    snoozedUntil: z.number().nullable(),
    retiredAt: z.number().nullable(),
    updatedAt: z.number(),
  })
  .strict();
export type ExportedScheduleEntry = z.infer<typeof exportedScheduleEntry>;

export const exportFile = z.object({
  format: z.literal('loop-coach-export'),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  appVersion: z.string(),
  sessions: z.array(exportedSession),
  /** Added with "Today"; an export written before it has none. */
  schedule: z.array(exportedScheduleEntry).default([]),
  /** Blind re-scores and weekly action lists (absent in files from before them). */
  coach: exportedCoach.optional(),
});
export type ExportFile = z.infer<typeof exportFile>;
