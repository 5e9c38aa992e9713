/** User settings, one validated JSON document in the settings table. */
import { eq } from 'drizzle-orm';
import { defaultSettings, settings as settingsSchema, type Settings } from '../../../shared/contract';
import type { AppDatabase } from '../db/open';
import { settings } from '../db/schema';

const KEY = 'app';

export function readSettings(db: AppDatabase): Settings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = row ? JSON.parse(row.valueJson) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  // Every stored field that still validates is kept; the rest fall back to defaults one by one.
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const [key, value] of Object.entries(stored)) {
    if (key in defaultSettings && settingsSchema.safeParse({ ...defaultSettings, [key]: value }).success)
      merged[key] = value;
  }
  return settingsSchema.parse(merged);
}

export function updateSettings(db: AppDatabase, patch: Partial<Settings>): Settings {
  // A field sent as undefined means "unchanged", not "cleared".
  const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const next = settingsSchema.parse({ ...readSettings(db), ...changes });
  db.insert(settings)
    .values({ key: KEY, valueJson: JSON.stringify(next) })
    .onConflictDoUpdate({ target: settings.key, set: { valueJson: JSON.stringify(next) } })
    .run();
  return next;
}
