/**
 * Axis ticks for plain numbers (words per minute, shares, rates per minute): from 0 past the largest
 * value in round steps, 1, 2 or 5 times a power of ten, so an axis reads 0, 50, 100, 150 or 0 %, 5 %,
 * 10 %, never 0, 37, 74 (no 2.5: a label rounded to one decimal would read 0.3 for 0.25).
 */
const mantissas = [1, 2, 5, 10];

/** Ticks from 0 to the first step at or past `max`, at most about `most` steps. */
export function niceTicks(max: number, most = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const power = 10 ** Math.floor(Math.log10(max / most));
  const step = power * mantissas.find((m) => max / (m * power) <= most)!;
  const ticks: number[] = [];
  // Multiplied, not summed, and rounded to the step's decimals: 0.1 + 0.2 is not 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let i = 0; ; i++) {
    const t = Number((i * step).toFixed(decimals));
    ticks.push(t);
    if (t >= max) break;
  }
  return ticks;
}
