/** A benchmark figure as `npm run bench -- --json FILE` writes it. */
export type Figure = {
  name: string;
  value: number;
  unit: string;
  /** The obvious alternative, measured in the same run. */
  baseline?: number;
  /** baseline / value: how many times better than the alternative. */
  ratio?: number;
  note?: string;
};

export type Bench = { name: string; figures: string[]; run: () => Promise<Figure[]> };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const round = (v: number, digits = 3) => Number(v.toFixed(digits));
