/**
 * Settings → Interviewer for the listening interviewer: a follow-up mode never chosen follows the
 * speech model (adaptive once one is chosen, even after other settings were changed), the
 * time-to-think sliders have accessible names and what the user sets is kept, and a mode the user
 * picks is kept over the model's default.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const openSettings = (app: Page) =>
  app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();

test('the adaptive mode follows the model until a mode is chosen; think time and long silence are kept', async ({
  app,
  dataDir,
}) => {
  await openSettings(app);
  await expect(app.getByRole('radio', { name: 'Scheduled' })).toBeChecked();
  const think = app.getByRole('slider', { name: 'Think time' });
  await expect(think).toHaveValue('1500');
  await expect(think).toHaveAttribute('aria-valuetext', '1.5 seconds');
  await think.focus();
  for (let i = 0; i < 5; i++) await app.keyboard.press('ArrowRight');
  await expect(think).toHaveValue('2000');
  await expect(app.getByText('All changes saved')).toBeVisible();

  // A model chosen afterwards (the models' own specs cover choosing one in the page).
  const db = new Database(path.join(dataDir, 'loop-coach.db'));
  db.prepare("UPDATE settings SET value_json = json_set(value_json, '$.transcriptionModelId', 'base.en')").run();
  db.close();
  await app.reload();
  await openSettings(app);
  const adaptive = app.getByRole('radio', { name: 'Adaptive (listens to you)' });
  await expect(adaptive).toBeChecked();
  await expect(adaptive).toHaveAccessibleDescription(/skips a follow-up you already answered/);
  await expect(app.getByRole('slider', { name: 'Think time' })).toHaveValue('2000');

  const long = app.getByRole('slider', { name: 'Long silence' });
  await expect(long).toHaveValue('6000');
  await long.focus();
  await app.keyboard.press('ArrowLeft');
  await expect(app.getByText('All changes saved')).toBeVisible();
  // A choice is kept over the model's default.
  await app.getByRole('radio', { name: 'At the next pause' }).check();
  await expect(app.getByText('All changes saved')).toBeVisible();
  await app.reload();
  await openSettings(app);
  await expect(app.getByRole('slider', { name: 'Long silence' })).toHaveValue('5500');
  await expect(app.getByRole('radio', { name: 'At the next pause' })).toBeChecked();
});
