/**
 * The "Today" rule on hand-made histories, as pure functions (src/shared/schedule): an attempt's
 * quality, the interval it earns, and the session planToday composes from due items, due question
 * types, never-tried categories, snoozes, retirements and ready circuits. The clock is an argument.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE_INTERVAL_MS,
  DAY_MS,
  HOUR_MS,
  MAX_INTERVAL_MS,
  WEAK_INTERVAL_MS,
  attemptQuality,
  scheduleState,
  type AttemptSignals,
} from '../../../../src/shared/schedule/rule';
import { planToday, type CatalogItem, type TodayInput } from '../../../../src/shared/schedule/today';

const NOW = Date.UTC(2026, 11, 1, 19, 0);

const attempt = (at: number, patch: Partial<AttemptSignals> = {}): AttemptSignals => ({
  at,
  clarity: 4,
  rigor: 4,
  speed: 4,
  missedPoints: 0,
  expectedPoints: 4,
  overrunMs: 0,
  flags: [],
  ...patch,
});
const acedAt = (at: number) => attempt(at, { clarity: 5, rigor: 5, speed: 5 });
const missedAt = (at: number) => attempt(at, { clarity: 2, rigor: 2, speed: 3, missedPoints: 3 });

const item = (id: string, category = 'Coding', questionType = 'coding', budgetSeconds = 600): CatalogItem => ({
  id,
  title: `Item ${id}`,
  category,
  kind: 'mock',
  questionTypes: [questionType],
  budgetSeconds,
});

function input(patch: Partial<TodayInput> & Pick<TodayInput, 'items'>): TodayInput {
  return {
    nowMs: NOW,
    circuits: [],
    itemHistory: new Map(),
    typeHistory: new Map(),
    circuitLastRun: new Map(),
    overrides: [],
    questionTypeTitles: new Map(),
    ...patch,
  };
}
const history = (entries: Record<string, AttemptSignals[]>) => new Map(Object.entries(entries));

describe('attempt quality and interval', () => {
  it('scores, missed points, overrun and flags each lower the quality', () => {
    const base = attempt(NOW);
    expect(attemptQuality(base)).toBeCloseTo(0.75);
    expect(attemptQuality({ ...base, missedPoints: 2 })).toBeCloseTo(0.55);
    expect(attemptQuality({ ...base, overrunMs: 1 })).toBeCloseTo(0.6);
    expect(attemptQuality({ ...base, flags: ['long-preamble', 'front-loaded'] })).toBeCloseTo(0.65);
    // The over-budget flag is the overrun again: it does not count twice.
    expect(attemptQuality({ ...base, flags: ['over-budget'] })).toBeCloseTo(0.75);
    expect(attemptQuality({ ...base, clarity: null, rigor: null, speed: null })).toBeCloseTo(0.6);
    expect(attemptQuality(missedAt(NOW))).toBeLessThan(0.6);
  });

  it('a weak attempt comes back after 12 h; solid ones in a row double the interval; strong doubles it; 60 days at most', () => {
    expect(scheduleState([])).toBeNull();
    expect(scheduleState([missedAt(NOW)])).toMatchObject({
      verdict: 'weak',
      streak: 0,
      intervalMs: WEAK_INTERVAL_MS,
      dueAt: NOW + 12 * HOUR_MS,
    });
    expect(scheduleState([attempt(NOW)])!.intervalMs).toBe(BASE_INTERVAL_MS);
    expect(scheduleState([attempt(NOW), attempt(NOW - DAY_MS)])!.intervalMs).toBe(2 * BASE_INTERVAL_MS);
    expect(scheduleState([acedAt(NOW)])!.intervalMs).toBe(2 * BASE_INTERVAL_MS);
    // A weak attempt breaks the run: only the solid ones after it count.
    const broken = [attempt(NOW), missedAt(NOW - DAY_MS), attempt(NOW - 2 * DAY_MS), attempt(NOW - 3 * DAY_MS)];
    expect(scheduleState(broken)).toMatchObject({ streak: 1, intervalMs: BASE_INTERVAL_MS });
    const long = Array.from({ length: 9 }, (_, i) => acedAt(NOW - i * DAY_MS));
    expect(scheduleState(long)!.intervalMs).toBe(MAX_INTERVAL_MS);
    // Order of the input does not matter: the newest attempt decides.
    expect(scheduleState([missedAt(NOW - DAY_MS), attempt(NOW)])!.verdict).toBe('solid');
  });
});

describe('planToday', () => {
  it('an item missed yesterday comes before one aced last week', () => {
    const view = planToday(
      input({
        items: [item('aced-last-week'), item('missed-yesterday'), item('aced-yesterday')],
        itemHistory: history({
          'aced-last-week': [acedAt(NOW - 7 * DAY_MS)],
          'missed-yesterday': [missedAt(NOW - 20 * HOUR_MS)],
          'aced-yesterday': [acedAt(NOW - DAY_MS)],
        }),
      }),
    );
    expect(view.items.map((e) => [e.itemId, e.reason])).toEqual([
      ['missed-yesterday', 'weak'],
      ['aced-last-week', 'due'],
    ]);
    expect(view.items[0]!.why).toContain('missed 3 of 4 expected points');
    // Aced yesterday is not due: it waits, with its date.
    expect(view.upcoming.map((u) => [u.itemId, u.dueAt])).toEqual([['aced-yesterday', NOW - DAY_MS + 6 * DAY_MS]]);
  });

  it('a retired item never comes back: not when due, not as a new category, not as a question type, not later', () => {
    const items = [item('retired', 'Theory', 'derivation'), item('kept', 'Coding')];
    const base = input({
      items,
      itemHistory: history({ retired: [missedAt(NOW - 30 * DAY_MS)], kept: [missedAt(NOW - DAY_MS)] }),
      typeHistory: new Map([['derivation', [missedAt(NOW - 30 * DAY_MS)]]]),
      overrides: [{ itemId: 'retired', snoozedUntil: null, retiredAt: NOW - 40 * DAY_MS }],
    });
    for (const later of [0, 10 * DAY_MS, 400 * DAY_MS]) {
      const view = planToday({ ...base, nowMs: NOW + later });
      expect(view.items.map((e) => e.itemId)).toEqual(['kept']);
      expect(view.upcoming.map((u) => u.itemId)).not.toContain('retired');
      expect(view.retired).toEqual([{ itemId: 'retired', title: 'Item retired', retiredAt: NOW - 40 * DAY_MS }]);
    }
    // Never tried and retired: its category is not mixed in either.
    const fresh = planToday(input({ items, overrides: base.overrides }));
    expect(fresh.items.map((e) => e.itemId)).toEqual(['kept']);
  });

  it('a snoozed item waits until the snooze ends, then comes back', () => {
    const snoozedUntil = NOW + 2 * DAY_MS;
    const base = input({
      items: [item('snoozed')],
      itemHistory: history({ snoozed: [missedAt(NOW - DAY_MS)] }),
      overrides: [{ itemId: 'snoozed', snoozedUntil, retiredAt: null }],
    });
    const during = planToday(base);
    expect(during.items).toEqual([]);
    expect(during.upcoming).toEqual([
      { itemId: 'snoozed', title: 'Item snoozed', dueAt: snoozedUntil, snoozedUntil, verdict: 'weak' },
    ]);
    expect(planToday({ ...base, nowMs: snoozedUntil - 1 }).items).toEqual([]);
    const after = planToday({ ...base, nowMs: snoozedUntil + 1 });
    expect(after.items.map((e) => [e.itemId, e.reason])).toEqual([['snoozed', 'weak']]);
  });

  it('mixes in one never-tried category, even when more items are due than fit', () => {
    const due = ['a', 'b', 'c', 'd'].map((id) => item(id, 'Coding'));
    const view = planToday(
      input({
        items: [
          ...due,
          item('star-long', 'Behavioural', 'behavioural', 900),
          item('star-short', 'Behavioural', 'behavioural', 120),
          item('new-theory', 'Theory', 'derivation'),
        ],
        itemHistory: history(Object.fromEntries(due.map((d, i) => [d.id, [missedAt(NOW - (i + 1) * DAY_MS)]]))),
      }),
    );
    expect(view.items).toHaveLength(3);
    expect(view.items.slice(0, 2).map((e) => e.reason)).toEqual(['weak', 'weak']);
    // The most overdue first: d was missed 4 days ago.
    expect(view.items[0]!.itemId).toBe('d');
    // Behavioural sorts before Theory; its shortest mock is the way in.
    expect(view.items[2]).toMatchObject({ itemId: 'star-short', reason: 'new-category', attempts: 0, lastAt: null });
    expect(view.items[2]!.why).toBe('You have never practised Behavioural: one to mix in.');
    // The due items left out of the full session come first in Coming up, the earliest due first.
    expect(view.upcoming.map((u) => u.itemId)).toEqual(['b', 'a']);
  });

  it('with no history at all, proposes one item from each of the first categories', () => {
    const view = planToday(
      input({
        items: [
          item('c1', 'Coding'),
          item('c2', 'Coding'),
          item('t1', 'Theory'),
          item('b1', 'Behavioural'),
          item('s1', 'Specialty'),
        ],
      }),
    );
    expect(view.hasHistory).toBe(false);
    expect(view.items.map((e) => e.itemId)).toEqual(['b1', 'c1', 's1']);
  });

  it('a question type that is due brings an item of that type, a never-tried one first', () => {
    const view = planToday(
      input({
        items: [
          item('tried-star', 'Behavioural', 'behavioural'),
          item('new-star', 'Behavioural', 'behavioural'),
          item('coding', 'Coding'),
        ],
        itemHistory: history({ 'tried-star': [acedAt(NOW - DAY_MS)], coding: [missedAt(NOW - DAY_MS)] }),
        typeHistory: new Map([['behavioural', [missedAt(NOW - 13 * HOUR_MS), acedAt(NOW - DAY_MS)]]]),
        questionTypeTitles: new Map([['behavioural', 'STAR story']]),
      }),
    );
    expect(view.items.map((e) => [e.itemId, e.reason])).toEqual([
      ['coding', 'weak'],
      ['new-star', 'question-type'],
    ]);
    expect(view.items[1]!.why).toBe('STAR story is due: the last round of this type was weak (13 h ago).');
  });

  it('keeps the session short: stops adding at 45 minutes (the first item always fits)', () => {
    const view = planToday(
      input({
        items: [item('long', 'Coding', 'coding', 3600), item('short', 'Coding', 'coding', 600)],
        itemHistory: history({ long: [missedAt(NOW - 2 * DAY_MS)], short: [missedAt(NOW - DAY_MS)] }),
      }),
    );
    expect(view.items.map((e) => e.itemId)).toEqual(['long']);
    expect(view.budgetSeconds).toBe(3600);
  });

  it('proposes a circuit once each of its question types had two solid rounds in a row, and not again within a week', () => {
    const circuits = [{ id: 'onsite', title: 'Onsite', totalMinutes: 120, questionTypes: ['coding', 'behavioural'] }];
    const solid = [attempt(NOW - DAY_MS), attempt(NOW - 2 * DAY_MS)];
    const base = input({
      items: [item('x')],
      circuits,
      typeHistory: new Map([
        ['coding', solid],
        ['behavioural', solid],
      ]),
    });
    expect(planToday(base).circuit).toMatchObject({ id: 'onsite', title: 'Onsite', totalMinutes: 120 });
    // One solid round of a type is not enough yet.
    expect(
      planToday({
        ...base,
        typeHistory: new Map([
          ['coding', solid],
          ['behavioural', solid.slice(0, 1)],
        ]),
      }).circuit,
    ).toBeNull();
    // A weak latest round of one type: not ready.
    expect(
      planToday({
        ...base,
        typeHistory: new Map([
          ['coding', solid],
          ['behavioural', [missedAt(NOW - HOUR_MS), ...solid]],
        ]),
      }).circuit,
    ).toBeNull();
    // Run three days ago: resting; eight days ago: proposed again.
    expect(planToday({ ...base, circuitLastRun: new Map([['onsite', NOW - 3 * DAY_MS]]) }).circuit).toBeNull();
    expect(planToday({ ...base, circuitLastRun: new Map([['onsite', NOW - 8 * DAY_MS]]) }).circuit?.id).toBe('onsite');
  });
});
