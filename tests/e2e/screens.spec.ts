/**
 * The screens a user tried and found wanting (issue 10), after the fix, at 1366 and 1024 px wide in
 * light and dark: the live round's follow-up log and timer, the Library offering the session a
 * server restart left unfinished, the reset screen's hierarchy, the review's report card and timing
 * panel (no table wider than its panel, the two follow-up timings named apart, the speech strip in
 * the legend) and a YAML content problem that reads as a complete sentence.
 * Screenshots go to test-results/screenshots/issue10-*.png.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { RoundView } from '../../src/shared/contract';
import { chunksOf, storeRealPeaks, webmFixture } from '../support/audio';
import { call, makeApp, recordRound } from '../support/sessions';
import { startServer } from '../support/web-server';
import { expect, screenshotDir, test } from './fixtures';

const widths = [1366, 1024] as const;
const schemes = ['light', 'dark'] as const;

type Shot = { name: string; check?: (width: number) => Promise<void>; scrollTo?: Locator };

/**
 * Screenshots of the current screen at each width (widest first) and scheme; `check` runs at every
 * one. Several shots of one screen share a width pass, so the window only ever narrows.
 */
async function shoot(page: Page, shots: Shot[] | string) {
  const list = typeof shots === 'string' ? [{ name: shots }] : shots;
  await page.mouse.move(1, 1);
  for (const width of widths) {
    await page.setViewportSize({ width, height: 820 });
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      for (const { name, check, scrollTo } of list) {
        // Scrolled to the top of the view (scroll-margin keeps it clear of the review's sticky player).
        if (scrollTo) await scrollTo.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        if (check) await check(width);
        await waveformDrawn(page);
        await page.screenshot({ path: path.join(screenshotDir, `issue10-${name}-${width}-${colorScheme}.png`) });
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
}

/**
 * wavesurfer redraws a resized waveform after a short debounce: wait until its canvases span the
 * waveform's width again, so a screenshot never shows peaks laid out for the previous width.
 */
async function waveformDrawn(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const host = document.querySelector('.waveform [role="slider"] > div');
        const root = host?.shadowRoot;
        if (!root) return true;
        const wrapper = root.querySelector<HTMLElement>('[part="wrapper"]');
        const canvases = Array.from(root.querySelectorAll<HTMLCanvasElement>('[part="canvases"] canvas'));
        const drawn = canvases.reduce((sum, c) => sum + c.getBoundingClientRect().width, 0);
        return wrapper !== null && Math.abs(drawn - wrapper.getBoundingClientRect().width) <= 2;
      }),
    )
    .toBe(true);
}

/**
 * Elements inside `root` (itself included) whose content is wider than they are, or that stick out
 * past their parent's right edge: what "a table overflows its panel" looks like in the DOM.
 */
async function overflowing(root: Locator, selector: string): Promise<string[]> {
  return root.evaluate((el, sel) => {
    const found: string[] = [];
    for (const node of [el as HTMLElement, ...Array.from(el.querySelectorAll<HTMLElement>(sel))]) {
      const parent = node.parentElement;
      const name = `${node.tagName.toLowerCase()}.${Array.from(node.classList).join('.')}`;
      if (node.scrollWidth > node.clientWidth + 1)
        found.push(`${name}: scrollWidth ${node.scrollWidth} > ${node.clientWidth}`);
      if (parent && node.getBoundingClientRect().right > parent.getBoundingClientRect().right + 1)
        found.push(`${name}: right edge past its parent's`);
    }
    return found;
  }, selector);
}

const threeRounds = `kind: loop
id: e2e-three-rounds
title: E2E three rounds
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 40
    expectedPoints: [buckets and hashing]
    followUps:
      - { text: What is the worst case?, atSeconds: 2 }
  - title: Explain again
    questionType: theory
    prompt: Explain how a bloom filter works.
    budgetSeconds: 30
    expectedPoints: [bit array and hashes]
    followUps:
      - { text: What is the false positive rate?, atSeconds: 20 }
  - title: Build
    questionType: implementation
    prompt: Now implement the bloom filter.
    budgetSeconds: 30
    expectedPoints: [k hash functions]
`;

