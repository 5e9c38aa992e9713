/**
 * Browser mode as a new user meets it: the printed URL opens the app, the Library lists the built-in
 * content and the user's own item, the contract refuses requests without the token, and the data
 * folder holds a WAL-mode SQLite database.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { contentSecurityPolicy } from '../../src/shared/csp';
import { expect, test } from './fixtures';

const ownItem = `kind: mock
id: e2e-my-own-question
title: My own question about consistent hashing
category: Systems
rounds:
  - questionType: systems
    prompt: Explain consistent hashing and why it helps when nodes join or leave.
    budgetSeconds: 240
    expectedPoints: [ring of hashes, few keys move]
    followUps: [{ text: How do virtual nodes help?, atSeconds: 120 }]
`;

test.use({ userContent: { 'mine/consistent-hashing.yaml': ownItem } });

test('the Library lists the built-in content and the user’s own item', async ({ app, snap }) => {
  const list = app.getByRole('listbox', { name: 'Library items' });
  await expect(list.getByRole('option', { name: /LRU cache/i })).toBeVisible();
  const mine = list.getByRole('option', { name: /My own question about consistent hashing/ });
  await expect(mine).toBeVisible();
  await expect(mine).toContainText('Yours');
  expect(await list.getByRole('option').count()).toBeGreaterThanOrEqual(60);
  await app.getByRole('radio', { name: 'Circuits' }).click();
  expect(await app.getByRole('button', { name: /^Start circuit / }).count()).toBeGreaterThanOrEqual(1);
  await app.getByRole('radio', { name: 'All' }).click();
  await snap('library');
  // Reduced motion: no colour transitions caught half-way in the screenshot.
  await app.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap('library-dark');
});

test('contract requests without the token get 401; with the page’s cookie they work; CSP is sent', async ({
  app,
  server,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext();
  const refused = await anonymous.post(`${server.origin}/api/library:list`, { data: {} });
  expect(refused.status()).toBe(401);
  const page = await anonymous.get(`${server.origin}/`);
  expect(page.status()).toBe(401);
  expect(page.headers()['content-security-policy']).toBe(contentSecurityPolicy);
  await anonymous.dispose();

  const fromPage = await app.evaluate(async () => {
    const response = await fetch('/api/app:info', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return {
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      body: await response.json(),
    };
  });
  expect(fromPage.status).toBe(200);
  expect(fromPage.csp).toBe(contentSecurityPolicy);
  expect(fromPage.body).toMatchObject({ ok: true, value: { transport: 'web', dataDir: server.dataDir } });
});

test('the data folder holds the SQLite database in WAL mode', async ({ app, server }) => {
  await expect(app.getByRole('listbox', { name: 'Library items' })).toBeVisible();
  const db = new Database(path.join(server.dataDir, 'loop-coach.db'), { readonly: true });
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  db.close();
});

test('inline scripts are blocked by the CSP and the page has no Node globals', async ({ app }) => {
  const result = await app.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.appendChild(script);
    return {
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false,
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
    };
  });
  expect(result).toEqual({ inlineRan: false, require: 'undefined', process: 'undefined' });
});

test('the interviewer’s voice is chosen from the system voices and kept', async ({ app, snap }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const voice = app.getByRole('combobox', { name: 'Voice' });
  await expect(voice).toBeVisible();
  const options = await voice.locator('option').allTextContents();
  expect(options[0]).toBe('System default');
  expect(options.length).toBeGreaterThan(1);
  await voice.selectOption({ index: 1 });
  const chosen = await voice.inputValue();
  await expect(app.getByText('All changes saved')).toBeVisible();
  await snap('settings-voice');
  await app.reload();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(app.getByRole('combobox', { name: 'Voice' })).toHaveValue(chosen);
});
