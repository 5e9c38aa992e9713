/** Small statistics the coach's rules share: medians and Pearson's r from running sums. */

export function median(values: readonly (number | null)[]): number | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

/** The sums SQL gives for two columns x and y over n rows. */
export type PairSums = { n: number; sx: number; sy: number; sxx: number; syy: number; sxy: number };

/** Pearson's correlation of x and y from their sums; null with fewer than 3 rows or no spread. */
export function pearson(s: PairSums): number | null {
  if (s.n < 3) return null;
  const cov = s.n * s.sxy - s.sx * s.sy;
  const vx = s.n * s.sxx - s.sx * s.sx;
  const vy = s.n * s.syy - s.sy * s.sy;
  if (vx <= 0 || vy <= 0) return null;
  return cov / Math.sqrt(vx * vy);
}
