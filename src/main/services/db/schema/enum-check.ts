import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * `"column" IN ('a', 'b', …)`, written out literally (a CHECK constraint cannot take parameters) and
 * with the column unqualified, so it stays valid through drizzle-kit's rename of a rebuilt table.
 */
export function oneOf(column: SQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  return sql.raw(`"${column.name}" IN (${list})`);
}
