/**
 * The listening interviewer, through the real SessionRunner under fake timers: live listening per
 * round, the end-of-thought rule in "at the next pause", and the adaptive mode's decisions.
 */
import { CUE_LEAD_MS } from '../../../../../src/renderer/src/session/engine/follow-up-asker';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUpMode, LivePointCoverage, LiveStartOutput } from '../../../../../src/shared/contract';
import { FELL_BEHIND_MESSAGE } from '../../../../../src/renderer/src/session/engine/round-listening';
import {
  advance,
  advanceUntil,
  makeRunner,
  makeSession,
  realTimers,
  useFakeClock,
  type Harness,
  type RoundSpec,
} from './runner-fakes';

beforeEach(useFakeClock);
afterEach(realTimers);

const LISTENING: LiveStartOutput = { listening: true, modelId: 'fixture' };
const NO_MODEL: LiveStartOutput = { listening: false, reason: 'no-model', message: 'No speech model is installed.' };
/** How long after an utterance ends its words reach the page. */
const WORDS_AFTER_MS = 300;

type Level = LivePointCoverage['confidence'];
/** One utterance: seconds after the answer cue, its text, and coverage after it (level, evidence in s). */
type Said = { from: number; to: number; text: string; points?: [Level, [number, number]?][]; wordsAfterMs?: number };

async function answering(mode: FollowUpMode, round: RoundSpec, live?: LiveStartOutput) {
  const h = makeRunner(makeSession([round], mode), live ? { live } : {});
  h.runner.attach();
  void h.runner.beginSession();
  await advanceUntil(() => h.runner.getState().phase === 'answering', 'the answer cue');
  return { h, cue: h.runner.getState().answerCueMs! };
}

/** The candidate: loud while saying each utterance, quiet otherwise; the live words arrive after each. */
function candidate(h: Harness, cue: number, said: Said[]): () => void {
  const media = h.media[0]!;
  const roundMs = () => performance.now() - media.startedAt;
  const loud = (ms: number) => said.some((s) => ms >= cue + s.from * 1000 && ms < cue + s.to * 1000);
  const level = setInterval(() => media.handlers.onLevel(loud(roundMs()) ? 0.2 : 0.0005), 100);
  const timers = said.map((s, n) => {
    const coverage = (s.points ?? []).map(([confidence, evidence], index) => ({
      index,
      confidence,
      evidenceStartMs: evidence ? cue + evidence[0] * 1000 : null,
      evidenceEndMs: evidence ? cue + evidence[1] * 1000 : null,
    }));
    const at = cue + s.to * 1000 + (s.wordsAfterMs ?? WORDS_AFTER_MS) - roundMs();
    const utterance = { n, startMs: cue + s.from * 1000, endMs: cue + s.to * 1000, text: s.text, words: [], coverage };
    return setTimeout(() => h.lives[0]?.utterance(utterance), at);
  });
  return () => {
    clearInterval(level);
    timers.forEach(clearTimeout);
  };
}

const roundMsOf = (h: Harness, perfAt: number) => perfAt - h.media[0]!.startedAt;
const spokenAt = (h: Harness, text: string) => {
  const e = h.synth.started().find((s) => s.text === text);
  return e ? roundMsOf(h, e.at) : undefined;
};
const decisions = (h: Harness) => h.api.of('followup:decision').map((d) => d.decision);

