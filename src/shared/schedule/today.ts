/**
 * Composes "Today" from the library, the latest attempts per item and per question type, the
 * circuits' last runs and the user's snoozes and retirements: a short session of due items (the most
 * overdue first), question types that are due, one never-tried category mixed in, and a seed circuit
 * once the single rounds of its question types look ready. Pure: the clock is `nowMs`.
 */
import type { TodayEntry, TodayView, UpcomingEntry } from '../contract/today';
import {
  DAY_MS,
  HOUR_MS,
  RECENT_ATTEMPTS,
  attemptQuality,
  overdue,
  scheduleState,
  verdictOf,
  type AttemptSignals,
  type ScheduleState,
} from './rule';

/** How many items Today proposes at most, and the budget it stops adding at (the first item always fits). */
export const TODAY_MAX_ITEMS = 3;
export const TODAY_MAX_SECONDS = 45 * 60;
/** A circuit is proposed when each of its question types has this many solid rounds in a row… */
export const CIRCUIT_READY_STREAK = 2;
/** …and it was not run in the last week. */
export const CIRCUIT_REST_MS = 7 * DAY_MS;
export const UPCOMING_SHOWN = 8;

export type CatalogItem = {
  id: string;
  title: string;
  category: string;
  kind: 'loop' | 'mock';
  questionTypes: string[];
  budgetSeconds: number;
};
export type CatalogCircuit = { id: string; title: string; totalMinutes: number; questionTypes: string[] };
export type ScheduleOverride = { itemId: string; snoozedUntil: number | null; retiredAt: number | null };

export type TodayInput = {
  nowMs: number;
  items: readonly CatalogItem[];
  circuits: readonly CatalogCircuit[];
  /** Per item id: its latest attempts (RECENT_ATTEMPTS of them, when it has that many). */
  itemHistory: ReadonlyMap<string, readonly AttemptSignals[]>;
  /** Per question type id: its latest rounds, one attempt each. */
  typeHistory: ReadonlyMap<string, readonly AttemptSignals[]>;
  /** Per circuit id: when it was last started (wall clock, epoch ms). */
  circuitLastRun: ReadonlyMap<string, number>;
  overrides: readonly ScheduleOverride[];
  questionTypeTitles: ReadonlyMap<string, string>;
  maxItems?: number;
};

const ago = (ms: number) => {
  if (ms < HOUR_MS) return 'less than an hour ago';
  if (ms < DAY_MS) return `${Math.round(ms / HOUR_MS)} h ago`;
  const days = Math.round(ms / DAY_MS);
  return days === 1 ? 'yesterday' : `${days} days ago`;
};
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const span = (ms: number) => (ms < DAY_MS ? `${Math.round(ms / HOUR_MS)} h` : `${Math.round(ms / DAY_MS)} days`);

/** What went wrong (or right) in an attempt, in a few words: "scores 2·3·2, missed 2 of 5 points, overran 40 s". */
export function describeAttempt(a: AttemptSignals): string {
  const parts: string[] = [];
  const s = [a.clarity, a.rigor, a.speed];
  if (s.some((x) => x !== null)) parts.push(`scores ${s.map((x) => (x === null ? '–' : +x.toFixed(1))).join('·')}`);
  else parts.push('not scored');
  if (a.missedPoints > 0) parts.push(`missed ${a.missedPoints} of ${a.expectedPoints} expected points`);
  if (a.overrunMs > 0) parts.push(`overran by ${Math.round(a.overrunMs / 1000)} s`);
  const flags = a.flags.filter((f) => f !== 'over-budget');
  if (flags.length) parts.push(`flagged ${[...new Set(flags)].join(', ').replace(/-/g, ' ')}`);
  return parts.join(', ');
}

/** `total`: how many of its latest attempts were read (at most RECENT_ATTEMPTS). */
type Candidate = { item: CatalogItem; state: ScheduleState | null; total: number; last: AttemptSignals | null };

