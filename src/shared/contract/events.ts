/** Event channels: the payload schema of everything the main side pushes to the renderer. */
import { z } from 'zod';
import type { EventChannel } from '../channels';
import { analysisStatus, transcriptStatus } from '../enums';
import { sessionId } from './common';
import { liveEvents } from './live';
import { modelEvents } from './models';
import { transcriptionProgress } from './transcription';

export const eventContract = {
  'library:changed': z.object({ problems: z.number().int() }),
  'analysis:changed': z.object({ roundId: z.string(), status: analysisStatus }),
  /** How far the running analysis has read the round's audio (0..1); sent every 1 % or so. */
  'analysis:progress': z.object({ roundId: z.string(), fraction: z.number().min(0).max(1) }),
  'session:changed': z.object({ sessionId }),
  'transcript:changed': z.object({ roundId: z.string(), status: transcriptStatus }),
  /** A re-score was answered or dismissed, or an action list made or checked off. */
  'coach:changed': z.object({ what: z.enum(['rescore', 'actions']) }),
  ...modelEvents,
  ...liveEvents,
  'transcription:progress': transcriptionProgress,
} satisfies Record<EventChannel, z.ZodType>;
