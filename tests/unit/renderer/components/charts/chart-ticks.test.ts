/** The plain-number axis of the word-trend charts: round steps from 0 past the largest value. */
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../../../src/renderer/src/components/charts/chart-ticks';

describe('niceTicks (words per minute, shares, rates per minute)', () => {
  it('steps by 1, 2 or 5 times a power of ten from 0 to the first tick at or past the largest value', () => {
    expect(niceTicks(165, 4)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(240, 4)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(7, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1, 4)).toEqual([0, 0.5, 1]);
  });

  it('gives exact decimals for shares (no 0.30000000000000004 on the axis)', () => {
    expect(niceTicks(0.04, 4)).toEqual([0, 0.01, 0.02, 0.03, 0.04]);
    expect(niceTicks(0.12, 4)).toEqual([0, 0.05, 0.1, 0.15]);
    expect(niceTicks(0.5, 4)).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it('keeps an axis of 0 to 1 when there is nothing above zero', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});