export function planToday(input: TodayInput): TodayView {
  const { nowMs } = input;
  const maxItems = input.maxItems ?? TODAY_MAX_ITEMS;
  const overrides = new Map(input.overrides.map((o) => [o.itemId, o]));
  const retired = (id: string) => overrides.get(id)?.retiredAt != null;
  const snoozedUntil = (id: string) => {
    const until = overrides.get(id)?.snoozedUntil ?? null;
    return until !== null && until > nowMs ? until : null;
  };
  const typeTitle = (t: string) => input.questionTypeTitles.get(t) ?? t;

  const candidates: Candidate[] = input.items.map((item) => {
    const recent = input.itemHistory.get(item.id) ?? [];
    const last = [...recent].sort((a, b) => b.at - a.at)[0] ?? null;
    return { item, state: scheduleState(recent), total: Math.min(RECENT_ATTEMPTS, recent.length), last };
  });
  const available = candidates.filter((c) => !retired(c.item.id) && snoozedUntil(c.item.id) === null);

  const chosen: TodayEntry[] = [];
  let seconds = 0;
  const taken = (id: string) => chosen.some((e) => e.itemId === id);
  const fits = (c: Candidate) => chosen.length === 0 || seconds + c.item.budgetSeconds <= TODAY_MAX_SECONDS;
  const add = (c: Candidate, reason: TodayEntry['reason'], why: string) => {
    chosen.push({
      itemId: c.item.id,
      title: c.item.title,
      category: c.item.category,
      questionTypes: c.item.questionTypes,
      budgetSeconds: c.item.budgetSeconds,
      reason,
      why,
      attempts: c.total,
      lastAt: c.state?.lastAt ?? null,
      dueAt: c.state?.dueAt ?? null,
      verdict: c.state?.verdict ?? null,
    });
    seconds += c.item.budgetSeconds;
  };

  // Never-tried categories: one slot is kept for one of them, whenever there is one.
  const triedCategories = new Set(candidates.filter((c) => c.total > 0).map((c) => c.item.category));
  const newCategories = [...new Set(available.map((c) => c.item.category))]
    .filter((cat) => !triedCategories.has(cat))
    .sort((a, b) => a.localeCompare(b));
  const dueSlots = Math.max(1, maxItems - (newCategories.length > 0 ? 1 : 0));

  // 1. Due items, the most overdue (in intervals) first: a weak attempt's short interval makes it urgent soon.
  const due = available
    .filter((c) => c.state && c.state.dueAt <= nowMs)
    .sort((a, b) => overdue(b.state!, nowMs) - overdue(a.state!, nowMs) || a.item.id.localeCompare(b.item.id));
  for (const c of due) {
    if (chosen.length >= dueSlots) break;
    if (!fits(c)) continue;
    const s = c.state!;
    if (s.verdict === 'weak')
      add(
        c,
        'weak',
        `${capitalise(ago(nowMs - s.lastAt))}: ${describeAttempt(c.last!)}. A weak attempt comes back after ${span(s.intervalMs)}.`,
      );
    else
      add(
        c,
        'due',
        `${s.streak === 1 ? 'Solid once' : `Solid ${s.streak} times in a row`}, last practised ${ago(nowMs - s.lastAt)}; due again after ${span(s.intervalMs)}.`,
      );
  }

  // 2. Question types that are due and not yet covered: an item of that type, never-tried ones first.
  const dueTypes = [...input.typeHistory.entries()]
    .map(([type, attempts]) => ({
      type,
      state: scheduleState(attempts),
      last: [...attempts].sort((a, b) => b.at - a.at)[0] ?? null,
    }))
    .filter(
      (t): t is { type: string; state: ScheduleState; last: AttemptSignals } => !!t.state && t.state.dueAt <= nowMs,
    )
    .sort((a, b) => overdue(b.state, nowMs) - overdue(a.state, nowMs) || a.type.localeCompare(b.type));
  for (const t of dueTypes) {
    if (chosen.length >= dueSlots) break;
    if (chosen.some((e) => e.questionTypes.includes(t.type))) continue;
    const pick = available
      .filter((c) => c.item.questionTypes.includes(t.type) && !taken(c.item.id) && fits(c))
      .sort(
        (a, b) => (a.state?.dueAt ?? -Infinity) - (b.state?.dueAt ?? -Infinity) || a.item.id.localeCompare(b.item.id),
      )[0];
    if (!pick) continue;
    const lastQuality = verdictOf(attemptQuality(t.last));
    add(
      pick,
      'question-type',
      `${typeTitle(t.type)} is due: the last round of this type was ${lastQuality} (${ago(nowMs - t.state.lastAt)}).`,
    );
  }

  // 3. Never-tried categories fill what is left, one item each (a mock first: the shortest way in).
  for (const category of newCategories) {
    if (chosen.length >= maxItems) break;
    const pick = available
      .filter((c) => c.item.category === category && fits(c))
      .sort(
        (a, b) =>
          (a.item.kind === 'mock' ? 0 : 1) - (b.item.kind === 'mock' ? 0 : 1) ||
          a.item.budgetSeconds - b.item.budgetSeconds ||
          a.item.id.localeCompare(b.item.id),
      )[0];
    if (pick) add(pick, 'new-category', `You have never practised ${category}: one to mix in.`);
  }

  // A circuit, when the latest single rounds of each of its question types are solid and it has rested.
  const typeStates = new Map([...input.typeHistory.entries()].map(([t, a]) => [t, scheduleState(a)]));
  const ready = input.circuits
    .filter(
      (c) =>
        c.questionTypes.length > 0 &&
        c.questionTypes.every((t) => (typeStates.get(t)?.streak ?? 0) >= CIRCUIT_READY_STREAK) &&
        nowMs - (input.circuitLastRun.get(c.id) ?? -Infinity) >= CIRCUIT_REST_MS,
    )
    .sort(
      (a, b) =>
        (input.circuitLastRun.get(a.id) ?? -Infinity) - (input.circuitLastRun.get(b.id) ?? -Infinity) ||
        a.id.localeCompare(b.id),
    );
  const circuit = ready[0]
    ? {
        id: ready[0].id,
        title: ready[0].title,
        totalMinutes: ready[0].totalMinutes,
        why: `Your latest ${ready[0].questionTypes.map(typeTitle).join(', ')} rounds were solid ${CIRCUIT_READY_STREAK} or more times in a row: try them back to back.`,
      }
    : null;

  const upcoming: UpcomingEntry[] = candidates
    .filter((c) => !retired(c.item.id) && !taken(c.item.id) && (c.state || snoozedUntil(c.item.id) !== null))
    .map((c) => {
      const snooze = snoozedUntil(c.item.id);
      return {
        itemId: c.item.id,
        title: c.item.title,
        dueAt: Math.max(c.state?.dueAt ?? nowMs, snooze ?? -Infinity),
        snoozedUntil: snooze,
        verdict: c.state?.verdict ?? null,
      };
    })
    // Items due but left out of a full session come first: they are the next ones in.
    .sort((a, b) => a.dueAt - b.dueAt || a.itemId.localeCompare(b.itemId))
    .slice(0, UPCOMING_SHOWN);

  const titles = new Map(input.items.map((i) => [i.id, i.title]));
  return {
    nowMs,
    hasHistory: candidates.some((c) => c.total > 0) || [...input.typeHistory.values()].some((a) => a.length > 0),
    items: chosen,
    budgetSeconds: seconds,
    circuit,
    upcoming,
    retired: input.overrides
      .filter((o) => o.retiredAt !== null && titles.has(o.itemId))
      .map((o) => ({ itemId: o.itemId, title: titles.get(o.itemId)!, retiredAt: o.retiredAt! }))
      .sort((a, b) => b.retiredAt - a.retiredAt),
  };
}
