/** The one formatter of the screens: clock positions as m:ss, durations in s / min / h, never mixed. */
import { describe, expect, it } from 'vitest';
import {
  formatAxisSeconds,
  formatClock,
  formatDuration,
  formatOffset,
  formatOverrunClock,
  formatRatio,
} from '../../../../src/renderer/src/lib/format';

describe('formatClock (a position on the recording or a round timer)', () => {
  it('writes m:ss with no leading zero on the minutes', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(8_000)).toBe('0:08');
    expect(formatClock(31_000)).toBe('0:31');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('62:05');
  });

  it('shows the second the clock is in, and tenths when asked', () => {
    expect(formatClock(59_960)).toBe('0:59');
    expect(formatClock(65_470, { tenths: true })).toBe('1:05.4');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('writes an overrun on the timer as a clock too', () => {
    expect(formatOverrunClock(75_000)).toBe('+1:15 over');
  });
});

describe('formatDuration (how long something took)', () => {
  it('uses s below a minute, min and s below an hour, h and min above', () => {
    expect(formatDuration(800)).toBe('0.8 s');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(31_000)).toBe('31 s');
    expect(formatDuration(72_000)).toBe('1 min 12 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(2_700_000)).toBe('45 min');
    expect(formatDuration(11_100_000)).toBe('3 h 5 min');
    expect(formatDuration(7_200_000)).toBe('2 h');
  });

  it('never writes a decimal minute or a 60 in the lower unit', () => {
    expect(formatDuration(9_960)).toBe('10 s');
    expect(formatDuration(59_600)).toBe('1 min');
    expect(formatDuration(3_599_600)).toBe('1 h');
    for (const ms of [90_000, 150_000, 72_000]) expect(formatDuration(ms)).not.toMatch(/\d\.\d+ min/);
  });

  it('says — for a missing value', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('signs offsets and formats chart axes as durations', () => {
    expect(formatOffset(300)).toBe('+0.3 s');
    expect(formatOffset(-1_200)).toBe('−1.2 s');
    expect(formatAxisSeconds(45)).toBe('45 s');
    expect(formatAxisSeconds(90)).toBe('1 min 30 s');
    expect(formatAxisSeconds(300)).toBe('5 min');
  });

  it('writes ratios as whole percentages', () => {
    expect(formatRatio(0.734)).toBe('73 %');
    expect(formatRatio(null)).toBe('—');
  });
});
