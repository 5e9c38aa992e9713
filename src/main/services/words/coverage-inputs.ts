/**
 * What the review's coverage matcher needs of a round (its frozen expected points with their cues,
 * its prompt and reference answer) and the matcher over transcript segments. Pure and free of the
 * database, so the live worker runs the very same call on the utterances heard so far.
 */
import { z } from 'zod';
import type { TranscriptSegment } from '../../../shared/transcript';
import { coverageOfWords, expectedPoint, wordsFromSegments, type PointCoverage } from '../../../shared/words';

export const coverageInputs = z.object({
  points: z.array(expectedPoint),
  prompt: z.string().optional(),
  reference: z.string().optional(),
});
export type CoverageInputs = z.input<typeof coverageInputs>;

export function coverageWith(inputs: CoverageInputs, segments: readonly TranscriptSegment[]): PointCoverage[] {
  return coverageOfWords(inputs.points, wordsFromSegments(segments), {
    prompt: inputs.prompt,
    reference: inputs.reference,
  });
}