test.describe('live round, restart and reset screen', () => {
  test.use({ userContent: { 'e2e-three-rounds.yaml': threeRounds } });
  test.setTimeout(180_000);

  test('the Library offers the session a server restart left running; resuming shows the reset screen', async ({
    page,
    server,
    dataDir,
  }) => {
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('E2E three rounds');
    await page.getByRole('option', { name: /E2E three rounds/ }).click();
    await page.getByRole('button', { name: 'Start E2E three rounds' }).click();
    await page.getByRole('button', { name: 'Begin session' }).click();
    await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });

    // The live log: the follow-up's time is m:ss, labelled as time on the recording.
    const log = page.getByRole('log', { name: 'Follow-ups' });
    await expect(log).toContainText('What is the worst case?', { timeout: 15_000 });
    await expect(page.locator('.follow-up-log')).toContainText('times on the recording');
    await expect(log.locator('.follow-up-log-time').first()).toHaveText(/^Asked at \d+:\d\d on the recording: $/);
    await expect(page.getByRole('timer', { name: 'Round timer' }).locator('.round-timer-clock')).toHaveText(
      /^\d+:\d\d \/ 0:40$/,
    );
    await shoot(page, 'session-round');

    // The server dies mid-round and starts again; the page is reopened from the new address.
    await server.stop('SIGKILL');
    await page.goto('about:blank');
    const restarted = await startServer(dataDir);
    try {
      await page.goto(restarted.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
      const offer = page.getByRole('region', { name: 'Unfinished session' });
      await expect(offer).toContainText('E2E three rounds');
      await expect(offer.getByRole('button', { name: 'Resume E2E three rounds' })).toBeEnabled();
      await expect(offer.getByRole('button', { name: 'Close E2E three rounds' })).toBeEnabled();
      await shoot(page, [
        {
          name: 'library-unfinished',
          check: async () => expect(await overflowing(page.locator('.library-top'), '.unfinished')).toEqual([]),
        },
      ]);

      // Resume from the Library: round 1 is kept, round 2 has the same type, said quietly.
      await offer.getByRole('button', { name: 'Resume E2E three rounds' }).click();
      const heading = page.getByRole('heading', { level: 2, name: 'Next: round 2 of 3' });
      await expect(heading).toBeVisible({ timeout: 20_000 });
      const same = page.locator('.reset-switch');
      await expect(same).toHaveText(/^Same question type: Theory\b/);
      // Round position is the headline; the unchanged type is small print.
      const headingSize = await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      const sameSize = await same.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(headingSize).toBeGreaterThan(sameSize * 1.5);
      await shoot(page, 'session-reset-same-type');

      // Round 2, then the switch to another type is named.
      await page.getByRole('button', { name: 'Start round 2' }).click();
      await expect(page.getByText('Answer now')).toBeVisible({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Next round' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Next: round 3 of 3' })).toBeVisible({
        timeout: 20_000,
      });
      await expect(page.locator('.reset-switch')).toHaveText(/^Switching from Theory\b.* to Implementation\b/);
      await shoot(page, 'session-reset-switch');

      // Back on the Library, the session open in this window is not offered again.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Library', exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
      await expect(page.getByRole('listbox', { name: 'Library items' }).getByRole('option').first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'Unfinished session' })).toHaveCount(0);
    } finally {
      await restarted.stop();
    }
  });

  test('closing the offer on the Library keeps the recordings and stops offering it', async ({ page, dataDir }) => {
    // A session left running: begun, a round recorded, never ended.
    const app = await makeApp(dataDir, { 'e2e-three-rounds.yaml': threeRounds });
    let sessionId: string;
    try {
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-three-rounds' } });
      await call(app, 'session:control', { sessionId: session.id, action: 'start' });
      const { webm } = webmFixture('e2e-screens-short', ['One short answer.', 0.3]);
      await recordRound(app, session.id, 0, webm);
      sessionId = session.id;
    } finally {
      app.close();
    }
    const server = await startServer(dataDir);
    try {
      await page.goto(server.url);
      const offer = page.getByRole('region', { name: 'Unfinished session' });
      await expect(offer).toContainText('E2E three rounds — stopped at round 2');
      await offer.getByRole('button', { name: 'Close E2E three rounds' }).click();
      await expect(offer).toHaveCount(0);
      await page.reload();
      await expect(page.getByRole('listbox', { name: 'Library items' }).getByRole('option').first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'Unfinished session' })).toHaveCount(0);
      const again = await makeApp(dataDir);
      try {
        const closed = await call(again, 'session:get', { sessionId });
        expect(closed.status).toBe('abandoned');
        expect(closed.rounds[0]?.recording?.status).toBe('finalized');
      } finally {
        again.close();
      }
    } finally {
      await server.stop();
    }
  });
});

const reviewLoop = `kind: loop
id: e2e-report
title: E2E report card loop
category: E2E
rounds:
  - title: Explain
    questionType: theory
    prompt: Explain how a hash map works, and what happens as it fills up.
    budgetSeconds: 20
    expectedPoints: [Keys are hashed into buckets]
    followUps:
      - { text: What is the worst case?, atSeconds: 2 }
      - { text: How do you resize it?, atSeconds: 5 }
`;

