import { beforeAll, describe, expect, it } from 'vitest';
import { webmFixture } from '../../../../support/audio';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: review-loop
title: Review loop
category: Theory
rounds:
  - questionType: theory
    prompt: Explain why logistic regression uses cross-entropy.
    budgetSeconds: 120
    expectedPoints: [Bernoulli likelihood, maximum likelihood gives cross-entropy, better gradients than MSE]
    followUps: [{ text: Derive the gradient., atSeconds: 60 }]
    referenceAnswer: The model outputs a Bernoulli probability; maximising likelihood is minimising cross-entropy.
  - questionType: derivation
    prompt: Derive the gradient with respect to the logits.
    budgetSeconds: 120
    expectedPoints: [p minus y]
`;

let webm = '';
beforeAll(() => {
  webm = webmFixture('review-answer', ['The likelihood is Bernoulli.', 1, 'So we minimise cross entropy.']).webm;
}, 60_000);

describe('reviewing a round', () => {
  it('hides the expected points and reference answer until revealed', async () => {
    const app = await makeApp(tempDir(), { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'review-loop' } });
    expect(JSON.stringify(session)).not.toContain('Bernoulli likelihood');
    const round = await recordRound(app, session.id, 0, webm);
    const before = await call(app, 'review:get', { roundId: round.id });
    expect(before).toMatchObject({
      revealed: false,
      answers: null,
      expectedPointCount: 3,
      points: [null, null, null],
      roundCount: 2,
    });
    expect(JSON.stringify(before)).not.toContain('Bernoulli likelihood');
    expect(before.rubric?.dimensions.map((d) => d.id)).toEqual(['clarity', 'rigor', 'speed']);
    expect(before.round.recording?.status).toBe('finalized');
    const after = await call(app, 'review:reveal', { roundId: round.id });
    expect(after.answers?.expectedPoints[0]).toBe('Bernoulli likelihood');
    expect(after.answers?.referenceAnswer).toMatch(/Bernoulli probability/);
    app.close();
  });

  it('saves scores, checklists and the postmortem as you go, and they survive a restart', async () => {
    const dataDir = tempDir();
    let app = await makeApp(dataDir, { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'review-loop' } });
    const round = await recordRound(app, session.id, 0, webm);
    await call(app, 'review:save', { roundId: round.id, scores: { clarity: 4 } });
    await call(app, 'review:save', { roundId: round.id, points: { '2': 'missed', '0': 'covered' } });
    await call(app, 'review:save', { roundId: round.id, behaviour: { 'state-assumptions': true } });
    let view = await call(app, 'review:save', { roundId: round.id, postmortem: { wentWell: 'Clear structure.' } });
    expect(view.scoredAt).toBeNull();
    view = await call(app, 'review:save', {
      roundId: round.id,
      scores: { rigor: 3, speed: 2 },
      postmortem: { change: 'Lead with the MLE link.' },
    });
    expect(view.scoredAt).not.toBeNull();
    app.close();

    app = await makeApp(dataDir);
    const reopened = await call(app, 'review:get', { roundId: round.id });
    expect(reopened).toMatchObject({
      scores: { clarity: 4, rigor: 3, speed: 2 },
      points: ['covered', null, 'missed'],
      behaviour: { 'state-assumptions': true },
      postmortem: { wentWell: 'Clear structure.', missed: '', change: 'Lead with the MLE link.' },
    });
    // Still editable: a score can be cleared again.
    expect((await call(app, 'review:save', { roundId: round.id, scores: { speed: null } })).scoredAt).toBeNull();
    await expect(call(app, 'review:save', { roundId: round.id, points: { '7': 'covered' } })).rejects.toThrow(
      /3 expected points/,
    );
    await expect(call(app, 'review:save', { roundId: round.id, scores: { clarity: 6 } })).rejects.toThrow(
      /Invalid input/,
    );
    app.close();
  });

  it('stores ramble regions and phase marks, in time order, editable and removable', async () => {
    const app = await makeApp(tempDir(), { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'review-loop' } });
    const round = await recordRound(app, session.id, 0, webm);
    await call(app, 'review:mark', {
      action: 'add',
      roundId: round.id,
      kind: 'assumption',
      startMs: 3000,
      endMs: null,
    });
    const marks = await call(app, 'review:mark', {
      action: 'add',
      roundId: round.id,
      kind: 'ramble',
      startMs: 2500,
      endMs: 1200,
    });
    expect(marks.map((m) => [m.kind, m.startMs, m.endMs])).toEqual([
      ['ramble', 1200, 2500],
      ['assumption', 3000, null],
    ]);
    const ramble = marks[0]!;
    const updated = await call(app, 'review:mark', {
      action: 'update',
      roundId: round.id,
      markId: ramble.id,
      startMs: 1000,
      endMs: 2000,
    });
    expect(updated[0]).toMatchObject({ startMs: 1000, endMs: 2000 });
    const removed = await call(app, 'review:mark', { action: 'remove', roundId: round.id, markId: ramble.id });
    expect(removed.map((m) => m.kind)).toEqual(['assumption']);
    await expect(call(app, 'review:mark', { action: 'remove', roundId: round.id, markId: ramble.id })).rejects.toThrow(
      /no longer exists/,
    );
    app.close();
  });

  it('queues unscored recorded rounds newest first, and lists attempts at the same prompt', async () => {
    let clock = Date.parse('2026-11-01T10:00:00Z');
    const app = await makeApp(tempDir(), { 'loop.yaml': loop }, () => (clock += 60_000));
    const first = await call(app, 'session:start', { source: { type: 'item', id: 'review-loop' } });
    const a = await recordRound(app, first.id, 0, webm);
    const b = await recordRound(app, first.id, 1, webm);
    const second = await call(app, 'session:start', { source: { type: 'item', id: 'review-loop' } });
    const c = await recordRound(app, second.id, 0, webm);
    expect((await call(app, 'review:queue', {})).entries.map((e) => e.roundId)).toEqual([c.id, b.id, a.id]);
    await call(app, 'review:save', { roundId: c.id, scores: { clarity: 3, rigor: 3, speed: 3 } });
    const queue = (await call(app, 'review:queue', {})).entries;
    expect(queue.map((e) => e.roundId)).toEqual([b.id, a.id]);
    expect(queue[0]).toMatchObject({ sessionTitle: 'Review loop', roundIndex: 1, durationMs: expect.any(Number) });
    const attempts = (await call(app, 'review:attempts', { roundId: a.id })).entries;
    expect(attempts.map((e) => e.roundId)).toEqual([c.id, a.id]);
    expect(attempts[0]!.scores).toEqual({ clarity: 3, rigor: 3, speed: 3 });
    app.close();
  });
});
