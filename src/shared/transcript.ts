/**
 * A round's transcript as the speech-to-text engine heard it. Every time is integer ms on the
 * recording's timeline, like the speech segments and follow-ups, so words line up with the waveform.
 */
import { z } from 'zod';
import { uuid } from './uuid';

const msOnRecording = z.number().int().min(0);

export const transcriptWord = z
  .object({ text: z.string().min(1), startMs: msOnRecording, endMs: msOnRecording })
  .refine((w) => w.endMs >= w.startMs, 'a word cannot end before it starts');
export type TranscriptWord = z.infer<typeof transcriptWord>;

/** One stretch of speech (a VAD segment) and its text; `words` is empty when the model gives no times. */
export const transcriptSegment = z
  .object({ startMs: msOnRecording, endMs: msOnRecording, text: z.string(), words: z.array(transcriptWord) })
  .refine((s) => s.endMs >= s.startMs, 'a transcript segment cannot end before it starts');
export type TranscriptSegment = z.infer<typeof transcriptSegment>;

export const roundTranscript = z.object({
  roundId: uuid(),
  /** The catalogue id of the model that wrote it. */
  modelId: z.string().min(1).max(200),
  segments: z.array(transcriptSegment),
  /** Epoch ms. */
  createdAt: z.number().int(),
});
export type RoundTranscript = z.infer<typeof roundTranscript>;

/** Every word of a transcript in order: the segment's own words, or its text split on spaces. */
export function transcriptText(segments: readonly TranscriptSegment[]): string {
  return segments
    .map((s) => s.text.trim())
    .filter(Boolean)
    .join(' ');
}
