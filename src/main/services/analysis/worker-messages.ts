/**
 * The messages between the analysis runner (main process or web server) and its worker process.
 * Both sides parse what they receive: a worker is a separate program, and a message from an
 * older build or a half-dead process must fail loudly instead of being trusted.
 */
import { z } from 'zod';
import { segment } from '../../../shared/metrics';
import { transcriptSegment } from '../../../shared/transcript';
import { modelFamily, modelFileRole } from '../models/installed';

/** Runner → worker. `jobId` ties every answer to the request it belongs to. */
export const workerRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('analyze'), jobId: z.number().int().positive(), file: z.string().min(1) }).strict(),
  /** Speech to text with a model whose files the main side has verified (size and SHA-256). */
  z
    .object({
      type: z.literal('transcribe'),
      jobId: z.number().int().positive(),
      file: z.string().min(1),
      family: modelFamily,
      files: z.partialRecord(modelFileRole, z.string().min(1)),
      /** The analysis's speech segments, or null to find them in the worker. */
      speech: z.array(segment).nullable(),
    })
    .strict(),
]);
export type WorkerRequest = z.infer<typeof workerRequest>;

/** Worker → runner. */
export const workerResponse = z.discriminatedUnion('type', [
  /** Sent once the worker listens; requests sent earlier are queued by the IPC channel anyway. */
  z.object({ type: z.literal('ready') }).strict(),
  /** Fraction of the decoded audio the speech detector has read (0..1). */
  z.object({ type: z.literal('progress'), jobId: z.number().int(), fraction: z.number().min(0).max(1) }).strict(),
  z
    .object({
      type: z.literal('done'),
      jobId: z.number().int(),
      durationMs: z.number().int().min(0),
      segments: z.array(segment),
    })
    .strict(),
  z.object({ type: z.literal('transcribed'), jobId: z.number().int(), segments: z.array(transcriptSegment) }).strict(),
  /** An ordinary failure (unreadable file, ffmpeg error): the worker stays usable. */
  z.object({ type: z.literal('failed'), jobId: z.number().int(), message: z.string() }).strict(),
]);
export type WorkerResponse = z.infer<typeof workerResponse>;
