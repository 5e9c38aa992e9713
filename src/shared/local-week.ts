/**
 * Weeks in the user's own calendar for the Progress page: which local week (Monday to Monday, in an
 * IANA time zone) holds an instant, and where each week begins. Pure apart from Intl, so the Progress
 * numbers built on it can be checked against a plain reference.
 */

const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday. */
const FIRST_MONDAY_MS = 4 * DAY_MS;
/** Every zone's UTC offset changes only on a quarter hour, at most once a day. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
/** Per zone and UTC day: the offset before and after a change within the day (equal: none), and when. */
const zoneDays = new Map<string, Map<number, { before: number; after: number; changeAt: number }>>();

/** The zone's offset from UTC (ms, east positive) at an instant, read from Intl (slow: ~0.1 ms). */
function offsetFromIntl(epochMs: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  const at = Math.floor(epochMs / 60_000) * 60_000;
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - at;
}

/**
 * The zone's offset from UTC at this instant. Intl is asked twice per UTC day (and a few more times
 * on a day the clocks change, to find the quarter hour), so 10 000 rounds cost a few dozen lookups.
 */
function utcOffsetMs(epochMs: number, timeZone: string): number {
  let days = zoneDays.get(timeZone);
  if (!days) zoneDays.set(timeZone, (days = new Map()));
  const day = Math.floor(epochMs / DAY_MS);
  let known = days.get(day);
  if (!known) {
    let lo = day * DAY_MS;
    let hi = lo + DAY_MS - QUARTER_HOUR_MS;
    const before = offsetFromIntl(lo, timeZone);
    const after = offsetFromIntl(hi, timeZone);
    if (before !== after) {
      // Binary search for the first quarter hour on the new offset.
      while (hi - lo > QUARTER_HOUR_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
        if (offsetFromIntl(mid, timeZone) === before) lo = mid;
        else hi = mid;
      }
    }
    known = { before, after, changeAt: before === after ? Infinity : hi };
    days.set(day, known);
  }
  return epochMs < known.changeAt ? known.before : known.after;
}

/**
 * The week that holds this time, in the user's own calendar (`timeZone`, an IANA name such as
 * "Europe/Berlin"): weeks run Monday 00:00 to Monday 00:00 local time, so a Sunday-night round
 * counts in the week the user lived it. Returned as a calendar date, not an instant: 00:00 UTC of
 * the local Monday's date (format it with timeZone "UTC", as formatWeek does).
 */
export function weekStart(epochMs: number, timeZone: string): number {
  const localDay = Math.floor((epochMs + utcOffsetMs(epochMs, timeZone)) / DAY_MS) * DAY_MS;
  return Math.floor((localDay - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS;
}

/** The zone this machine's calendar is in (the Progress page's weeks). */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** One local week as a span of instants: [fromMs, toMs) holds every instant weekStart maps to `weekStart`. */
export type WeekSpan = { weekStart: number; fromMs: number; toMs: number };

/** The first instant (integer ms) of the local week `week` (a weekStart value): local Monday 00:00. */
function weekBegins(week: number, timeZone: string): number {
  // Local midnight is within UTC−12 … UTC+14 of the date's 00:00 UTC; weekStart grows with time.
  let lo = week - 15 * 3600_000;
  let hi = week + 13 * 3600_000;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (weekStart(mid, timeZone) >= week) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Every local week from the one holding `firstMs` to the one holding `lastMs`, as spans of instants,
 * so the main side can bucket rounds by week with range queries on an instant column. Each span is
 * exactly the instants weekStart(·, timeZone) maps to its week.
 */
export function weekSpans(firstMs: number, lastMs: number, timeZone: string): WeekSpan[] {
  const spans: WeekSpan[] = [];
  const last = weekStart(lastMs, timeZone);
  let week = weekStart(firstMs, timeZone);
  let fromMs = weekBegins(week, timeZone);
  while (week <= last) {
    const next = week + WEEK_MS;
    const toMs = weekBegins(next, timeZone);
    spans.push({ weekStart: week, fromMs, toMs });
    week = next;
    fromMs = toMs;
  }
  return spans;
}

/** True if `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
