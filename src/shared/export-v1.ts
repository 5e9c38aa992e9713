/**
 * Version 1 of the export format, read only to convert it to the current one. It pointed at each
 * recording by the absolute path it had on the exporting machine; that path is never read (an
 * import reads audio only from inside a bundle), so a version-1 file imports without its audio.
 * Its speech segments were in seconds; they become integer ms.
 */
import { z } from 'zod';
import {
  exportedRecordingFields,
  exportedRound,
  exportedSession,
  exportFile,
  EXPORT_VERSION,
  type ExportFile,
} from './export';
import { UUID_PATTERN } from './uuid';

/** Exactly the names version 1 wrote (recordings/<session>/round-NN-<round>.webm): anything else is refused. */
const v1File = (ext: string) =>
  z
    .string()
    .regex(
      new RegExp(`^recordings/${UUID_PATTERN}/round-\\d{2,3}-${UUID_PATTERN}\\.${ext}$`),
      `must be "recordings/<session id>/round-NN-<round id>.${ext}"`,
    );

const v1Recording = exportedRecordingFields.omit({ audioFile: true, peaksFile: true }).extend({
  file: v1File('webm'),
  peaksFile: v1File('peaks'),
  /** Never read. */
  absolutePath: z.string(),
});

const v1Analysis = exportedRound.shape.analysis
  .unwrap()
  .extend({ segments: z.array(z.object({ start: z.number().min(0), end: z.number().min(0) })) });

const v1Round = exportedRound.extend({ recording: v1Recording.nullable(), analysis: v1Analysis.nullable() });

export const exportFileV1 = z.object({
  format: z.literal('loop-coach-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  appVersion: z.string(),
  dataDir: z.string(),
  sessions: z.array(exportedSession.extend({ rounds: z.array(v1Round) })),
});
export type ExportFileV1 = z.infer<typeof exportFileV1>;

const ms = (seconds: number) => Math.round(seconds * 1000);

export function fromV1(file: ExportFileV1): ExportFile {
  return {
    format: 'loop-coach-export',
    version: EXPORT_VERSION,
    exportedAt: file.exportedAt,
    appVersion: file.appVersion,
    schedule: [],
    sessions: file.sessions.map((s) => ({
      ...s,
      rounds: s.rounds.map((r) => {
        const { recording, analysis, ...rest } = r;
        return {
          ...rest,
          recording: recording && {
            id: recording.id,
            mimeType: recording.mimeType,
            status: recording.status,
            bytes: recording.bytes,
            durationMs: recording.durationMs,
            peaksPerSecond: recording.peaksPerSecond,
            startedAt: recording.startedAt,
            finishedAt: recording.finishedAt,
            error: recording.error,
            audioFile: null,
            peaksFile: null,
          },
          analysis: analysis && {
            ...analysis,
            segments: analysis.segments.map((g) => ({ startMs: ms(g.start), endMs: ms(g.end) })),
          },
        };
      }),
    })),
  };
}

/** Any export this app can read, as the current version. */
export const anyExportFile = z
  .discriminatedUnion('version', [exportFile, exportFileV1])
  .transform((file): ExportFile => (file.version === 1 ? fromV1(file) : file));
