/** Display of speech-metric values: durations in s (or min and s), ratios as percentages. */

/** 800 → "0.8 s", 12_400 → "12 s", 125_000 → "2 min 5 s"; null → "—". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 10) return `${(Math.round(seconds * 10) / 10).toString()} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const m = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

/** Seconds on a chart axis: 45 → "45 s", 150 → "2.5 min". */
export function formatAxisSeconds(seconds: number): string {
  if (Math.abs(seconds) < 120) return `${Math.round(seconds)} s`;
  const minutes = Math.round((seconds / 60) * 10) / 10;
  return `${minutes} min`;
}

/** 0.734 → "73 %". */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${Math.round(ratio * 100)} %`;
}

/** A week starting at this Monday, as "12 May". */
const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
export function formatWeek(weekStartMs: number): string {
  return weekFormat.format(new Date(weekStartMs));
}
