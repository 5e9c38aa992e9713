/**
 * User settings, one validated JSON document in the settings table holding only what the user set
 * (the rest are defaults at each read), so a default that depends on another setting can follow it:
 * a follow-up mode never chosen is 'adaptive' while a speech model is chosen (docs/follow-ups.md).
 * Documents written before this kept every field, so those users keep the mode they had.
 */
import { eq } from 'drizzle-orm';
import { defaultSettings, settings as settingsSchema, type Settings } from '../../../shared/contract';
import type { AppDatabase } from '../db/open';
import { settings } from '../db/schema';

const KEY = 'app';

/** The stored fields that still validate (the rest fall back to defaults one by one). */
function storedSettings(db: AppDatabase): Partial<Settings> {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = row ? JSON.parse(row.valueJson) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key in defaultSettings && settingsSchema.safeParse({ ...defaultSettings, [key]: value }).success)
      kept[key] = value;
  }
  return kept as Partial<Settings>;
}

/** The settings in effect: the stored fields over the defaults, and the follow-up mode's default. */
function effective(stored: Partial<Settings>): Settings {
  const merged = { ...defaultSettings, ...stored };
  if (stored.followUpMode === undefined && merged.transcriptionModelId !== null) merged.followUpMode = 'adaptive';
  return settingsSchema.parse(merged);
}

export function readSettings(db: AppDatabase): Settings {
  return effective(storedSettings(db));
}

export function updateSettings(db: AppDatabase, patch: Partial<Settings>): Settings {
  // A field sent as undefined means "unchanged", not "cleared".
  const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const stored = { ...storedSettings(db), ...changes };
  const next = effective(stored);
  db.insert(settings)
    .values({ key: KEY, valueJson: JSON.stringify(stored) })
    .onConflictDoUpdate({ target: settings.key, set: { valueJson: JSON.stringify(stored) } })
    .run();
  return next;
}
