/** Skip-silences in review: quiet stretches found in the stored peaks, on the recording's ms timeline. */
import { describe, expect, it } from 'vitest';
import { findSilences, peaksForDrawing, silenceExit } from '../../../../../src/renderer/src/components/review/peaks';

/** 50 peaks a second: loud for 0–1 s, quiet 1–3.5 s, loud 3.5–5 s. */
const amplitudes = Float32Array.from({ length: 250 }, (_, i) => (i < 50 || i >= 175 ? 0.5 : 0));

describe('findSilences and silenceExit', () => {
  it('finds the quiet stretch in integer ms, trimmed by the pad at each end', () => {
    expect(findSilences(amplitudes, 5000, { peaksPerSecond: 50 })).toEqual([{ startMs: 1200, endMs: 3300 }]);
    expect(findSilences(amplitudes, 5000, { minMs: 3000, peaksPerSecond: 50 })).toEqual([]);
  });

  it('jumps to the end of the silence only from inside it', () => {
    const silences = findSilences(amplitudes, 5000, { peaksPerSecond: 50 });
    expect(silenceExit(silences, 1100)).toBeNull();
    expect(silenceExit(silences, 2000)).toBe(3300);
    expect(silenceExit(silences, 3260)).toBeNull(); // within 50 ms of the end: let it play
  });
});

describe('peaksForDrawing', () => {
  it('keeps the loudest peak of each stretch, where it was on the timeline', () => {
    // Three hours at 50 peaks a second, quiet but for one loud moment at 2 h 00 m 00 s and a softer one at 10 s.
    const hours = new Float32Array(3 * 3600 * 50).fill(0.01);
    hours[2 * 3600 * 50] = 0.9;
    hours[10 * 50] = 0.4;
    const drawn = peaksForDrawing(hours, 8000);
    expect(drawn).toHaveLength(8000);
    // 8,000 stretches of 1.35 s: the loud moment lands in the stretch holding 7,200 s, the softer in the one holding 10 s.
    expect(drawn.indexOf(Math.fround(0.9))).toBe(Math.floor(7200 / 1.35));
    expect(drawn[Math.floor(10 / 1.35)]).toBeCloseTo(0.4);
    expect(Math.max(...drawn)).toBeCloseTo(0.9);
    expect(drawn.filter((a) => Math.abs(a - 0.01) < 1e-6)).toHaveLength(7998);
  });

  it('leaves a recording short enough to draw as it is, and splits a longer one into even stretches', () => {
    const minute = Float32Array.from({ length: 3000 }, (_, i) => (i % 7) / 7);
    expect(peaksForDrawing(minute, 8000)).toBe(minute);
    const thirds = peaksForDrawing(minute, 1000);
    expect(Array.from(thirds)).toEqual(
      Array.from({ length: 1000 }, (_, k) => Math.max(minute[3 * k]!, minute[3 * k + 1]!, minute[3 * k + 2]!)),
    );
  });
});