describe('at the next pause: the end of a thought', () => {
  const round = { followUps: [{ text: 'Can I stop you there?', atSeconds: 2 }] };

  it('a pause after words that break off mid-clause does not end the thought; a long silence does', async () => {
    const { h, cue } = await answering('at-pause', round, LISTENING);
    const stop = candidate(h, cue, [{ from: 0.5, to: 5, text: 'I would hash the key and then' }]);
    // Quiet for 4 s after "and then": a person would still wait.
    await advance(9000);
    expect(spokenAt(h, 'Can I stop you there?')).toBeUndefined();
    await advanceUntil(() => spokenAt(h, 'Can I stop you there?') !== undefined, 'the follow-up');
    stop();
    expect(spokenAt(h, 'Can I stop you there?')).toBeGreaterThanOrEqual(cue + 5000 + 6000);
    expect(h.api.of('followup:record').at(-1)).toMatchObject({ trigger: 'at-pause' });
  });

  it('waits for the words of the speech that just ended, then asks after a finished sentence', async () => {
    const { h, cue } = await answering('at-pause', round, LISTENING);
    const stop = candidate(h, cue, [{ from: 0.5, to: 5, text: 'That is the whole idea.', wordsAfterMs: 2500 }]);
    await advanceUntil(() => spokenAt(h, 'Can I stop you there?') !== undefined, 'the follow-up');
    stop();
    // The think time passed at 6.5 s, but the words only came at 7.5 s.
    expect(spokenAt(h, 'Can I stop you there?')).toBeGreaterThanOrEqual(cue + 7500);
    expect(spokenAt(h, 'Can I stop you there?')).toBeLessThan(cue + 9000);
  });

  it('asks into the pause with no chime first: the voice is the interviewer’s first sound', async () => {
    const { h, cue } = await answering('at-pause', round);
    const stop = candidate(h, cue, [{ from: 0.5, to: 5, text: 'never heard' }]);
    await advanceUntil(() => spokenAt(h, 'Can I stop you there?') !== undefined, 'the follow-up');
    stop();
    expect(h.cues.filter((c) => c.kind === 'follow-up')).toEqual([]);
    // Spoken at the end of the thought, not a chime's length after it.
    expect(spokenAt(h, 'Can I stop you there?')).toBeLessThan(cue + 5000 + 1500 + CUE_LEAD_MS);
  });

  it('without live words, the think time alone: not the first second of quiet', async () => {
    const { h, cue } = await answering('at-pause', round);
    const stop = candidate(h, cue, [{ from: 0.5, to: 5, text: 'never heard' }]);
    await advanceUntil(() => spokenAt(h, 'Can I stop you there?') !== undefined, 'the follow-up');
    stop();
    expect(spokenAt(h, 'Can I stop you there?')).toBeGreaterThanOrEqual(cue + 5000 + 1500);
  });
});

