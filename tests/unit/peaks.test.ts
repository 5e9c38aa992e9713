/** Skip-silences in review: quiet stretches found in the stored peaks, on the recording's ms timeline. */
import { describe, expect, it } from 'vitest';
import { findSilences, silenceExit } from '../../src/renderer/src/components/review/peaks';

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
