/** The coach's stored state in an export (docs/export.md): blind re-scores and weekly action lists. */
import { z } from 'zod';
import { actionKind, actionListReason } from '../enums';
import { uuid } from '../uuid';

const score = z.number().int().min(1).max(5).nullable();

export const exportedCoach = z.object({
  rescores: z.array(
    z.object({
      id: uuid(),
      roundId: uuid(),
      askedAt: z.number(),
      answeredAt: z.number().nullable(),
      dismissedAt: z.number().nullable(),
      scores: z.object({ clarity: score, rigor: score, speed: score }),
      original: z.object({ clarity: score, rigor: score, speed: score }),
    }),
  ),
  actionLists: z.array(
    z.object({
      id: uuid(),
      windowStart: z.number(),
      windowEnd: z.number(),
      reason: actionListReason,
      createdAt: z.number(),
      items: z.array(
        z.object({
          id: uuid(),
          kind: actionKind,
          text: z.string().max(2000),
          why: z.string().max(2000),
          roundId: uuid().nullable(),
          doneAt: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type ExportedCoach = z.infer<typeof exportedCoach>;
