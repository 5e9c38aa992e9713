/** Recording trouble mid-round: the microphone lost, chunks not being saved (retrying), saving given up. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advance, advanceUntil, makeRunner, makeSession, realTimers, useFakeClock, type Harness } from './runner-fakes';

beforeEach(useFakeClock);
afterEach(realTimers);

const followUps = [
  { text: 'First question?', atSeconds: 3 },
  { text: 'Second question?', atSeconds: 6 },
];

async function answering(): Promise<Harness> {
  const h = makeRunner(makeSession([{ followUps }]));
  h.runner.attach();
  void h.runner.beginSession();
  await advanceUntil(() => h.runner.getState().phase === 'answering', 'the answer cue');
  return h;
}

const spoken = (h: Harness) => h.synth.started().map((e) => e.text);

describe('recording trouble mid-round', () => {
  it('chunks not being saved: the round says so at once, asks nothing new, and goes on once the backlog is saved', async () => {
    const h = await answering();
    const media = h.media[0]!;
    await advance(1000);
    media.handlers.onUploadStatus({
      state: 'retrying',
      unsavedChunks: 1,
      sinceMs: performance.now(),
      reason: 'Loop Coach’s local server is not answering',
    });
    expect(h.runner.getState().notSaving).toEqual({
      unsavedChunks: 1,
      reason: 'Loop Coach’s local server is not answering',
    });
    // 20 s of outage: both follow-ups came due, neither is asked.
    await advance(20_000);
    expect(spoken(h)).toEqual(['Prompt number 1.']);
    expect(h.runner.getState().asked).toEqual([]);
    expect(h.cues.filter((c) => c.kind === 'follow-up')).toHaveLength(0);

    const savedAt = performance.now();
    media.handlers.onUploadStatus({ state: 'saving', unsavedChunks: 0 });
    expect(h.runner.getState().notSaving).toBeNull();
    await advanceUntil(() => h.synth.finished().includes('Second question?'), 'the held follow-ups');
    const starts = h.synth.started().filter((e) => e.text !== 'Prompt number 1.');
    expect(starts.map((e) => e.text)).toEqual(['First question?', 'Second question?']);
    expect(starts[0]!.at).toBeGreaterThan(savedAt);
  });

  it('saving trouble that starts before the answer cue holds the follow-ups from the start', async () => {
    const h = makeRunner(makeSession([{ prompt: 'A long prompt with many words to say here.', followUps }]));
    h.runner.attach();
    void h.runner.beginSession();
    await advanceUntil(() => h.runner.getState().phase === 'prompt', 'the prompt');
    h.media[0]!.handlers.onUploadStatus({
      state: 'retrying',
      unsavedChunks: 2,
      sinceMs: performance.now(),
      reason: 'down',
    });
    await advanceUntil(() => h.runner.getState().phase === 'answering', 'the answer cue');
    await advance(10_000);
    expect(spoken(h)).toEqual(['A long prompt with many words to say here.']);
    h.media[0]!.handlers.onUploadStatus({ state: 'saving', unsavedChunks: 0 });
    await advanceUntil(() => h.synth.finished().includes('First question?'), 'the first follow-up');
  });

  it('saving given up (a full disk): recording stops with its reason, and the round goes on with its follow-ups', async () => {
    const h = await answering();
    h.media[0]!.handlers.onUploadStatus({
      state: 'retrying',
      unsavedChunks: 1,
      sinceMs: performance.now(),
      reason: 'x',
    });
    h.media[0]!.handlers.onLost({ kind: 'upload', message: 'The disk is full.' });
    expect(h.runner.getState()).toMatchObject({
      recording: 'stopped',
      recordingNotice: 'The disk is full.',
      notSaving: null,
    });
    const errors = h.api.of('session:event').filter((e) => e.type === 'mic-error');
    expect(errors).toEqual([
      expect.objectContaining({ data: { problem: 'upload-failed', message: 'The disk is full.' } }),
    ]);
    await advanceUntil(() => h.synth.finished().includes('Second question?'), 'the follow-ups');
  });

  it('microphone unplugged mid-round: recording stops, the notice says so, the timer and follow-ups go on', async () => {
    const h = await answering();
    await advance(1000);
    h.media[0]!.handlers.onLost({ kind: 'unplugged', message: 'The microphone stopped during the round.' });
    expect(h.runner.getState()).toMatchObject({ recording: 'stopped', level: 0 });
    expect(h.runner.getState().recordingNotice).toMatch(/microphone stopped/);
    const errors = h.api.of('session:event').filter((e) => e.type === 'mic-error');
    expect(errors).toEqual([expect.objectContaining({ data: expect.objectContaining({ problem: 'unplugged' }) })]);
    const clockBefore = h.runner.getState().clockMs;
    await advanceUntil(() => h.synth.finished().includes('Second question?'), 'the follow-ups');
    expect(h.runner.getState().clockMs).toBeGreaterThan(clockBefore);
    // Finishing still saves what was recorded and ends the round.
    await h.runner.finishRound('done');
    expect(h.api.of('round:end')).toEqual([expect.objectContaining({ outcome: 'done' })]);
    expect(h.runner.getState().phase).toBe('complete');
  });
});
