/** Review places the stored peaks on the recording timeline at their own rate, never stretched. */
import { describe, expect, it } from 'vitest';
import { findSilences, peaksOnTimeline } from '../../../../../src/renderer/src/components/review/peaks';

const PER_SECOND = 50;
/** Loud for `loud` seconds, quiet for `quiet` seconds, and so on, at 50 peaks a second. */
function peaks(...runs: [loud: number, quiet: number][]): Float32Array {
  const out: number[] = [];
  for (const [loud, quiet] of runs) {
    for (let i = 0; i < loud * PER_SECOND; i++) out.push(0.5);
    for (let i = 0; i < quiet * PER_SECOND; i++) out.push(0);
  }
  return Float32Array.from(out);
}

describe('peaks on the recording timeline', () => {
  it('a silence is found where it is in the audio even when the peaks cover less than the duration', () => {
    // 1 s speech, 2 s silence, 1 s speech: 4 s of peaks in a 6 s recording.
    const silences = findSilences(peaks([1, 2], [1, 0]), 6000, { peaksPerSecond: PER_SECOND });
    expect(silences).toHaveLength(1);
    expect(silences[0]).toEqual({ startMs: 1200, endMs: 2800 });
  });

  it('peaks are laid out to exactly duration × rate: cut when longer, padded with silence when shorter', () => {
    const laid = peaksOnTimeline(peaks([1, 0]), 3000, PER_SECOND);
    expect(laid.length).toBe(150);
    expect(laid[49]).toBe(0.5);
    expect(laid[50]).toBe(0);
    expect(peaksOnTimeline(peaks([4, 0]), 2000, PER_SECOND).length).toBe(100);
  });
});
