/**
 * The one place the screens turn numbers into words. Two styles of time, never mixed:
 * - a clock position (a point on the recording, the round timer): m:ss, e.g. "0:31", "12:05";
 * - a duration (how long something took or may take): "0.8 s", "31 s", "2 min 30 s", "1 h 5 min".
 * Both take milliseconds, the unit of every timeline in the app.
 */

/** A point on a clock: 31_000 → "0:31", 3_725_000 → "62:05" (minutes are not wrapped into hours). */
export function formatClock(ms: number, options: { tenths?: boolean } = {}): string {
  const safe = Math.max(0, Number.isFinite(ms) ? ms : 0);
  // A clock shows the second it is in (never rounds 0:59.6 up to 1:00 before it gets there).
  const tenthsTotal = Math.floor(safe / 100);
  const seconds = Math.floor(tenthsTotal / 10);
  const base = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return options.tenths ? `${base}.${tenthsTotal % 10}` : base;
}

/** A length of time: 800 → "0.8 s", 12_400 → "12 s", 150_000 → "2 min 30 s", 11_100_000 → "3 h 5 min"; null → "—". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 9.95) return `${Math.round(seconds * 10) / 10} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const m = Math.floor(whole / 60);
    const s = whole % 60;
    return s ? `${m} min ${s} s` : `${m} min`;
  }
  const minutes = Math.round(whole / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** A signed difference between two times: +300 → "+0.3 s", −1_200 → "−1.2 s". */
export function formatOffset(ms: number): string {
  return `${ms < 0 ? '−' : '+'}${formatDuration(Math.abs(ms))}`;
}

/** The round timer past its budget: 75_000 → "+1:15 over". */
export function formatOverrunClock(ms: number): string {
  return `+${formatClock(ms)} over`;
}

/** Seconds on a chart axis, as durations: 45 → "45 s", 150 → "2 min 30 s". */
export function formatAxisSeconds(seconds: number): string {
  return formatDuration(seconds * 1000);
}

/** 0.734 → "73 %". */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${Math.round(ratio * 100)} %`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(epochMs: number): string {
  return dateFormat.format(new Date(epochMs));
}

/** A week starting at this Monday, as "12 May". */
const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** Kept per week: the Progress charts label the same ~50 weeks many times over on every paint. */
const weekLabels = new Map<number, string>();
export function formatWeek(weekStartMs: number): string {
  let label = weekLabels.get(weekStartMs);
  if (label === undefined) {
    label = weekFormat.format(new Date(weekStartMs));
    if (weekLabels.size > 5_000) weekLabels.clear();
    weekLabels.set(weekStartMs, label);
  }
  return label;
}
