/** "Today": the proposed practice session, what comes up later, and the user's snoozes and retirements. */
import { z } from 'zod';
import { slug } from '../content';
import { verdict } from '../schedule/rule';
import { none, type RequestSchemasFor } from './common';

/** Why an item is proposed today. */
export const todayReason = z.enum(['weak', 'due', 'question-type', 'new-category']);
export type TodayReason = z.infer<typeof todayReason>;

export const todayEntry = z.object({
  itemId: z.string(),
  title: z.string(),
  category: z.string(),
  questionTypes: z.array(z.string()),
  budgetSeconds: z.number().int(),
  reason: todayReason,
  /** One sentence, in the product's words, saying why the item is here. */
  why: z.string(),
  /** How many of its latest attempts the schedule read (sessions with one of its rounds done; at most 6). */
  attempts: z.number().int(),
  /** Wall clock, epoch ms; null when never practised. */
  lastAt: z.number().nullable(),
  dueAt: z.number().nullable(),
  verdict: verdict.nullable(),
});
export type TodayEntry = z.infer<typeof todayEntry>;

export const upcomingEntry = z.object({
  itemId: z.string(),
  title: z.string(),
  /** When it is due (wall clock, epoch ms; at or before nowMs: due, but the session was full), the snooze's end if later. */
  dueAt: z.number(),
  snoozedUntil: z.number().nullable(),
  verdict: verdict.nullable(),
});
export type UpcomingEntry = z.infer<typeof upcomingEntry>;

export const todayView = z.object({
  /** The clock time the view was computed for (wall clock, epoch ms). */
  nowMs: z.number(),
  /** Whether any round was ever practised (the app opens on Today when there is history). */
  hasHistory: z.boolean(),
  items: z.array(todayEntry),
  /** Sum of the proposed items' budgets. */
  budgetSeconds: z.number().int(),
  /** A seed circuit, when the single rounds of all its question types look ready. */
  circuit: z.object({ id: z.string(), title: z.string(), totalMinutes: z.number(), why: z.string() }).nullable(),
  upcoming: z.array(upcomingEntry),
  retired: z.array(z.object({ itemId: z.string(), title: z.string(), retiredAt: z.number() })),
});
export type TodayView = z.infer<typeof todayView>;

export const todayRequests = {
  'today:get': { input: none, output: todayView },
  /** Snoozes an item for this many days from now (0 ends a snooze). */
  'today:snooze': {
    input: z.object({ itemId: slug, days: z.number().int().min(0).max(90) }).strict(),
    output: todayView,
  },
  /** Retires an item (it is never proposed again), or brings it back with `retired: false`. */
  'today:retire': {
    input: z.object({ itemId: slug, retired: z.boolean().default(true) }).strict(),
    output: todayView,
  },
} satisfies RequestSchemasFor;
