/** User settings, one validated JSON document in the settings table. */
import { eq } from 'drizzle-orm';
import { settings as settingsSchema, type Settings } from '../../shared/contract';
import type { AppDatabase } from './db/open';
import { settings } from './db/schema';

const KEY = 'app';

export function readSettings(db: AppDatabase): Settings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  let stored: unknown = {};
  try {
    stored = row ? JSON.parse(row.valueJson) : {};
  } catch {
    stored = {};
  }
  // A stored value that no longer validates falls back to defaults field by field.
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const defaults = settingsSchema.parse({});
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (settingsSchema.safeParse({ ...defaults, [key]: value }).success) merged[key] = value;
  }
  return settingsSchema.parse(merged);
}

export function updateSettings(db: AppDatabase, patch: Partial<Settings>): Settings {
  const next = settingsSchema.parse({ ...readSettings(db), ...patch });
  db.insert(settings)
    .values({ key: KEY, valueJson: JSON.stringify(next) })
    .onConflictDoUpdate({ target: settings.key, set: { valueJson: JSON.stringify(next) } })
    .run();
  return next;
}
