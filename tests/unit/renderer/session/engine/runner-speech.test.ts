/** The Speaker on a fake synthesiser: per-call cancellation, repeat-safe results, start latency. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advance, advanceUntil, FakeSynth, makeSpeaker, realTimers, useFakeClock } from './runner-fakes';

beforeEach(useFakeClock);
afterEach(realTimers);

describe('Speaker', () => {
  it('speaks sentence by sentence and reports when the first one started', async () => {
    const synth = new FakeSynth(80, 100);
    const speaker = makeSpeaker(synth);
    const t0 = performance.now();
    let done: Awaited<ReturnType<typeof speaker.speak>> | null = null;
    void speaker.speak('One two. Three four five.').then((r) => (done = r));
    await advanceUntil(() => done !== null, 'speech ends');
    expect(synth.finished()).toEqual(['One two.', 'Three four five.']);
    expect(done!.cancelled).toBe(false);
    expect(done!.startedAt).toBe(t0 + 80);
  });

  it('a newer speak() cuts the older one off for good: its later sentences are never said', async () => {
    const synth = new FakeSynth(50, 200);
    const speaker = makeSpeaker(synth);
    let first: Awaited<ReturnType<typeof speaker.speak>> | null = null;
    let second: Awaited<ReturnType<typeof speaker.speak>> | null = null;
    void speaker.speak('First sentence here. Second sentence here.').then((r) => (first = r));
    await advance(100); // the first sentence is being said
    void speaker.speak('Another question?').then((r) => (second = r));
    await advanceUntil(() => first !== null && second !== null, 'both resolve');
    await advance(5000);
    expect(first!.cancelled).toBe(true);
    expect(second!.cancelled).toBe(false);
    expect(synth.started().map((e) => e.text)).toEqual(['First sentence here.', 'Another question?']);
  });

  it('cancel() resolves the speech in progress as cancelled, and the next speak() is unaffected', async () => {
    const synth = new FakeSynth(50, 200);
    const speaker = makeSpeaker(synth);
    let cut: Awaited<ReturnType<typeof speaker.speak>> | null = null;
    void speaker.speak('Long one. Long two.').then((r) => (cut = r));
    await advance(100);
    speaker.cancel();
    await advanceUntil(() => cut !== null, 'cancelled speech resolves');
    expect(cut!.cancelled).toBe(true);
    const next = await Promise.all([speaker.speak('Fresh start.'), advance(2000)]);
    expect(next[0].cancelled).toBe(false);
    expect(synth.finished()).toEqual(['Fresh start.']);
  });

  it('learns the synthesiser’s start-up time from what it said (the median of recent sentences)', async () => {
    const synth = new FakeSynth(120, 100);
    const speaker = makeSpeaker(synth);
    synth.startLatencyMs = 700; // a cold start, while warming up: not a sample
    await Promise.all([speaker.warm(), advance(2000)]);
    synth.startLatencyMs = 120;
    await Promise.all([speaker.speak('Warm now.'), advance(2000)]);
    expect(speaker.startLatencyMs).toBe(120);
    synth.startLatencyMs = 900; // one slow start
    await Promise.all([speaker.speak('Slow.'), advance(2000)]);
    synth.startLatencyMs = 120;
    await Promise.all([speaker.speak('Fast.'), advance(2000)]);
    expect(speaker.startLatencyMs).toBe(120);
  });
});