describe('adaptive follow-ups', () => {
  const resize = 'How would you resize it?';
  const collisions = 'How are collisions handled?';
  const round: RoundSpec = {
    budgetSeconds: 120,
    followUps: [
      { text: resize, atSeconds: 8, probes: [0] },
      { text: collisions, atSeconds: 16, probes: [1] },
    ],
    pointProbes: ['What makes it resize?', 'What happens on a collision?', 'What is the worst case?'],
  };

  it('skips a follow-up whose point was clearly covered (with the evidence) and asks one only mentioned, decisions in order', async () => {
    const { h, cue } = await answering('adaptive', round, LISTENING);
    const early: Said['points'] = [['clear', [2, 5]], ['mentioned', [5, 5.8]], ['not-heard']];
    const stop = candidate(h, cue, [
      { from: 0.5, to: 6, text: 'Buckets double when the load factor passes three quarters.', points: early },
      // Pauses shorter than the think time: the thought goes on past each due time.
      { from: 7, to: 12, text: 'Lookups stay constant on average.', points: early },
      { from: 13, to: 18, text: 'Deleting needs care too.', points: early },
    ]);
    await advanceUntil(() => spokenAt(h, collisions) !== undefined, 'the collisions follow-up');
    await advance(5000);
    stop();
    expect(spokenAt(h, resize)).toBeUndefined();
    expect(decisions(h)).toEqual([
      expect.objectContaining({
        decision: 'skipped',
        reason: 'covered',
        planIndex: 0,
        pointIndexes: [0],
        evidenceStartMs: cue + 2000,
        evidenceEndMs: cue + 5000,
      }),
      expect.objectContaining({ decision: 'asked', reason: 'only-mentioned', planIndex: 1, pointIndexes: [1] }),
    ]);
    const [skipped, asked] = decisions(h);
    // Decided at the end of the thought after each fell due, not at the due time.
    expect(skipped!.atMs).toBeGreaterThanOrEqual(cue + 12_000 + 1500);
    expect(asked!.atMs).toBeGreaterThanOrEqual(cue + 18_000 + 1500);
    expect(h.api.of('followup:record').at(-1)).toMatchObject({ index: 1, text: collisions, trigger: 'adaptive' });
    expect(h.runner.getState().asked.map((a) => a.text)).toEqual([collisions]);
  });

  it('never asks about what the last utterance just said', async () => {
    const { h, cue } = await answering('adaptive', round, LISTENING);
    const stop = candidate(h, cue, [
      { from: 0.5, to: 6, text: 'A hash map keeps keys in buckets.', points: [['not-heard'], ['not-heard']] },
      { from: 7, to: 12, text: 'When it fills up it grows.', points: [['mentioned', [10, 11.5]], ['not-heard']] },
    ]);
    await advanceUntil(() => decisions(h).length > 0, 'a decision');
    stop();
    expect(decisions(h)[0]).toMatchObject({
      decision: 'skipped',
      reason: 'just-said',
      planIndex: 0,
      evidenceStartMs: cue + 10_000,
      evidenceEndMs: cue + 11_500,
    });
    expect(spokenAt(h, resize)).toBeUndefined();
  });

  it('asks a point’s probe late in the budget when it is still not covered, once', async () => {
    const late: RoundSpec = {
      budgetSeconds: 40,
      followUps: [{ text: resize, atSeconds: 4, probes: [0] }],
      pointProbes: ['What makes it resize?', null, 'What is the worst case?'],
    };
    const { h, cue } = await answering('adaptive', late, LISTENING);
    const points: Said['points'] = [['clear', [1, 3]], ['not-heard'], ['not-heard']];
    const stop = candidate(h, cue, [
      { from: 1, to: 5, text: 'It resizes past three quarters full.', points },
      { from: 6, to: 12, text: 'Buckets hold chains.', points },
      { from: 13, to: 19, text: 'Hashing spreads the keys.', points },
      // A thought ends at 21.5 s: too early for a late probe (70 % is 28 s).
      { from: 23, to: 27.5, text: 'Reads are fast.', points },
      { from: 28.5, to: 31, text: 'That covers it.', points },
      { from: 35, to: 36, text: 'Anything else?', points },
    ]);
    await advance(45_000);
    stop();
    const probes = decisions(h).filter((d) => d.reason === 'late-probe');
    expect(probes).toEqual([
      expect.objectContaining({
        decision: 'asked',
        planIndex: null,
        text: 'What is the worst case?',
        pointIndexes: [2],
      }),
    ]);
    // Not before 70 % of the budget, although a thought ended at 21.5 s: at the next end of a thought.
    expect(probes[0]!.atMs).toBeGreaterThanOrEqual(cue + 31_000 + 1500);
    expect(spokenAt(h, 'What is the worst case?')).toBeGreaterThan(cue + 31_000);
    // Stored after the planned follow-ups, as the adaptive mode's.
    expect(h.api.of('followup:record').at(-1)).toMatchObject({ text: 'What is the worst case?', trigger: 'adaptive' });
    expect(h.api.session.rounds[0]!.askedFollowUps.at(-1)).toMatchObject({ index: 1, trigger: 'adaptive' });
    expect(decisions(h)[0]).toMatchObject({ reason: 'covered', planIndex: 0 });
  });

  it('keeps to the interruption cap: further follow-ups are skipped with "cap"', async () => {
    const many: RoundSpec = { followUps: [3, 6, 9, 12, 15].map((s) => ({ text: `Question at ${s}?`, atSeconds: s })) };
    const { h } = await answering('adaptive', many, LISTENING);
    await advanceUntil(() => decisions(h).length === 5, 'five decisions', 60_000);
    await advance(5000);
    expect(decisions(h).map((d) => `${d.decision} ${d.reason}`)).toEqual([
      'asked scripted',
      'asked scripted',
      'asked scripted',
      'skipped cap',
      'skipped cap',
    ]);
    expect(h.synth.finished()).toEqual(['Prompt number 1.', 'Question at 3?', 'Question at 6?', 'Question at 9?']);
  });

  it('skips what the budget left no time for', async () => {
    const short: RoundSpec = { budgetSeconds: 20, followUps: [{ text: resize, atSeconds: 12, probes: [0] }] };
    const { h, cue } = await answering('adaptive', short, LISTENING);
    const stop = candidate(h, cue, [{ from: 0.5, to: 25, text: 'I talk without a pause.' }]);
    await advance(24_000);
    stop();
    expect(decisions(h)).toEqual([expect.objectContaining({ decision: 'skipped', reason: 'no-time', planIndex: 0 })]);
    expect(decisions(h)[0]!.atMs).toBeGreaterThanOrEqual(cue + 20_000);
    expect(spokenAt(h, resize)).toBeUndefined();
  });

  it.each([
    ['no createLive', undefined],
    ['a model-less LiveSource', NO_MODEL],
  ] as const)('without a model (%s) follow-ups come by the clock, "scripted"', async (_, live) => {
    const { h, cue } = await answering('adaptive', round, live);
    await advanceUntil(() => spokenAt(h, collisions) !== undefined, 'both follow-ups');
    // Silent throughout: each is asked once due (the think time has long passed), with no chime first.
    expect(spokenAt(h, resize)).toBeGreaterThanOrEqual(cue + 8000);
    expect(spokenAt(h, resize)).toBeLessThan(cue + 8000 + CUE_LEAD_MS);
    expect(decisions(h).map((d) => `${d.decision} ${d.reason} ${d.planIndex}`)).toEqual([
      'asked scripted 0',
      'asked scripted 1',
    ]);
    expect(h.runner.getState().liveNotice).toBeNull();
  });

  it('falls back to the clock for the round once listening falls behind, and says so once', async () => {
    const { h, cue } = await answering('adaptive', round, LISTENING);
    const stop = candidate(h, cue, [
      { from: 0.5, to: 5, text: 'Buckets double past three quarters.', points: [['clear', [1, 4]], ['not-heard']] },
      { from: 8, to: 10, text: 'and so the', points: [['clear', [1, 4]], ['not-heard']] },
    ]);
    const notices: (string | null)[] = [];
    h.runner.subscribe(() => {
      const notice = h.runner.getState().liveNotice;
      if (notice !== (notices.at(-1) ?? null)) notices.push(notice);
    });
    await advance(6000);
    h.lives[0]!.status('behind');
    h.lives[0]!.status('listening');
    h.lives[0]!.status('behind');
    h.lives[0]!.status('stopped', 'worker exited');
    await advanceUntil(() => spokenAt(h, resize) !== undefined, 'the follow-up');
    stop();
    // Covered, but nothing heard counts now; and "and so the" no longer holds it back (think time alone).
    expect(decisions(h)[0]).toMatchObject({ decision: 'asked', reason: 'scripted', planIndex: 0 });
    expect(spokenAt(h, resize)).toBeLessThan(cue + 10_000 + 6000);
    expect(notices).toEqual([FELL_BEHIND_MESSAGE]);
  });

  it('listens on the round’s recording from its start, pauses with it and stops at the round’s end', async () => {
    const { h } = await answering('adaptive', round, LISTENING);
    const live = h.lives[0]!;
    const round0 = h.runner.getState().session.rounds[0]!;
    expect(live.started).toEqual({
      roundId: round0.id,
      recordingId: h.api.session.rounds[0]!.recording!.id,
      recordingStartPerfMs: h.media[0]!.startedAt,
    });
    expect(live.subscribers).toBe(2);
    await h.runner.togglePause();
    await h.runner.togglePause();
    await h.runner.finishRound('done');
    expect(live.calls).toEqual(['start', 'pause', 'resume', 'stop']);
    expect(live.subscribers).toBe(0);
  });
});
