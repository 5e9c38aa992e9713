/**
 * Settings on a real database: the follow-up mode a user never chose is the adaptive one while a
 * speech model is chosen, a chosen mode is kept whatever the model, and the time-to-think settings
 * are validated and stored. Sessions start in the mode in effect.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/services/db/open';
import { readSettings, updateSettings } from '../../../../../src/main/services/settings/settings';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { settingsPatch } from '../../../../../src/shared/contract';
import { call, makeApp, oneRoundLoop } from '../../../../support/sessions';
import { migrationsDir, tempDir } from '../../../../support/temp';

const open = (dir: string) => openDatabase({ file: path.join(dir, 'loop-coach.db'), migrationsDir, now: () => 0 }).db;

describe('settings: the follow-up mode in effect', () => {
  it('is adaptive once a model is chosen, unless the user chose a mode; kept across reopening', () => {
    const dir = tempDir();
    let db = open(dir);
    expect(readSettings(db)).toMatchObject({ followUpMode: 'scheduled', thinkTimeMs: 1500, longSilenceMs: 6000 });
    // Another setting changed first: the mode is still not the user's choice.
    updateSettings(db, { theme: 'dark' });
    expect(updateSettings(db, { transcriptionModelId: 'base.en' }).followUpMode).toBe('adaptive');
    db.$client.close();
    db = open(dir);
    expect(readSettings(db)).toMatchObject({ followUpMode: 'adaptive', theme: 'dark' });
    // No model any more: back to the plain default.
    expect(updateSettings(db, { transcriptionModelId: null }).followUpMode).toBe('scheduled');
    // A choice is a choice, model or not.
    updateSettings(db, { followUpMode: 'at-pause' });
    expect(updateSettings(db, { transcriptionModelId: 'base.en' }).followUpMode).toBe('at-pause');
    updateSettings(db, { followUpMode: 'scheduled' });
    db.$client.close();
    expect(readSettings(open(dir)).followUpMode).toBe('scheduled');
  });

  it('keeps the mode a previous version stored with every field', () => {
    const db = open(tempDir());
    db.$client
      .prepare("INSERT INTO settings (key, value_json) VALUES ('app', ?)")
      .run(
        JSON.stringify({ theme: 'light', followUpMode: 'scheduled', speechRate: 1, transcriptionModelId: 'base.en' }),
      );
    expect(readSettings(db)).toMatchObject({ followUpMode: 'scheduled', theme: 'light' });
  });

  it('stores the think time and long-silence limit, and refuses values out of bounds', async () => {
    const dataDir = tempDir();
    const app = await makeApp(dataDir, { 'one.yaml': oneRoundLoop });
    expect(await call(app, 'settings:update', { thinkTimeMs: 2500, longSilenceMs: 9000 })).toMatchObject({
      thinkTimeMs: 2500,
      longSilenceMs: 9000,
    });
    for (const bad of [{ thinkTimeMs: 100 }, { thinkTimeMs: 1500.5 }, { longSilenceMs: 60_000 }]) {
      const result = await dispatch(app.handlers, 'settings:update', bad);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(await call(app, 'settings:get', {})).toMatchObject({ thinkTimeMs: 2500, longSilenceMs: 9000 });
    app.close();
  });

  it('starts sessions in the mode in effect', async () => {
    const dataDir = tempDir();
    const app = await makeApp(dataDir, { 'one.yaml': oneRoundLoop });
    updateSettings(app.db, { transcriptionModelId: 'base.en' });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'one' } });
    expect(session.followUpMode).toBe('adaptive');
    app.close();
  });
});

describe('settings: the update', () => {
  it('names only the fields it changes (no default fills the rest, which would count as chosen)', () => {
    expect(settingsPatch.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(settingsPatch.parse({})).toEqual({});
  });
});
