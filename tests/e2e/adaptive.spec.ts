/**
 * The listening interviewer, end to end (issue 19), in Chromium against browser mode with the fake
 * microphone playing the three-sentence answer (tests/e2e/global-setup.ts): the round's first point
 * is only named, its second is clearly said ("Collisions share a bucket, so lookups scan a short
 * list"), its third is never said.
 *
 * 1. With the test stand-in recognizer (LOOP_COACH_LIVE_RECOGNIZER: it returns the known words of each
 *    utterance; the real AudioWorklet capture, live worker, VAD, events, coverage matcher and adaptive
 *    rules run around it): the follow-up that probes the covered point is skipped, the probe of the
 *    point never said is asked, and the review says why for both.
 * 2. With the tiny fixture model through the real native recognizer (no stand-in): the same round
 *    completes, its decisions are stored and the live transcript is the round's transcript.
 */
import type { Page } from '@playwright/test';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../support/asr-model';
import { answerLiveRecognizer } from '../support/fixtures-paths';
import { api } from '../support/recording-client';
import { startServer, type RunningServer } from '../support/web-server';
import { waitForVoices } from '../support/voices';
import { expect, test } from './fixtures';

const followUp = 'How does the map decide which bucket two colliding keys share?';
const probe = 'What must be true of the keys you put in it?';

const loop = `kind: loop
id: e2e-adaptive
title: E2E adaptive
category: E2E
rounds:
  - title: Hash map
    questionType: theory
    prompt: How does a Python dict find what you ask it for so fast?
    budgetSeconds: 45
    expectedPoints:
      - text: Each key is stored in a bucket chosen by its hash
        cues: [bucket, hash, "why: chosen by|picks"]
      - text: Keys that collide share a bucket, and a lookup scans its short list
        cues: [collision|collide, bucket, "why: scan|short list"]
        probe: What happens when two keys land in the same bucket?
      - text: Keys must be immutable, since a changed key would hash to another bucket
        cues: [immutable|must not change|never change, "why: another bucket|lost|cannot be found"]
        probe: ${probe}
    followUps:
      - text: ${followUp}
        atSeconds: 24
        probes: [2]
    referenceAnswer: >-
      A hash map keeps an array of buckets and stores each key in the bucket chosen by its hash, so a
      lookup goes straight to one bucket. Collisions share a bucket, so lookups scan that short list.
      When the table fills up it doubles and rehashes every key. Keys must be immutable: a key changed
      after insertion hashes to another bucket and cannot be found.
`;

type Decision = { decision: string; reason: string; planIndex: number | null; text: string };

/** Runs the round from the library until the probe has been asked, then ends the session. */
async function runRound(app: Page): Promise<void> {
  await waitForVoices(app);
  await app.getByRole('searchbox', { name: 'Search the library' }).fill('E2E adaptive');
  await app.getByRole('option', { name: /E2E adaptive/ }).click();
  await app.getByRole('button', { name: 'Start E2E adaptive' }).click();
  await app.getByRole('button', { name: 'Begin session' }).click();
  await expect(app.getByText('Answer now')).toBeVisible({ timeout: 30_000 });
  await expect(app.getByText('Listening', { exact: true })).toBeVisible({ timeout: 30_000 });
}

async function latestRound(server: RunningServer): Promise<{ id: string; decisions: Decision[] }> {
  const list = (await api(server, 'session:list', { limit: 1 })).value as { entries: { id: string }[] };
  const session = (await api(server, 'session:get', { sessionId: list.entries[0]!.id })).value as {
    rounds: { id: string }[];
  };
  const id = session.rounds[0]!.id;
  await api(server, 'review:reveal', { roundId: id });
  const review = (await api(server, 'review:get', { roundId: id })).value as { followUpDecisions: Decision[] | null };
  return { id, decisions: review.followUpDecisions ?? [] };
}

test.describe('the listening interviewer', () => {
  test.use({ userContent: { 'e2e-adaptive.yaml': loop } });
  test.setTimeout(240_000);

  test('skips the follow-up the answer made unnecessary, asks the probe of the point left out, and says why', async ({
    page,
    dataDir,
  }) => {
    installFixtureModel(dataDir);
    const server = await startServer(dataDir, [], { env: { LOOP_COACH_LIVE_RECOGNIZER: answerLiveRecognizer } });
    try {
      expect((await api(server, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID })).ok).toBe(true);
      await page.goto(server.url);
      await runRound(page);
      // The mode was never chosen and a model is: adaptive.
      expect(((await api(server, 'settings:get', {})).value as { followUpMode: string }).followUpMode).toBe('adaptive');
      // The point never said is probed late in the budget, at the end of a thought.
      await expect(page.getByText(probe)).toBeVisible({ timeout: 90_000 });
      await page.getByRole('button', { name: 'Finish session' }).click();
      await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });

      const { decisions } = await latestRound(server);
      const planned = decisions.find((d) => d.planIndex === 0);
      // Skipped: its point was clearly covered (or had just been said when it fell due).
      expect(planned).toMatchObject({ decision: 'skipped', text: followUp });
      expect(['covered', 'just-said']).toContain(planned!.reason);
      expect(decisions.filter((d) => d.text === probe)).toEqual([
        expect.objectContaining({ decision: 'asked', reason: 'late-probe', planIndex: null }),
      ]);
      // The planned follow-up was never spoken.
      const list = (await api(server, 'session:list', { limit: 1 })).value as { entries: { id: string }[] };
      const session = (await api(server, 'session:get', { sessionId: list.entries[0]!.id })).value as {
        rounds: { askedFollowUps: { text: string; trigger: string }[] }[];
      };
      expect(session.rounds[0]!.askedFollowUps).toEqual([
        expect.objectContaining({ text: probe, trigger: 'adaptive' }),
      ]);

      // The review says why, for both.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review', exact: true }).click();
      await page
        .getByRole('region', { name: 'To score' })
        .getByRole('button', { name: 'Review E2E adaptive: Hash map' })
        .click();
      const reasons = page.getByRole('region', { name: 'Why each follow-up came' });
      const items = reasons.getByRole('list', { name: 'Follow-up decisions' }).getByRole('listitem');
      await expect(items.filter({ hasText: followUp })).toContainText(/^Skipped at \d+:\d\d: /);
      await expect(items.filter({ hasText: probe })).toContainText(/^Asked at \d+:\d\d: /);
    } finally {
      await server.stop();
    }
  });

  test('with the tiny model through the real native recognizer the adaptive round completes', async ({
    page,
    dataDir,
  }) => {
    installFixtureModel(dataDir);
    const server = await startServer(dataDir);
    try {
      expect((await api(server, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID })).ok).toBe(true);
      await page.goto(server.url);
      await runRound(page);
      // Past the planned follow-up's time: the fixture model hears "loop coach", so its point is not covered.
      await expect(page.getByText(followUp)).toBeVisible({ timeout: 90_000 });
      await page.getByRole('button', { name: 'Finish session' }).click();
      await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });
      const { id, decisions } = await latestRound(server);
      expect(decisions.find((d) => d.planIndex === 0)).toMatchObject({ decision: 'asked', text: followUp });
      await expect
        .poll(async () => ((await api(server, 'transcript:get', { roundId: id })).value as { status: string }).status, {
          timeout: 60_000,
        })
        .toBe('done');
      const transcript = (await api(server, 'transcript:get', { roundId: id })).value as {
        transcript: { modelId: string; segments: { text: string }[] };
      };
      expect(transcript.transcript.modelId).toBe(FIXTURE_MODEL_ID);
      expect(transcript.transcript.segments.length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });
});
