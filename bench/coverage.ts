/**
 * Expected-point coverage over the labelled set (tests/fixtures/coverage/): precision, recall and
 * F1 per (answer, point), for the whole set, for its held-out part alone (never looked at while the
 * cues and the matcher were tuned), and with the cues ignored (the matcher on the point text only).
 * Figures of quality, not of time.
 */
import { round, type Bench, type Figure } from './figure';
import { builtinContent, loadLabelledSet, scoreSet } from './coverage-set';

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
    ];
  },
};
