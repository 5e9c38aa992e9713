/**
 * Keyset paging in SQL for lists ordered newest first by (time DESC, id DESC), NULL times last (as
 * SQLite sorts them descending). A page reads limit + 1 rows: the extra one only says there is more.
 */
import { and, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { PageCursor } from '../../../shared/contract';

/** Rows strictly after the cursor in (at DESC NULLS LAST, id DESC) order; undefined: from the start. */
export function afterCursor(at: SQLiteColumn, id: SQLiteColumn, cursor: PageCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  if (cursor.at === null) return and(isNull(at), lt(id, cursor.id));
  return or(lt(at, cursor.at), and(eq(at, cursor.at), lt(id, cursor.id)), isNull(at));
}

/** The ORDER BY that afterCursor() continues. */
export function newestFirst(at: SQLiteColumn, id: SQLiteColumn): SQL[] {
  return [sql`${at} DESC`, sql`${id} DESC`];
}

/** Cuts the limit + 1 rows read into a page and the cursor of the next one. */
export function toPage<R, E>(
  rows: R[],
  limit: number,
  key: (row: R) => PageCursor,
  view: (row: R) => E,
): { entries: E[]; next: PageCursor | null } {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { entries: kept.map(view), next: rows.length > limit && last ? key(last) : null };
}
