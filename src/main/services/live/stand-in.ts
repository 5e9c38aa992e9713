/**
 * The test stand-in for the live recognizer (env LOOP_COACH_LIVE_RECOGNIZER, ignored by a packaged
 * app): no real speech-to-text model can be downloaded where Loop Coach is built, so E2E rounds and
 * the bench replace only the recognizer call. The real worker, the real VAD, the events and the
 * coverage run around it. The JSON lists the known utterances of a fixture audio file, in order, with
 * each one's speech length and the silence before it (the file loops, so the first one's silence is
 * the last one's trailing silence).
 *
 * Which utterance was heard: Chromium's fake microphone loops the file and a recording may start
 * anywhere in it, so position cannot tell. Length can, mostly, and the silence before an utterance
 * (measured from the last one's end) tells apart the ones of nearly equal length: the utterance whose
 * known length and silence are nearest to what the VAD found, summed. Before the first utterance of
 * a recording only a lower bound of the silence is known (the silence since listening began), so a
 * known silence shorter than it counts against a candidate. A first utterance that starts before
 * listening did (mid-sentence), or that is as long as another with nothing heard before it, can be
 * misnamed; from the second utterance on, the silence between names it.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { Heard } from './listener';

export const standInUtterances = z.strictObject({
  utterances: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        /** Length of the spoken part (ms). */
        durationMs: z.number().int().positive(),
        /** Silence before it in the file, counting the loop (ms). */
        gapBeforeMs: z.number().int().min(0),
      }),
    )
    .min(1),
});
export type StandInUtterances = z.infer<typeof standInUtterances>;

export function readStandIn(file: string): StandInUtterances {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The live recognizer stand-in ${file} could not be read: ${(error as Error).message}`);
  }
  const parsed = standInUtterances.safeParse(raw);
  if (!parsed.success) throw new Error(`The live recognizer stand-in ${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/** The known utterance nearest to what the detector heard (listener.ts, Heard). */
export function standInText(known: StandInUtterances, heard: Heard): string {
  let best = known.utterances[0]!;
  let bestCost = Infinity;
  for (const u of known.utterances) {
    const silence =
      heard.gapBeforeMs === null
        ? Math.max(0, heard.silenceAtLeastMs - u.gapBeforeMs)
        : Math.abs(u.gapBeforeMs - heard.gapBeforeMs);
    const cost = Math.abs(u.durationMs - heard.durationMs) + silence;
    if (cost < bestCost) [best, bestCost] = [u, cost];
  }
  return best.text;
}
