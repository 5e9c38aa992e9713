/**
 * Expected-point coverage over the labelled set (tests/fixtures/coverage/): precision, recall and
 * F1 per (answer, point), for the whole set, for its held-out part alone (never looked at while the
 * cues and the matcher were tuned), and with the cues ignored (the matcher on the point text only).
 * Figures of quality, not of time.
 */
import { percentile, round, type Bench, type Figure } from './figure';
import { builtinContent, loadLabelledSet, scoreSet, type LabelledAnswer } from './coverage-set';
import { computeCoverage, computeWordMetrics } from '../src/shared/words';
import type { TranscriptSegment } from '../src/shared/transcript';
import type { LoadedContent } from '../src/main/services/content/load';

export const coverageBench: Bench = {
  name: 'coverage',
  figures: [
    'coverage_precision',
    'coverage_recall',
    'coverage_f1',
    'coverage_precision_held_out',
    'coverage_recall_held_out',
    'coverage_f1_held_out',
    'coverage_precision_no_cues',
    'coverage_recall_no_cues',
    'words_60min_ms',
  ],
  async run() {
    const content = await builtinContent();
    const all = loadLabelledSet();
    const heldOut = all.filter((a) => a.split === 'held-out');
    const whole = scoreSet(all, content).score;
    const held = scoreSet(heldOut, content).score;
    const noCues = scoreSet(all, content, { cues: false }).score;
    const items = new Set(all.map((a) => a.item)).size;
    const note = (n: number, s: { tp: number; fp: number; fn: number }) =>
      `${n} answers; ${s.tp} true, ${s.fp} false covered, ${s.fn} missed`;
    const figure = (name: string, value: number, n: number, s: typeof whole): Figure => ({
      name,
      value: round(value, 3),
      unit: 'share',
      note: note(n, s),
    });
    return [
      {
        ...figure('coverage_precision', whole.precision, all.length, whole),
        note: `${all.length} answers over ${items} items; ${whole.fp} false covered`,
      },
      figure('coverage_recall', whole.recall, all.length, whole),
      figure('coverage_f1', whole.f1, all.length, whole),
      figure('coverage_precision_held_out', held.precision, heldOut.length, held),
      figure('coverage_recall_held_out', held.recall, heldOut.length, held),
      figure('coverage_f1_held_out', held.f1, heldOut.length, held),
      figure('coverage_precision_no_cues', noCues.precision, all.length, noCues),
      figure('coverage_recall_no_cues', noCues.recall, all.length, noCues),
      sixtyMinutes(all, content),
    ];
  },
};

/**
 * Word metrics and coverage of one 60-minute round: about 9,000 words (150 a minute) in 30-second
 * segments without word times, with three follow-ups, against the six LRU-cache points. What the
 * review computes when it opens the longest round. Median of 5.
 */
function sixtyMinutes(answers: LabelledAnswer[], content: LoadedContent): Figure {
  const words = answers.flatMap((a) => a.text.split(/\s+/));
  const segments: TranscriptSegment[] = [];
  let w = 0;
  for (let startMs = 0; startMs < 3_600_000; startMs += 30_000) {
    const text: string[] = [];
    for (let k = 0; k < 75; k++) text.push(words[w++ % words.length]!);
    segments.push({ startMs, endMs: startMs + 29_000, text: text.join(' '), words: [] });
  }
  const round0 = content.items.get('lru-cache')!.rounds[0]!;
  const points = round0.expectedPoints.map((text, i) => ({ text, cues: round0.expectedPointCues[i] ?? [] }));
  const followUps = round0.followUps.map((f, index) => ({
    index,
    text: f.text,
    spokenStartMs: (index + 1) * 900_000,
    spokenEndMs: (index + 1) * 900_000 + 4000,
  }));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    computeWordMetrics({ segments, followUps });
    computeCoverage(points, segments, { prompt: round0.prompt });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    name: 'words_60min_ms',
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `${segments.length * 75} words; computeWordMetrics + computeCoverage (6 points); median of 5`,
  };
}
