/**
 * The Foundation renderer in browser mode: navigation, the Library (search, filters, preview,
 * starting sessions, circuits, content problems), the Session placeholder and Settings.
 * Uses its own user content (ids prefixed "e2e-") so it does not depend on the built-in library.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const userItem = `kind: mock
id: e2e-softmax-temperature
title: E2E softmax temperature probe
category: E2E category
summary: A probe written for the end-to-end tests.
tags: [e2e-tag, sampling]
source: E2E source note
rounds:
  - questionType: theory
    prompt: What happens to the softmax distribution as the temperature goes to zero?
    budgetSeconds: 150
    expectedPoints:
      - SECRET EXPECTED POINT never shown in the library
    followUps:
      - text: SECRET FOLLOW UP never shown in the library
        atSeconds: 60
    referenceAnswer: SECRET REFERENCE ANSWER never shown in the library
`;

const userCircuit = `kind: circuit
id: e2e-mini-circuit
title: E2E mini circuit
summary: Two short rounds with a break.
steps:
  - type: round
    label: Warm-up
    items: [e2e-softmax-temperature]
    minutes: 5
  - type: break
    label: Stretch
    minutes: 2
  - type: round
    label: Again
    items: [e2e-softmax-temperature]
    minutes: 3
`;

const brokenItem = `kind: mock
id: Not A Slug
title: x
category: Theory
rounds: []
`;

test.describe('navigation shell', () => {
  test('sidebar names every screen, marks the current one and answers Ctrl+1..5', async ({ app }) => {
    const nav = app.getByRole('navigation', { name: 'Main' });
    for (const name of ['Library', 'Session', 'Review', 'Progress', 'Settings']) {
      await expect(nav.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole('button', { name: 'Library', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(app.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();

    await nav.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
    await expect(app.getByText('Nothing to review yet — recorded rounds appear here')).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Review', exact: true })).toHaveAttribute('aria-current', 'page');

    await app.keyboard.press('Control+5');
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await app.keyboard.press('Control+4');
    await expect(app.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
    await app.keyboard.press('Control+2');
    await expect(app.getByRole('heading', { level: 1, name: 'Session' })).toBeVisible();
    await app.keyboard.press('Control+1');
    await expect(app.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  });

  test('the page has no Node or Electron globals', async ({ app }) => {
    expect(
      await app.evaluate(() => [
        typeof (globalThis as unknown as Record<string, unknown>).require,
        typeof (globalThis as unknown as Record<string, unknown>).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
  });
});

test.describe('library', () => {
  test.use({ userContent: { 'e2e-item.yaml': userItem, 'e2e-circuit.yaml': userCircuit } });

  test('search, preview without answers, and start a session', async ({ app, snap }) => {
    const list = app.getByRole('listbox', { name: 'Library items' });
    await expect(list.getByRole('option').first()).toBeVisible();
    await expect(app.getByText(/Add your own items as YAML files in .+content/)).toBeVisible();

    const search = app.getByRole('searchbox', { name: 'Search the library' });
    await search.fill('e2e-tag');
    const option = list.getByRole('option', { name: /E2E softmax temperature probe/ });
    await expect(option).toBeVisible();
    await expect(option).toContainText('Yours');
    await expect(option).toContainText('Mock');
    await expect(option).toContainText('E2E category');
    await expect(option).toContainText('1 follow-up');
    await option.click();

    const preview = app.getByRole('region', { name: 'Preview' });
    await expect(preview.getByRole('heading', { name: 'E2E softmax temperature probe' })).toBeVisible();
    await expect(preview).toContainText('What happens to the softmax distribution');
    await expect(preview).toContainText('E2E source note');
    await expect(preview).toContainText('2 min 30 s');
    await expect(preview).toContainText('1 follow-up (hidden until the round)');
    await expect(preview).toContainText('Answer shape');
    await expect(app.getByText(/SECRET/)).toHaveCount(0);
    await snap('library-preview');

    await search.fill('no such thing anywhere zzz');
    await expect(app.getByText('Nothing matches')).toBeVisible();
    await search.fill('');

    await app.getByRole('button', { name: 'Start E2E softmax temperature probe' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'E2E softmax temperature probe' })).toBeVisible();
    await expect(app.getByRole('button', { name: 'Begin session' })).toBeVisible();
    await expect(
      app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Session', exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    await expect(app.getByText(/SECRET/)).toHaveCount(0);

    await app.getByRole('button', { name: 'All sessions' }).click();
    await expect(app.getByRole('button', { name: 'Open E2E softmax temperature probe' })).toBeVisible();
  });

  test('arrow keys move through the list and the preview follows', async ({ app }) => {
    const list = app.getByRole('listbox', { name: 'Library items' });
    await app.getByRole('radio', { name: 'Mocks' }).check();
    await list.focus();
    await app.keyboard.press('Home');
    const first = list.getByRole('option').nth(0);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await app.keyboard.press('ArrowDown');
    const second = list.getByRole('option').nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    const title = (await second.locator('.library-row-title').textContent()) ?? '';
    await expect(app.getByRole('region', { name: 'Preview' }).getByRole('heading', { level: 2 })).toHaveText(title);
  });

  test('filters by category, question type and kind', async ({ app }) => {
    const list = app.getByRole('listbox', { name: 'Library items' });
    await app.getByRole('combobox', { name: 'Category', exact: true }).selectOption('E2E category');
    await expect(list.getByRole('option')).toHaveCount(1);
    await app.getByRole('combobox', { name: 'Category', exact: true }).selectOption('');
    await app.getByRole('combobox', { name: 'Question type' }).selectOption({ label: 'Derivation' });
    await expect(list.getByRole('option', { name: /E2E softmax/ })).toHaveCount(0);
    await app.getByRole('combobox', { name: 'Question type' }).selectOption('');
    await app.getByRole('radio', { name: 'Loops' }).check();
    await expect(list.getByRole('option', { name: /E2E softmax/ })).toHaveCount(0);
  });

  test('circuits show their steps and start', async ({ app }) => {
    await app.getByRole('radio', { name: 'Circuits' }).check();
    await app
      .getByRole('listbox', { name: 'Library items' })
      .getByRole('option', { name: /E2E mini circuit/ })
      .click();
    const preview = app.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText('Round: Warm-up');
    await expect(preview).toContainText('Break: Stretch');
    await expect(preview).toContainText('10 min');
    await app.getByRole('button', { name: 'Start circuit E2E mini circuit' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'E2E mini circuit' })).toBeVisible();
    await expect(app.getByText(/Break before round 2: Stretch/)).toBeVisible();
  });

  test('a random mock starts from a category', async ({ app }) => {
    await app.getByRole('combobox', { name: 'Random mock category' }).selectOption('E2E category');
    await app.getByRole('button', { name: 'Start a random mock' }).click();
    await expect(
      app.getByRole('heading', { level: 1, name: 'Random mock: E2E softmax temperature probe' }),
    ).toBeVisible();
  });
});

test.describe('content problems', () => {
  test.use({ userContent: { 'broken.yaml': brokenItem, 'e2e-item.yaml': userItem } });

  test('are listed without hiding the rest of the library', async ({ app, snap }) => {
    const alert = app.getByRole('alert').filter({ has: app.getByRole('heading', { name: 'Content problems' }) });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('broken.yaml — id:');
    await expect(alert).toContainText('your content folder');
    await expect(app.getByRole('option', { name: /E2E softmax temperature probe/ })).toBeVisible();
    await app.getByRole('button', { name: 'Reload content' }).click();
    await expect(alert).toBeVisible();
    await snap('library-problems');
  });
});

test.describe('links, special files and files that make the parser work hard', () => {
  test.use({ userContent: { 'e2e-item.yaml': userItem } });

  test('are named with the reason after a reload, and the rest of the library loads', async ({ app, server, snap }) => {
    const dir = path.join(server.dataDir, 'content');
    // A FIFO would hang a load that opened it; issue 22's line of anchors took half a minute.
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    fs.symlinkSync('/etc/hostname', path.join(dir, 'linked.yaml'));
    fs.writeFileSync(path.join(dir, 'anchors.yaml'), `x: ${'&a '.repeat(40_000)}1\n`);
    await app.getByRole('button', { name: 'Reload content' }).click();
    const alert = app.getByRole('alert').filter({ has: app.getByRole('heading', { name: 'Content problems' }) });
    await expect(alert.getByRole('listitem')).toHaveCount(3);
    await expect(alert).toContainText('pipe.yaml — skipped: it is a named pipe (FIFO), not a file');
    await expect(alert).toContainText('linked.yaml — skipped: it is a symbolic link, and links are not followed');
    await expect(alert).toContainText('anchors.yaml — more than 100 anchors (&name) at line 1, column 304');
    await expect(app.getByRole('option', { name: /E2E softmax temperature probe/ })).toBeVisible();
    // Looked at in test-results/screenshots: long reasons must wrap, not overflow, at both widths.
    for (const width of [1366, 1024]) {
      await app.setViewportSize({ width, height: 820 });
      for (const scheme of ['light', 'dark'] as const) {
        await app.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await expect(app.locator('html')).toHaveAttribute('data-theme', scheme);
        await snap(`library-skipped-${width}-${scheme}`);
      }
    }
  });
});

test.describe('settings', () => {
  test('persist and apply the theme at once', async ({ app, server }) => {
    await app.keyboard.press('Control+5');
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await app.getByRole('radio', { name: 'Dark' }).check();
    await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
    await app.getByRole('radio', { name: 'Jittered' }).check();
    await app.getByRole('checkbox', { name: 'Blind scoring' }).check();
    await app.getByRole('combobox', { name: 'Playback speed for review' }).selectOption('2');
    await expect(app.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    await expect(app.getByText(server.dataDir).first()).toBeVisible();

    await app.reload();
    await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(app.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(app.getByRole('radio', { name: 'Jittered' })).toBeChecked();
    await expect(app.getByRole('checkbox', { name: 'Blind scoring' })).toBeChecked();
    await expect(app.getByRole('combobox', { name: 'Playback speed for review' })).toHaveValue('2');
  });
});

test.describe('when the local server stops', () => {
  test('reloading shows a clear error and keeps the library', async ({ app, server }) => {
    await expect(app.getByRole('listbox', { name: 'Library items' }).getByRole('option').first()).toBeVisible();
    await server.stop();
    await app.getByRole('button', { name: 'Reload content' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'not answering' })).toBeVisible();
    await expect(app.getByRole('listbox', { name: 'Library items' }).getByRole('option').first()).toBeVisible();
  });
});
