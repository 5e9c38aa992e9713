/**
 * What an installed model's `<dataDir>/models/<modelId>/installed.json` says (pinned between the
 * model manager, which writes it last, after every file's SHA-256 matched, and the engine, which
 * re-checks the files against it before any of them is loaded).
 */
import { z } from 'zod';

/** sherpa-onnx offline model families Loop Coach knows how to configure. */
export const modelFamily = z.enum([
  'whisper',
  'moonshine',
  'transducer',
  'nemo-transducer',
  'nemo-ctc',
  'zipformer-ctc',
]);
export type ModelFamily = z.infer<typeof modelFamily>;

export const modelFileRole = z.enum([
  'encoder',
  'decoder',
  'joiner',
  'tokens',
  'preprocessor',
  'uncached_decoder',
  'cached_decoder',
  'model',
]);
export type ModelFileRole = z.infer<typeof modelFileRole>;

/** A bare file name inside the model's folder: no folders, no "..". */
export const modelFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a model file name is a bare name like encoder.int8.onnx');

export const installedModel = z.object({
  modelId: z.string().min(1).max(200),
  family: modelFamily,
  files: z.partialRecord(modelFileRole, modelFileName),
  sha256: z.record(modelFileName, z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits')),
  bytes: z.record(modelFileName, z.number().int().min(0)),
  /** Epoch ms. */
  installedAt: z.number().int(),
});
export type InstalledModel = z.infer<typeof installedModel>;

export const INSTALLED_FILE = 'installed.json';
