/** A practice session: where it came from, its rounds, the events the runner records, and recovery. */
import { z } from 'zod';
import { slug } from '../content';
import { followUpMode, sessionStatus } from '../enums';
import { none, roundId, sessionId, type RequestSchemasFor } from './common';
import { page, pageInput } from './paging';
import { roundView } from './rounds';

export const sessionSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item'), id: slug }),
  z.object({ type: z.literal('circuit'), id: slug }),
  z.object({ type: z.literal('random'), category: z.string().max(80).optional() }),
  /** Several loops or mocks back to back, e.g. the session "Today" proposes. */
  z.object({ type: z.literal('items'), ids: z.array(slug).min(1).max(8) }),
]);
export type SessionSource = z.infer<typeof sessionSource>;

export const sessionView = z.object({
  id: z.string(),
  title: z.string(),
  source: sessionSource,
  status: sessionStatus,
  followUpMode,
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  rounds: z.array(roundView),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionListEntry = sessionView.pick({ id: true, title: true, status: true, createdAt: true }).extend({
  roundCount: z.number().int(),
});
export type SessionListEntry = z.infer<typeof sessionListEntry>;

/** Session events the runner records, each with the time it happened. */
export const sessionEventType = z.enum([
  'prompt-spoken',
  'answer-cue',
  'paused',
  'resumed',
  'break-started',
  'break-ended',
  'round-reset-screen',
  'mic-silent',
  'mic-error',
  'voice-missing',
  'speech-error',
  'window-closing',
]);

export const unfinishedSession = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.number(),
  recoveredRounds: z.array(
    z.object({
      roundId: z.string(),
      index: z.number().int(),
      title: z.string(),
      durationMs: z.number().int().nullable(),
    }),
  ),
  nextRoundIndex: z.number().int().nullable(),
});
export type UnfinishedSession = z.infer<typeof unfinishedSession>;

export const sessionRequests = {
  'session:start': { input: z.object({ source: sessionSource }).strict(), output: sessionView },
  'session:get': { input: z.object({ sessionId }).strict(), output: sessionView },
  /** Session history, newest first (by creation time, then id), a page at a time. */
  'session:list': {
    input: z.object(pageInput(100, 20)).strict(),
    output: page(sessionListEntry),
  },
  'session:control': {
    input: z
      .object({
        sessionId,
        action: z.enum(['start', 'pause', 'resume', 'end', 'abandon']),
        followUpMode: followUpMode.optional(),
      })
      .strict(),
    output: sessionView,
  },
  'session:event': {
    input: z
      .object({
        sessionId,
        roundId: roundId.optional(),
        type: sessionEventType,
        data: z
          .record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
          .optional(),
      })
      .strict(),
    output: z.object({ at: z.number() }),
  },
  'recovery:list': { input: none, output: z.array(unfinishedSession) },
} satisfies RequestSchemasFor;
