/**
 * Speech-to-text models the user can download (Settings → Transcription): the catalogue's shape, what
 * the renderer sees of each model, and the models:* channels. The catalogue itself lives on the main
 * side (src/main/services/models/catalog.ts); tests inject their own.
 */
import { z } from 'zod';
import { none, type RequestSchemasFor } from './common';

/** sherpa-onnx offline model families the app can load (maps to OfflineRecognizer's model config). */
export const modelFamily = z.enum([
  'whisper',
  'moonshine',
  'transducer',
  'nemo-transducer',
  'nemo-ctc',
  'zipformer-ctc',
]);
export type ModelFamily = z.infer<typeof modelFamily>;

/** What a file is to sherpa-onnx: which config field its path goes into. */
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

/** The finest times the model gives for what it heard. */
export const modelTimestamps = z.enum(['word', 'token', 'segment']);

/**
 * Where a file's expected SHA-256 comes from: written in the catalogue ("pinned"), or published by the
 * model's host over HTTPS and fetched just before the download ("host").
 */
export const checksumSource = z.enum(['pinned', 'host']);
export type ChecksumSource = z.infer<typeof checksumSource>;

/**
 * A file name inside the model's folder: one plain name, no separators, no "..", no leading dot, so a
 * hostile catalogue or installed.json can never name a path outside `<data>/models/<id>/`.
 */
export const modelFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a file name is letters, digits, ".", "_" and "-" only')
  .refine((name) => !name.includes('..'), 'a file name may not contain ".."')
  .refine((name) => !name.endsWith('.part'), 'a file name may not end in .part');
/** A model id is also its folder's name. */
export const modelId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a model id is lower-case letters, digits, ".", "_" and "-"')
  .refine((id) => !id.includes('..'), 'a model id may not contain ".."');
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hex digits');

/** Downloads go over HTTPS; plain http only to this machine (the tests' local server). */
export const modelUrl = z
  .string()
  .max(2000)
  .url()
  // (No URL class here: shared code has neither the DOM's nor Node's.)
  .refine(
    (text) => /^(https:\/\/[^/\s?#]+|http:\/\/127\.0\.0\.1(:\d+)?)\//.test(text),
    'a model file is downloaded over https (http only from 127.0.0.1)',
  );

export const catalogueFile = z
  .object({
    role: modelFileRole,
    name: modelFileName,
    url: modelUrl,
    sha256: sha256Hex.nullable(),
    bytes: z.number().int().min(0).max(20e9).nullable(),
  })
  .strict();
export type CatalogueFile = z.infer<typeof catalogueFile>;

export const catalogueEntry = z
  .object({
    id: modelId,
    title: z.string().min(1).max(120),
    family: modelFamily,
    licence: z.string().min(1).max(120),
    /** All files together, as the host lists them. */
    sizeBytes: z.number().int().min(0).max(50e9),
    languages: z.array(z.string().min(2).max(12)).min(1).max(50),
    timestamps: modelTimestamps,
    /** Whether the model writes "um"/"uh" (Whisper-style models drop them). */
    hesitations: z.boolean(),
    /** One line on what it is good for. */
    summary: z.string().max(400),
    /** The model the app suggests first. */
    recommended: z.boolean().default(false),
    /** The model's published home, for the user to read about it. */
    homepage: z.string().url().max(2000).optional(),
    files: z.array(catalogueFile).min(1).max(16),
    checksumSource,
  })
  .strict()
  .superRefine((entry, ctx) => {
    const names = entry.files.map((f) => f.name);
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: 'custom', message: `${entry.id}: two files share a name` });
    const roles = entry.files.map((f) => f.role);
    if (new Set(roles).size !== roles.length)
      ctx.addIssue({ code: 'custom', message: `${entry.id}: two files share a role` });
    if (entry.checksumSource === 'pinned')
      for (const file of entry.files)
        if (!file.sha256)
          ctx.addIssue({
            code: 'custom',
            message: `${entry.id}: ${file.name} has no pinned sha256 (checksumSource "pinned")`,
          });
  });
export type CatalogueEntry = z.infer<typeof catalogueEntry>;

export const modelCatalogue = z
  .array(catalogueEntry)
  .max(100)
  .superRefine((entries, ctx) => {
    const ids = entries.map((e) => e.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'two models share an id' });
  });
export type ModelCatalogue = z.infer<typeof modelCatalogue>;

/**
 * Where a model stands on this machine. "partial": a download stopped (cancelled, interrupted, an
 * error) and left `.part` files that Resume continues from.
 */
export const modelStatus = z.enum(['available', 'downloading', 'partial', 'installed']);
export type ModelStatus = z.infer<typeof modelStatus>;

/** Why the last download of a model failed, by kind, with a message that names the file. */
export const modelErrorKind = z.enum(['network', 'http', 'hash', 'disk-full', 'truncated', 'cancelled', 'other']);
export type ModelErrorKind = z.infer<typeof modelErrorKind>;
export const modelError = z.object({ kind: modelErrorKind, message: z.string(), file: z.string().nullable() });
export type ModelError = z.infer<typeof modelError>;

export const modelView = z.object({
  id: z.string(),
  title: z.string(),
  family: modelFamily,
  licence: z.string(),
  sizeBytes: z.number(),
  languages: z.array(z.string()),
  timestamps: modelTimestamps,
  hesitations: z.boolean(),
  summary: z.string(),
  recommended: z.boolean(),
  homepage: z.string().nullable(),
  checksumSource,
  status: modelStatus,
  /** Bytes on disk so far (all files), and the total expected. */
  receivedBytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /** The last download's failure; null once it succeeds or is resumed. */
  error: modelError.nullable(),
  /** Whether this is the model transcription uses (the setting transcriptionModelId). */
  chosen: z.boolean(),
});
export type ModelView = z.infer<typeof modelView>;

export const modelList = z.object({ models: z.array(modelView), chosenModelId: z.string().nullable() });
export type ModelList = z.infer<typeof modelList>;

const byId = z.object({ modelId }).strict();

export const modelRequests = {
  'models:list': { input: none, output: modelList },
  /** Starts (or resumes) the download and returns at once; models:progress and models:changed follow. */
  'models:download': { input: byId, output: modelView },
  /** Stops a running download; its .part files stay for Resume. */
  'models:cancel': { input: byId, output: modelView },
  /** Deletes the model's folder (installed files and any .part); clears the setting if it was chosen. */
  'models:remove': { input: byId, output: modelView },
} satisfies RequestSchemasFor;

export const modelEvents = {
  /** A running download's bytes so far (all files of the model) and the file being fetched. */
  'models:progress': z.object({
    modelId: z.string(),
    receivedBytes: z.number().int().min(0),
    totalBytes: z.number().int().min(0),
    file: z.string(),
  }),
  /** A model's status changed (download started, finished, failed, cancelled, removed). */
  'models:changed': z.object({ modelId: z.string(), status: modelStatus }),
};
