/**
 * The CHECK constraints a freshly migrated database really holds, against the zod enums they stand
 * for: a value added to an enum without the migration that rebuilds its table fails here, not at
 * the first insert on a user's machine.
 */
import path from 'node:path';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/services/db/open';
import * as schema from '../../../../../src/main/services/db/schema';
import { followUpDecision, followUpReason } from '../../../../../src/shared/contract';
import { actionKind, actionListReason } from '../../../../../src/shared/enums';
import {
  analysisStatus,
  followUpMode,
  followUpTrigger,
  markKind,
  recordingStatus,
  roundStatus,
  sessionStatus,
  transcriptStatus,
} from '../../../../../src/shared/enums';
import { migrationsDir, tempDir } from '../../../../support/temp';

/** Each stored enum column ("table.column") and the zod enum whose values it must accept. */
const enumColumns: Record<string, { options: readonly string[] }> = {
  'sessions.status': sessionStatus,
  'sessions.follow_up_mode': followUpMode,
  'rounds.status': roundStatus,
  'recordings.status': recordingStatus,
  'follow_ups.trigger': followUpTrigger,
  'review_marks.kind': markKind,
  'round_analyses.status': analysisStatus,
  'round_transcripts.status': transcriptStatus,
  'action_lists.reason': actionListReason,
  'action_items.kind': actionKind,
  'follow_up_decisions.decision': followUpDecision.shape.decision,
  'follow_up_decisions.reason': followUpReason,
};

/** Every `CHECK("column" IN ('a', …))` in the database's own table definitions, by "table.column". */
function checksInDatabase(): Map<string, string[]> {
  const { db } = openDatabase({ file: path.join(tempDir(), 'loop-coach.db'), migrationsDir, now: () => 0 });
  const tables = db.$client
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  db.$client.close();
  const checks = new Map<string, string[]>();
  for (const { name, sql } of tables) {
    for (const m of sql.matchAll(/CHECK\s*\(\s*"?(?:\w+"?\."?)?(\w+)"?\s+IN\s*\(([^)]*)\)\s*\)/gi)) {
      const values = [...m[2]!.matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1]!.replace(/''/g, "'"));
      checks.set(`${name}.${m[1]}`, values);
    }
  }
  return checks;
}

describe('enum CHECK constraints after every migration', () => {
  const checks = checksInDatabase();

  it('finds a CHECK for every stored enum column and no CHECK without its enum', () => {
    expect([...checks.keys()].sort()).toEqual(Object.keys(enumColumns).sort());
  });

  it.each(Object.entries(enumColumns))('%s accepts exactly its zod enum, in order', (column, zodEnum) => {
    expect(checks.get(column), `${column}: write a migration that rebuilds the table`).toEqual([...zodEnum.options]);
  });

  it('lists every enum column the drizzle schema declares', () => {
    const declared = Object.values(schema)
      .filter((t) => is(t, SQLiteTable))
      .flatMap((t) =>
        Object.values(getTableColumns(t))
          .filter((c) => c.enumValues !== undefined && c.enumValues.length > 0)
          .map((c) => `${getTableName(t)}.${c.name}`),
      );
    expect(declared.sort()).toEqual(Object.keys(enumColumns).sort());
  });
});
