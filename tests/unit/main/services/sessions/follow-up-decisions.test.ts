/**
 * The adaptive mode's decisions stored with their round (real SQLite, through the contract as the
 * page calls it): review reads them in time order, with the probed points' words only once the
 * answer is revealed; a resend stores nothing new; bad input is refused naming what was wrong, and
 * what was stored stays as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import type { FollowUpDecision } from '../../../../../src/shared/contract';
import { webmFixture } from '../../../../support/audio';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: decisions-loop
title: Decisions loop
category: Theory
rounds:
  - questionType: theory
    prompt: Explain why deep sigmoid networks train slowly.
    budgetSeconds: 120
    expectedPoints: [the sigmoid saturates, gradients vanish through many layers]
    followUps:
      - { text: What happens to the gradient?, atSeconds: 30 }
      - { text: How would you fix it?, atSeconds: 60 }
  - questionType: theory
    prompt: Explain ReLU.
    budgetSeconds: 60
    expectedPoints: [zero for negative inputs]
`;

let webm = '';
beforeAll(() => {
  webm = webmFixture('decisions-answer', ['The sigmoid saturates.', 1, 'So gradients vanish.']).webm;
}, 60_000);

const skippedCovered: FollowUpDecision = {
  decision: 'skipped',
  reason: 'covered',
  planIndex: 0,
  text: 'What happens to the gradient?',
  pointIndexes: [1],
  atMs: 30_000,
  evidenceStartMs: 12_000,
  evidenceEndMs: 14_500,
};
const askedNotHeard: FollowUpDecision = {
  decision: 'asked',
  reason: 'not-heard',
  planIndex: 1,
  text: 'How would you fix it?',
  pointIndexes: [0],
  atMs: 20_000,
  evidenceStartMs: null,
  evidenceEndMs: null,
};

async function recordedRound() {
  const dataDir = tempDir();
  const app = await makeApp(dataDir, { 'loop.yaml': loop });
  const session = await call(app, 'session:start', { source: { type: 'item', id: 'decisions-loop' } });
  const round = await recordRound(app, session.id, 0, webm);
  return { app, dataDir, session, round };
}

const rowCount = (app: Awaited<ReturnType<typeof makeApp>>) =>
  (app.db.$client.prepare('SELECT COUNT(*) AS n FROM follow_up_decisions').get() as { n: number }).n;

describe('follow-up decisions', () => {
  it('stores each decision; review reads them in time order, the points’ words only after the reveal', async () => {
    const { app, dataDir, round } = await recordedRound();
    expect(await call(app, 'followup:decision', { roundId: round.id, decision: skippedCovered })).toEqual({ ok: true });
    await call(app, 'followup:decision', { roundId: round.id, decision: askedNotHeard });
    // A probe of a point (no planned follow-up) and the cap, at the same moment, keep the order made.
    const probe: FollowUpDecision = {
      ...askedNotHeard,
      reason: 'late-probe',
      planIndex: null,
      text: 'Why?',
      atMs: 40_000,
    };
    const cap: FollowUpDecision = { ...probe, decision: 'skipped', reason: 'cap', text: 'And then?' };
    await call(app, 'followup:decision', { roundId: round.id, decision: probe });
    await call(app, 'followup:decision', { roundId: round.id, decision: cap });

    const before = await call(app, 'review:get', { roundId: round.id });
    expect(before.followUpDecisions.map((d) => [d.atMs, d.reason])).toEqual([
      [20_000, 'not-heard'],
      [30_000, 'covered'],
      [40_000, 'late-probe'],
      [40_000, 'cap'],
    ]);
    expect(before.followUpDecisions[1]).toEqual({ ...skippedCovered, points: [{ index: 1, text: null }] });
    expect(JSON.stringify(before)).not.toContain('sigmoid saturates');

    await call(app, 'review:reveal', { roundId: round.id });
    app.close();
    // Stored: a restart reads the same, now with the words of the points.
    const reopened = await makeApp(dataDir);
    const after = await call(reopened, 'review:get', { roundId: round.id });
    expect(after.followUpDecisions.map((d) => d.points)).toEqual([
      [{ index: 0, text: 'the sigmoid saturates' }],
      [{ index: 1, text: 'gradients vanish through many layers' }],
      [{ index: 0, text: 'the sigmoid saturates' }],
      [{ index: 0, text: 'the sigmoid saturates' }],
    ]);
    reopened.close();
  });

  it('stores a resent decision once, and refuses a different one for the same follow-up and moment', async () => {
    const { app, round } = await recordedRound();
    for (let i = 0; i < 3; i++) await call(app, 'followup:decision', { roundId: round.id, decision: skippedCovered });
    expect(rowCount(app)).toBe(1);
    const other = { ...skippedCovered, decision: 'asked' as const, reason: 'only-mentioned' as const };
    const refused = await dispatch(app.handlers, 'followup:decision', { roundId: round.id, decision: other });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/different decision on "What happens to the gradient\?".*covered.*kept/),
      },
    });
    const view = await call(app, 'review:get', { roundId: round.id });
    expect(view.followUpDecisions.map((d) => d.reason)).toEqual(['covered']);
    app.close();
  });

  it('refuses bad decisions naming what was wrong, and keeps what was stored', async () => {
    const { app, session, round } = await recordedRound();
    await call(app, 'followup:decision', { roundId: round.id, decision: askedNotHeard });
    const refusal = async (input: unknown) => {
      const result = await dispatch(app.handlers, 'followup:decision', input);
      expect(result.ok).toBe(false);
      return !result.ok ? result.error : null;
    };
    const pending = (await call(app, 'session:get', { sessionId: session.id })).rounds[1]!;
    expect(pending.status).toBe('pending');

    expect(
      await refusal({ roundId: round.id, decision: { ...askedNotHeard, decision: 'skipped', atMs: 1 } }),
    ).toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('"not-heard" is a reason to ask, not to skip'),
    });
    expect(await refusal({ roundId: round.id, decision: { ...skippedCovered, evidenceEndMs: null } })).toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('evidence needs both its start and its end'),
    });
    expect(await refusal({ roundId: round.id, decision: { ...skippedCovered, evidenceEndMs: 11_000 } })).toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('cannot end before it starts'),
    });
    expect(await refusal({ roundId: round.id, decision: { ...skippedCovered, reason: 'bored' } })).toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('decision.reason'),
    });
    expect(await refusal({ roundId: '6f1c0b9e-3d7a-4e2b-9c1d-2a3b4c5d6e7f', decision: skippedCovered })).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('No round has the id'),
    });
    expect(await refusal({ roundId: pending.id, decision: skippedCovered })).toMatchObject({
      code: 'conflict',
      message: 'Round 2 has not begun: a follow-up decision belongs to a round being recorded.',
    });
    expect(await refusal({ roundId: round.id, decision: { ...skippedCovered, planIndex: 2 } })).toMatchObject({
      code: 'not-found',
      message: 'Round 1 has 2 planned follow-ups; there is no follow-up 3.',
    });
    expect(await refusal({ roundId: round.id, decision: { ...skippedCovered, pointIndexes: [0, 5] } })).toMatchObject({
      code: 'not-found',
      message: 'Round 1 has 2 expected points; there is no point 6 to probe.',
    });
    expect(rowCount(app)).toBe(1);
    // SQLite itself refuses a reason the enum does not have.
    expect(() =>
      app.db.$client
        .prepare(
          "INSERT INTO follow_up_decisions (round_id, decision, reason, text, at_ms) VALUES (?, 'asked', 'bored', 'x', 0)",
        )
        .run(round.id),
    ).toThrow(/CHECK constraint failed/);
    // A deleted round takes its decisions with it.
    app.db.$client.prepare('DELETE FROM rounds WHERE id = ?').run(round.id);
    expect(rowCount(app)).toBe(0);
    app.close();
  });
});
