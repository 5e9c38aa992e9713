/**
 * Settings → Interviewer for the listening interviewer: with a speech model chosen and no follow-up
 * mode ever picked, the adaptive mode is the one in effect (checked, explained); the time-to-think
 * sliders have accessible names and what the user sets is kept.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

test('the adaptive mode is in effect with a model; think time and long silence are kept', async ({ app, dataDir }) => {
  // A model chosen earlier (the models' own specs cover choosing one); the mode was never chosen.
  const db = new Database(path.join(dataDir, 'loop-coach.db'));
  db.prepare(
    "INSERT INTO settings (key, value_json) VALUES ('app', ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json",
  ).run(JSON.stringify({ transcriptionModelId: 'base.en' }));
  db.close();
  // The page read its settings when it opened.
  await app.reload();
  const settings = async () => {
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  };
  await settings();
  const adaptive = app.getByRole('radio', { name: 'Adaptive (listens to you)' });
  await expect(adaptive).toBeChecked();
  await expect(adaptive).toHaveAccessibleDescription(/skips a follow-up you already answered/);

  const think = app.getByRole('slider', { name: 'Think time' });
  const long = app.getByRole('slider', { name: 'Long silence' });
  await expect(think).toHaveValue('1500');
  await expect(think).toHaveAttribute('aria-valuetext', '1.5 seconds');
  await expect(long).toHaveValue('6000');
  await think.focus();
  for (let i = 0; i < 5; i++) await app.keyboard.press('ArrowRight');
  await long.focus();
  await app.keyboard.press('ArrowLeft');
  await expect(think).toHaveValue('2000');
  await expect(app.getByText('All changes saved')).toBeVisible();

  await app.reload();
  await settings();
  await expect(app.getByRole('slider', { name: 'Think time' })).toHaveValue('2000');
  await expect(app.getByRole('slider', { name: 'Long silence' })).toHaveValue('5500');
  // Choosing another mode is a choice kept over the model's default.
  await app.getByRole('radio', { name: 'At the next pause' }).check();
  await expect(app.getByText('All changes saved')).toBeVisible();
  await app.reload();
  await settings();
  await expect(app.getByRole('radio', { name: 'At the next pause' })).toBeChecked();
});
