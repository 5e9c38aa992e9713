/** Display formatting shared by the screens. */

/** 2700 → "45:00", 75 → "1:15"; minutes are not wrapped into hours. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** 2700 → "45 min", 90 → "1.5 min", 30 → "0.5 min". */
export function formatMinutesFromSeconds(totalSeconds: number): string {
  return formatMinutes(totalSeconds / 60);
}

export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} min`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(epochMs: number): string {
  return dateFormat.format(new Date(epochMs));
}

/** 185 → "3 h 5 min", 45 → "45 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return formatMinutes(minutes);
  const rounded = Math.round(minutes);
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
