/**
 * Keyset paging for lists that grow with every round (the Review queue, session history, "what I'll
 * change", attempts at one prompt). A page ends with the cursor of its last entry; the next page starts
 * strictly after it, so rows added or removed between pages never make a page repeat or skip an entry.
 */
import { z } from 'zod';

/**
 * Where the previous page ended: its last entry's sort time (ms since the epoch; null for a round that
 * never started, which sorts last) and id, the tie-breaker that makes the order total.
 */
export const pageCursor = z.object({ at: z.number().int().min(0).nullable(), id: z.string().min(1).max(64) }).strict();
export type PageCursor = z.infer<typeof pageCursor>;

/** Input fields of a paged request: how many entries (bounded) and where to continue from. */
export function pageInput(maxLimit: number, defaultLimit: number) {
  return {
    limit: z.number().int().min(1).max(maxLimit).default(defaultLimit),
    after: pageCursor.optional(),
  };
}

/** One page: its entries in order, and the cursor of the next page (null: this is the last). */
export function page<T extends z.ZodType>(entry: T) {
  return z.object({ entries: z.array(entry), next: pageCursor.nullable() });
}