test.describe('review', () => {
  test.setTimeout(120_000);

  test('report card and timing panel fit their panels, and name their two follow-up timings apart', async ({
    page,
    dataDir,
  }) => {
    const { webm } = webmFixture('e2e-report-answer', [
      'A hash map stores each key in a bucket chosen by its hash.',
      1.4,
      'Collisions share a bucket as a short list.',
      1.2,
      'It doubles when it fills up.',
      0.3,
    ]);
    const app = await makeApp(dataDir, { 'e2e-report.yaml': reviewLoop });
    let round: RoundView;
    try {
      expect((await call(app, 'library:list', {})).problems).toEqual([]);
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'e2e-report' } });
      // As in a live round: the follow-ups are recorded while the round runs, before its audio is
      // finished (finishing starts the analysis, which reads them).
      const begun = await call(app, 'round:begin', {
        sessionId: session.id,
        roundIndex: 0,
        mimeType: 'audio/webm;codecs=opus',
      });
      const followUps = [
        { text: 'What is the worst case?', scheduledMs: 1800, spokenStartMs: 2000, spokenEndMs: 3300 },
        { text: 'How do you resize it?', scheduledMs: 4600, spokenStartMs: 5000, spokenEndMs: 6300 },
      ];
      for (const [index, f] of followUps.entries())
        await call(app, 'followup:record', { roundId: begun.round.id, index, trigger: 'scheduled', ...f });
      for (const [seq, data] of chunksOf(webm, 6).entries())
        await call(app, 'recording:chunk', {
          recordingId: begun.recording.id,
          seq,
          data: data as Uint8Array<ArrayBuffer>,
          peaks: new Uint8Array(50).fill(100),
        });
      await call(app, 'recording:finish', { recordingId: begun.recording.id });
      round = await call(app, 'round:end', { roundId: begun.round.id, outcome: 'done' });
      await storeRealPeaks(dataDir, round, webm);
    } finally {
      app.close();
    }

    const server = await startServer(dataDir);
    try {
      await page.setViewportSize({ width: widths[0], height: 820 });
      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
      await page
        .getByRole('region', { name: 'To score' })
        .getByRole('button', { name: 'Review E2E report card loop: Explain' })
        .click();
      const card = page.getByTestId('report-card');
      await expect(card.getByRole('table', { name: 'Follow-ups' })).toBeVisible({ timeout: 60_000 });

      // Two timings, two names, each explained beside its table.
      await expect(card.getByRole('columnheader', { name: 'Your response time' })).toBeVisible();
      await expect(card.getByRole('table', { name: 'Follow-ups' })).toHaveAccessibleDescription(
        /Your response time: from the end of the spoken follow-up to your first word after it\./,
      );
      const timing = page.getByRole('table', { name: 'Follow-up timings' });
      await expect(timing.getByRole('columnheader', { name: 'Delivery delay' })).toBeVisible();
      await expect(timing).toHaveAccessibleDescription(/Delivery delay: how much later than scheduled the app started/);
      await expect(timing.getByRole('row', { name: /What is the worst case\?/ })).toContainText('+0.2 s');

      // The follow-up list and the timing panel give the same time on the recording, in m:ss.
      await expect(
        page.getByRole('button', { name: /^Go to follow-up 1, asked at 0:02 on the recording/ }),
      ).toBeVisible();
      await expect(timing.getByRole('row', { name: /What is the worst case\?/ })).toContainText('0:02');

      // The speech strip is in the waveform's legend.
      await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Speech found by the analysis');

      const section = card.locator('xpath=..');
      const fits = async (width: number) => {
        expect(await overflowing(card, '.report-card-body, .report-side, table'), `report card at ${width} px`).toEqual(
          [],
        );
        expect(await overflowing(section, 'table'), `report card panel at ${width} px`).toEqual([]);
        expect(await overflowing(page.locator('.timing'), 'table'), `timing panel at ${width} px`).toEqual([]);
        // "Your median" is not overlapped: the timing table ends before the side tables begin.
        const [main, side] = await Promise.all([
          card.locator('.report-card-body > table').boundingBox(),
          card.locator('.report-side').boundingBox(),
        ]);
        expect(main && side && (main.x + main.width <= side.x + 1 || main.y + main.height <= side.y + 1)).toBe(true);
      };
      await shoot(page, [
        { name: 'review-report-card', check: fits, scrollTo: card },
        { name: 'review-timing', scrollTo: page.locator('.timing').locator('xpath=..') },
        { name: 'review-player', scrollTo: page.getByRole('heading', { level: 1 }) },
      ]);
    } finally {
      await server.stop();
    }
  });
});

test.describe('content problems', () => {
  test.use({ userContent: { 'broken-syntax.yaml': 'kind: mock\nid: my-mock\ntitle: Broken: here\n' } });

  test('a YAML syntax error names line, column and reason, with no dangling colon', async ({ app }) => {
    const alert = app.getByRole('alert').filter({ has: app.getByRole('heading', { name: 'Content problems' }) });
    const item = alert.getByRole('listitem').filter({ hasText: 'broken-syntax.yaml' });
    await expect(item.locator('.content-problems-text')).toHaveText(
      'broken-syntax.yaml — YAML syntax error at line 3, column 8: Nested mappings are not allowed in compact mappings',
    );
    await shoot(app, 'library-problems');
  });
});
