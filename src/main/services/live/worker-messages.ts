/**
 * The messages between the live service (main process or web server) and the live worker process.
 * Both sides parse what they receive, as the analysis worker's do: a message from an older build or a
 * half-dead process fails loudly instead of being trusted.
 */
import { z } from 'zod';
import { livePointCoverage } from '../../../shared/contract';
import { transcriptWord } from '../../../shared/transcript';
import { coverageInputs } from '../words/coverage-inputs';
import { modelFamily, modelFileRole } from '../models/installed';

const sample = z.number().int().min(0);

/** Service → worker. Every message names the round's recording: one worker serves every live round. */
export const liveWorkerRequest = z.discriminatedUnion('type', [
  /** Starts listening to a recording with a model whose files the main side has verified. */
  z
    .object({
      type: z.literal('open'),
      recordingId: z.string().min(1),
      family: modelFamily,
      files: z.partialRecord(modelFileRole, z.string().min(1)),
      /** The test stand-in's utterance list (LOOP_COACH_LIVE_RECOGNIZER), or null for the model itself. */
      standIn: z.string().min(1).nullable(),
      /** The review's coverage matcher's inputs for the round: run here, off the main thread. */
      coverage: coverageInputs,
    })
    .strict(),
  /** Int16 LE PCM at 16 kHz placed on the recording timeline; contiguous with what came before. */
  z
    .object({
      type: z.literal('frames'),
      recordingId: z.string().min(1),
      startSample: sample,
      pcm: z.instanceof(Uint8Array),
    })
    .strict(),
  /** The recording finished: flush the detector, transcribe the last utterance, answer 'finished'. */
  z.object({ type: z.literal('finish'), recordingId: z.string().min(1) }).strict(),
  /** Forget a recording (fell behind, or its round was dropped). */
  z.object({ type: z.literal('close'), recordingId: z.string().min(1) }).strict(),
]);
export type LiveWorkerRequest = z.input<typeof liveWorkerRequest>;

/** Worker → service. */
export const liveWorkerResponse = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  /** The recognizer is loaded: frames may flow. */
  z.object({ type: z.literal('opened'), recordingId: z.string() }).strict(),
  /** Audio up to this sample has been through the detector and every utterance in it transcribed. */
  z.object({ type: z.literal('processed'), recordingId: z.string(), sample }).strict(),
  z
    .object({
      type: z.literal('utterance'),
      recordingId: z.string(),
      startMs: sample,
      endMs: sample,
      text: z.string(),
      words: z.array(transcriptWord),
      /** Coverage of every expected point over all utterances so far. */
      coverage: z.array(livePointCoverage),
    })
    .strict(),
  z.object({ type: z.literal('finished'), recordingId: z.string(), sample }).strict(),
  /** This recording cannot be listened to (model failed to load, bad frames); the worker stays usable. */
  z.object({ type: z.literal('failed'), recordingId: z.string(), message: z.string() }).strict(),
]);
export type LiveWorkerResponse = z.infer<typeof liveWorkerResponse>;
