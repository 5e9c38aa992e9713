/** Pause and resume during the prompt, during a follow-up and during a break: nothing said is lost. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advance, advanceUntil, makeRunner, makeSession, realTimers, useFakeClock, type Harness } from './runner-fakes';

beforeEach(useFakeClock);
afterEach(realTimers);

const phase = (h: Harness) => h.runner.getState().phase;

async function begin(h: Harness): Promise<void> {
  void h.runner.beginSession();
  await advanceUntil(() => phase(h) === 'prompt', 'the prompt starts');
}

describe('pause and resume', () => {
  it('during the prompt: the prompt is said again from the start at resume, then the answer cue', async () => {
    const h = makeRunner(makeSession([{ prompt: 'Explain how a hash map works. Then tell me about resizing.' }]));
    h.runner.attach();
    await begin(h);
    await advanceUntil(() => h.synth.started().length > 0, 'the prompt is being said');
    await advance(300);
    await h.runner.togglePause();
    await advance(5000);
    // Paused: nothing more is said and the round does not move on to the answer.
    expect(phase(h)).toBe('prompt');
    expect(h.synth.finished()).toEqual([]);
    expect(h.cues.filter((c) => c.kind === 'answer')).toHaveLength(0);

    await h.runner.togglePause();
    await advanceUntil(() => phase(h) === 'answering', 'the answer cue');
    expect(h.synth.finished()).toEqual(['Explain how a hash map works.', 'Then tell me about resizing.']);
    const lastPromptEnd = h.synth.events.filter((e) => e.kind === 'end').at(-1)!.at;
    const answerCue = h.cues.find((c) => c.kind === 'answer')!;
    expect(answerCue.at).toBeGreaterThanOrEqual(lastPromptEnd);
    expect(h.api.events()).toEqual(expect.arrayContaining(['paused', 'resumed', 'prompt-spoken', 'answer-cue']));
  });

  it('during a follow-up: it is said again in full at resume, stored once, and the next one keeps its round time', async () => {
    const h = makeRunner(
      makeSession([
        {
          followUps: [
            { text: 'What is the worst case of a lookup here?', atSeconds: 3 },
            { text: 'How do you resize it?', atSeconds: 9 },
          ],
        },
      ]),
    );
    h.runner.attach();
    await begin(h);
    await advanceUntil(() => phase(h) === 'answering', 'the answer cue');
    const cueMs = h.runner.getState().answerCueMs!;
    await advanceUntil(
      () => h.synth.started().some((e) => e.text.startsWith('What is the worst case')),
      'the first follow-up starts',
    );
    await advance(200);
    await h.runner.togglePause();
    await advance(10_000);
    expect(h.synth.finished()).not.toContain('What is the worst case of a lookup here?');
    expect(h.synth.started().filter((e) => e.text.startsWith('How do you resize'))).toHaveLength(0);

    await h.runner.togglePause();
    await advanceUntil(() => h.synth.finished().includes('How do you resize it?'), 'the second follow-up is said');
    const said = h.synth.finished();
    expect(said).toContain('What is the worst case of a lookup here?');
    expect(said.indexOf('What is the worst case of a lookup here?')).toBeLessThan(
      said.indexOf('How do you resize it?'),
    );
    // Stored once per follow-up (a start, then an end for the same planned index).
    const stored = h.api.of('followup:record');
    expect(new Set(stored.map((f) => f.index))).toEqual(new Set([0, 1]));
    // The second follow-up came at its time on the round clock, paused time left out.
    const second = stored.filter((f) => f.index === 1).at(-1)!;
    expect(second.scheduledMs).toBe(cueMs + 9000);
    expect(second.spokenStartMs).toBe(cueMs + 9000);
  });

  it('during a break: the countdown ends once, with one time cue, and leaves no timer running', async () => {
    const h = makeRunner(makeSession([{}, { breakBefore: { seconds: 30, label: 'Stretch' } }]));
    h.runner.attach();
    await begin(h);
    await advanceUntil(() => phase(h) === 'answering', 'the answer cue');
    await h.runner.finishRound('done');
    await advanceUntil(() => phase(h) === 'reset', 'the reset screen');
    expect(h.runner.getState().breakState).toMatchObject({ seconds: 30, over: false });
    // No pause control between rounds: the countdown carries on.
    await h.runner.togglePause();
    expect(h.runner.getState().paused).toBe(false);
    await advance(10_000);
    expect(h.runner.getState().breakState!.remainingMs).toBeLessThanOrEqual(20_000);
    await advance(21_000);
    expect(h.runner.getState().breakState).toMatchObject({ over: true, remainingMs: 0 });
    expect(h.cues.filter((c) => c.kind === 'time')).toHaveLength(1);
    expect(h.api.of('session:event').filter((e) => e.type === 'break-ended')).toEqual([
      expect.objectContaining({ data: { how: 'elapsed', takenMs: 30_000 } }),
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starting the round during a break ends the break and its countdown', async () => {
    const h = makeRunner(makeSession([{}, { breakBefore: { seconds: 30, label: 'Stretch' } }]));
    h.runner.attach();
    await begin(h);
    await advanceUntil(() => phase(h) === 'answering', 'the answer cue');
    await h.runner.finishRound('done');
    await advanceUntil(() => phase(h) === 'reset', 'the reset screen');
    await advance(5000);
    void h.runner.startRound(1);
    await advanceUntil(() => phase(h) === 'answering', 'round 2 answer cue');
    const ended = h.api.of('session:event').filter((e) => e.type === 'break-ended');
    expect(ended).toEqual([expect.objectContaining({ data: expect.objectContaining({ how: 'round-started' }) })]);
    await h.runner.endSession();
    await advance(60_000);
    expect(h.cues.filter((c) => c.kind === 'time')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
