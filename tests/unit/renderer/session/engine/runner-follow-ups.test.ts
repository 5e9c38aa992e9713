/** Every follow-up mode, driven by the round clock and the candidate's voice under fake timers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUpMode } from '../../../../../src/shared/contract';
import { advance, advanceUntil, makeRunner, makeSession, realTimers, useFakeClock, type Harness } from './runner-fakes';

beforeEach(useFakeClock);
afterEach(realTimers);

const LOUD = 0.2;
const QUIET = 0.0005;

async function answering(
  mode: FollowUpMode,
  followUps: { text: string; atSeconds: number; jitterSeconds?: number }[],
  random?: () => number,
) {
  const h = makeRunner(makeSession([{ followUps }], mode), random ? { random } : {});
  h.runner.attach();
  void h.runner.beginSession();
  await advanceUntil(() => h.runner.getState().phase === 'answering', 'the answer cue');
  return h;
}

/** Feeds the recorder's level every 100 ms: loud or quiet as `loudAt(roundMs)` says. */
function voice(h: Harness, loudAt: (roundMs: number) => boolean): () => void {
  const media = h.media[0]!;
  const timer = setInterval(() => {
    const roundMs = performance.now() - media.startedAt;
    media.handlers.onLevel(loudAt(roundMs) ? LOUD : QUIET);
  }, 100);
  return () => clearInterval(timer);
}

const roundMsOf = (h: Harness, perfAt: number) => perfAt - h.media[0]!.startedAt;
const startOf = (h: Harness, text: string) => h.synth.started().find((e) => e.text === text);
const stored = (h: Harness, text: string) =>
  h.api
    .of('followup:record')
    .filter((f) => f.text === text)
    .at(-1);

describe('follow-up modes', () => {
  it('scheduled: the chime is booked early and the question starts speaking at its time on the recording timeline', async () => {
    const h = await answering('scheduled', [
      { text: 'What is the worst case?', atSeconds: 3 },
      { text: 'How do you resize it?', atSeconds: 9 },
    ]);
    const cue = h.runner.getState().answerCueMs!;
    await advanceUntil(() => h.synth.finished().includes('How do you resize it?'), 'both follow-ups');
    for (const [text, at] of [
      ['What is the worst case?', 3000],
      ['How do you resize it?', 9000],
    ] as const) {
      expect(roundMsOf(h, startOf(h, text)!.at)).toBe(cue + at);
      expect(stored(h, text)).toMatchObject({ trigger: 'scheduled', scheduledMs: cue + at, spokenStartMs: cue + at });
    }
    // Each follow-up's chime sounds before its question (booked on the audio clock ahead of time).
    const chimes = h.cues.filter((c) => c.kind === 'follow-up');
    expect(chimes).toHaveLength(2);
    expect(roundMsOf(h, chimes[0]!.atPerfMs!)).toBeLessThan(cue + 3000);
    // The live log shows the time on the recording's timeline, the review's clock (not since the cue).
    expect(h.runner.getState().asked.map((a) => a.recordingMs)).toEqual([cue + 3000, cue + 9000]);
  });

  it('jittered: the random draw moves the due time within ± jitterSeconds, kept in order', async () => {
    const h = await answering('jittered', [{ text: 'Shifted question?', atSeconds: 5, jitterSeconds: 2 }], () => 1);
    const cue = h.runner.getState().answerCueMs!;
    await advanceUntil(() => h.synth.finished().includes('Shifted question?'), 'the follow-up');
    expect(stored(h, 'Shifted question?')).toMatchObject({ trigger: 'jittered', scheduledMs: cue + 7000 });
    expect(roundMsOf(h, startOf(h, 'Shifted question?')!.at)).toBe(cue + 7000);
  });

  it('at the next pause: waits while the candidate talks and asks once they have been quiet for a second', async () => {
    const h = await answering('at-pause', [{ text: 'Can I stop you there?', atSeconds: 2 }]);
    const cue = h.runner.getState().answerCueMs!;
    const quietFrom = cue + 6000;
    const stop = voice(h, (ms) => ms < quietFrom);
    await advanceUntil(() => h.synth.finished().includes('Can I stop you there?'), 'the follow-up');
    stop();
    const start = roundMsOf(h, startOf(h, 'Can I stop you there?')!.at);
    expect(start).toBeGreaterThanOrEqual(quietFrom + 1000);
    expect(stored(h, 'Can I stop you there?')).toMatchObject({ trigger: 'at-pause' });
  });

  it('at the next pause: a candidate who never pauses is asked after the longest wait', async () => {
    const h = await answering('at-pause', [{ text: 'Let me cut in.', atSeconds: 2 }]);
    const cue = h.runner.getState().answerCueMs!;
    const stop = voice(h, () => true);
    await advance(9000);
    expect(startOf(h, 'Let me cut in.')).toBeUndefined();
    await advanceUntil(() => h.synth.finished().includes('Let me cut in.'), 'the follow-up');
    stop();
    expect(roundMsOf(h, startOf(h, 'Let me cut in.')!.at)).toBeGreaterThanOrEqual(cue + 12_000);
  });

  it('pressure: cuts in once the candidate has been talking for a moment', async () => {
    const h = await answering('pressure', [{ text: 'Why that one?', atSeconds: 2 }]);
    const cue = h.runner.getState().answerCueMs!;
    const talkFrom = cue + 3500;
    const stop = voice(h, (ms) => ms >= talkFrom);
    await advanceUntil(() => h.synth.finished().includes('Why that one?'), 'the follow-up');
    stop();
    const start = roundMsOf(h, startOf(h, 'Why that one?')!.at);
    expect(start).toBeGreaterThanOrEqual(talkFrom + 400);
    expect(start).toBeLessThan(cue + 2000 + 4000);
    expect(stored(h, 'Why that one?')).toMatchObject({ trigger: 'pressure' });
  });

  it('partner: nothing is asked by itself; the partner asks the next planned one, then their own', async () => {
    const h = await answering('partner', [
      { text: 'Planned one?', atSeconds: 2 },
      { text: 'Planned two?', atSeconds: 4 },
    ]);
    await advance(30_000);
    expect(h.synth.started().map((e) => e.text)).toEqual(['Prompt number 1.']);
    expect(h.runner.getState().plannedLeft).toBe(2);
    h.runner.askNextPlanned();
    expect(h.runner.getState().plannedLeft).toBe(1);
    expect(h.runner.askAdhoc('  What about memory?  ')).toBe(true);
    expect(h.runner.askAdhoc('   ')).toBe(false);
    await advanceUntil(() => h.synth.finished().includes('What about memory?'), 'the ad hoc question');
    expect(h.synth.finished()).toEqual(['Prompt number 1.', 'Planned one?', 'What about memory?']);
    expect(stored(h, 'Planned one?')).toMatchObject({ index: 0, trigger: 'partner', scheduledMs: null });
    expect(stored(h, 'What about memory?')).toMatchObject({ trigger: 'adhoc', scheduledMs: null });
  });
});
