import { beforeAll, describe, expect, it } from 'vitest';
import { webmFixture } from '../../../../support/audio';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { rewindDatabase } from '../../../../support/migrations';
import { tempDir } from '../../../../support/temp';

const star = `kind: mock
id: star-test
title: A STAR story
category: Behavioural
rounds:
  - questionType: behavioural
    prompt: Tell me about a time you disagreed with your manager.
    budgetSeconds: 60
    expectedPoints: [situation, action, result]
    followUps: [{ text: What would you do differently?, atSeconds: 30 }]
`;

let webm = '';
beforeAll(() => {
  // 1 s of silence (thinking), speech, a 2 s pause, speech.
  webm = webmFixture('analysis-answer', [
    1,
    'We disagreed about the launch date.',
    2,
    'I gathered data and we agreed to ship a smaller scope.',
    1,
  ]).webm;
}, 60_000);

describe('speech analysis of recorded rounds', () => {
  it('analyses a finished recording in the background and derives the round metrics', async () => {
    const app = await makeApp(tempDir(), { 'star.yaml': star });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'star-test' } });
    const round = await recordRound(app, session.id, 0, webm);
    await app.analysis.idle();
    const view = await call(app, 'analysis:get', { roundId: round.id });
    expect(view.status).toBe('done');
    expect(view.segments.length).toBeGreaterThanOrEqual(2);
    // Integer ms on the recording's timeline, like every other time there.
    expect(Number.isInteger(view.segments[0]!.startMs)).toBe(true);
    expect(view.segments[0]!.startMs).toBeGreaterThan(800);
    expect(view.segments[0]!.startMs).toBeLessThan(1400);
    const m = view.metrics!;
    expect(m.thinkTimeMs).toBe(view.segments[0]!.startMs);
    expect(m.pauses.long).toBeGreaterThanOrEqual(1);
    expect(m.followUps).toEqual([]);
    // A short, prompt answer well inside its 60 s budget raises no flag at all.
    expect(m.flags).toEqual([]);
    app.close();
  });

  it('recomputes metrics when marks change and feeds the progress page', async () => {
    const app = await makeApp(tempDir(), { 'star.yaml': star });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'star-test' } });
    const round = await recordRound(app, session.id, 0, webm);
    await app.analysis.idle();
    await call(app, 'review:mark', { action: 'add', roundId: round.id, kind: 'ramble', startMs: 1000, endMs: 3500 });
    await call(app, 'review:mark', {
      action: 'add',
      roundId: round.id,
      kind: 'assumption',
      startMs: 4000,
      endMs: null,
    });
    const view = await call(app, 'analysis:get', { roundId: round.id });
    expect(view.metrics!.rambleMs).toBe(2500);
    expect(view.metrics!.phases.assumptionMs).toBe(4000);
    await call(app, 'review:save', {
      roundId: round.id,
      scores: { clarity: 3, rigor: 4, speed: 2 },
      postmortem: { change: 'Open with the result.' },
    });
    const progress = await call(app, 'progress:get', { timeZone: 'UTC' });
    expect(progress.rounds).toBe(1);
    expect(progress.categories).toEqual(['Behavioural']);
    expect(progress.questionTypes).toEqual(['behavioural']);
    expect(progress.trends).toHaveLength(1);
    expect(progress.trends[0]).toMatchObject({ rounds: 1, clarity: 3, rigor: 4, speed: 2, ramble: 2.5 });
    expect(progress.baselines).toMatchObject([{ questionType: 'behavioural', rounds: 1 }]);
    expect(progress.actions).toEqual([
      { roundId: round.id, at: expect.any(Number), title: 'A STAR story', change: 'Open with the result.' },
    ]);
    app.close();
  });

  it('uses earlier rounds of the same question type as personal baselines, leaving the round itself out', async () => {
    const app = await makeApp(tempDir(), { 'star.yaml': star });
    // Three answers that differ: 1 s, 3 s and 6 s of thinking before the same sentence.
    const answers = [1, 3, 6].map(
      (silence) => webmFixture(`baseline-think-${silence}`, [silence, 'We shipped a smaller scope.', 1]).webm,
    );
    const ids: string[] = [];
    for (const answer of answers) {
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'star-test' } });
      ids.push((await recordRound(app, session.id, 0, answer)).id);
    }
    await app.analysis.idle();
    const views = await Promise.all(ids.map((roundId) => call(app, 'analysis:get', { roundId })));
    const think = views.map((v) => v.metrics!.thinkTimeMs!);
    expect(think[0]).toBeLessThan(think[1]!);
    expect(think[1]).toBeLessThan(think[2]!);
    // The baseline of each round is the median of the other two (this round is not its own baseline).
    expect(views[2]!.baselines.thinkTimeMs).toBe((think[0]! + think[1]!) / 2);
    expect(views[0]!.baselines.thinkTimeMs).toBe((think[1]! + think[2]!) / 2);
    expect(views[1]!.baselines.talkTimeMs).toBe((views[0]!.metrics!.talkTimeMs + views[2]!.metrics!.talkTimeMs) / 2);
    app.close();
  });
});

describe('analysis interrupted by a shutdown', () => {
  it('is picked up again at the next start', async () => {
    const dataDir = tempDir();
    let app = await makeApp(dataDir, { 'star.yaml': star });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'star-test' } });
    const round = await recordRound(app, session.id, 0, webm);
    app.close(); // the queued analysis never ran
    app = await makeApp(dataDir);
    await app.analysis.idle();
    expect((await call(app, 'analysis:get', { roundId: round.id })).status).toBe('done');
    app.close();
  });
});

describe('an analysis stored before segments were in ms', () => {
  it('reads back in ms after migration 0005, with the same metrics', async () => {
    const dataDir = tempDir();
    let app = await makeApp(dataDir, { 'star.yaml': star });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'star-test' } });
    const round = await recordRound(app, session.id, 0, webm);
    await app.analysis.idle();
    const fresh = await call(app, 'analysis:get', { roundId: round.id });
    // Store the row as the app before migration 0005 wrote it: seconds, {start, end}.
    const seconds = fresh.segments.map((s) => ({ start: s.startMs / 1000, end: s.endMs / 1000 }));
    const client = app.db.$client;
    client
      .prepare('UPDATE round_analyses SET segments_json = ? WHERE round_id = ?')
      .run(JSON.stringify(seconds), round.id);
    app.close();
    // …in a database as the app before migration 0005 left it, so the next start runs 0005 and later.
    rewindDatabase(app.paths.databaseFile, '0004_enum_checks');

    app = await makeApp(dataDir);
    const after = await call(app, 'analysis:get', { roundId: round.id });
    expect(after.segments).toEqual(fresh.segments);
    expect(app.analysis.recompute(round.id)).toEqual(fresh.metrics);
    app.close();
  });
});
