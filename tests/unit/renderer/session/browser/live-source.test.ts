/**
 * The browser's LiveSource (session/browser/live-source.ts) under Node, with the API and the event
 * subscription faked and the audio capture stood in for (Node has no AudioContext; the real capture
 * runs in tests/e2e/live.spec.ts): it listens only when the main side says so, hears only its own
 * round's events, feeds the round screen's display, says "behind" once, places the capture on the
 * recording's timeline with paused time left out, and leaves no subscription behind at stop.
 */
import { describe, expect, it } from 'vitest';
import type { EventChannel } from '../../../../../src/shared/channels';
import type { LiveStartOutput, LiveStatus, LiveUtterance } from '../../../../../src/shared/contract';
import type { LiveCaptureOptions } from '../../../../../src/renderer/src/session/browser/live-capture';
import { BrowserLiveSource, type BrowserLiveDeps } from '../../../../../src/renderer/src/session/browser/live-source';
import { liveDisplay, liveOff } from '../../../../../src/renderer/src/session/browser/live-store';

const ids = { roundId: 'round-1', recordingId: 'recording-1' };

function harness(start: LiveStartOutput | Error, captureFails = false) {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const calls: string[] = [];
  let now = 1000;
  const capture = { state: 'none', options: null as LiveCaptureOptions | null, pausedAtStart: false };
  const deps: BrowserLiveDeps = {
    call: (async (channel: string) => {
      calls.push(channel);
      if (start instanceof Error) throw start;
      return start;
    }) as BrowserLiveDeps['call'],
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    warn: () => undefined,
    now: () => now,
    createCapture: (_stream, options) => {
      capture.options = options;
      return {
        start: async () => {
          if (captureFails) throw new Error('no AudioWorklet');
          // Like LiveCapture: a pause before start holds (the worklet is told at creation).
          if (capture.state === 'none') capture.state = 'running';
        },
        pause: () => (capture.state = 'paused'),
        resume: () => (capture.state = 'running'),
        stop: () => (capture.state = 'stopped'),
      };
    },
  };
  const source = new BrowserLiveSource({} as MediaStream, deps);
  const emit = (channel: EventChannel, payload: LiveUtterance | LiveStatus) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload as never);
  };
  const subscriptions = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { source, emit, subscriptions, calls, capture, advance: (ms: number) => (now += ms) };
}

const utterance = (round = ids, confidence: 'clear' | 'mentioned' = 'clear'): LiveUtterance => ({
  ...round,
  n: 0,
  startMs: 0,
  endMs: 900,
  text: 'buckets',
  words: [],
  coverage: [{ index: 0, confidence, evidenceStartMs: 0, evidenceEndMs: 900 }],
});
const status = (state: LiveStatus['state']): LiveStatus => ({ ...ids, state, backlogMs: 0, message: null });

describe('BrowserLiveSource', () => {
  it('without a model it does not listen: no capture, no subscription, nothing shown', async () => {
    const h = harness({ listening: false, reason: 'no-model', message: 'No speech model.' });
    const answer = await h.source.start({ ...ids, recordingStartPerfMs: 1000 });
    expect(answer).toEqual({ listening: false, reason: 'no-model', message: 'No speech model.' });
    expect(h.calls).toEqual(['live:start']);
    expect(h.capture.options).toBeNull();
    expect(h.subscriptions()).toBe(0);
    expect(liveDisplay.get()).toEqual(liveOff);
  });

  it('a failed live:start, or a capture that cannot start, runs the round as before', async () => {
    const refused = harness(new Error('not answering'));
    expect(await refused.source.start({ ...ids, recordingStartPerfMs: 0 })).toMatchObject({
      listening: false,
      reason: 'worker-failed',
    });
    const noWorklet = harness({ listening: true, modelId: 'm' }, true);
    expect(await noWorklet.source.start({ ...ids, recordingStartPerfMs: 0 })).toMatchObject({
      listening: false,
      reason: 'worker-failed',
      message: 'Live capture could not start: Error: no AudioWorklet',
    });
    expect(noWorklet.subscriptions()).toBe(0);
    expect(liveDisplay.get()).toEqual(liveOff);
  });

  it('listening: hears only its own round, shows coverage, says behind once, and unsubscribes everything at stop', async () => {
    const h = harness({ listening: true, modelId: 'm' });
    await h.source.start({ ...ids, recordingStartPerfMs: 1000 });
    expect(h.capture.state).toBe('running');
    expect(liveDisplay.get()).toEqual({ roundId: 'round-1', state: 'listening', coverage: [] });

    const heard: LiveUtterance[] = [];
    h.source.on('utterance', (u) => heard.push(u));
    h.emit('live:utterance', utterance({ ...ids, roundId: 'round-0' }));
    h.emit('live:utterance', utterance({ ...ids, recordingId: 'recording-0' }));
    expect(heard).toEqual([]);
    expect(liveDisplay.get().coverage).toEqual([]);
    h.emit('live:utterance', utterance(ids, 'mentioned'));
    expect(heard).toHaveLength(1);
    expect(liveDisplay.get().coverage).toEqual([
      { index: 0, confidence: 'mentioned', evidenceStartMs: 0, evidenceEndMs: 900 },
    ]);

    h.emit('live:status', status('behind'));
    h.emit('live:status', status('listening'));
    expect(liveDisplay.get().state).toBe('behind');

    expect(h.subscriptions()).toBe(3);
    h.source.stop();
    expect(h.capture.state).toBe('stopped');
    expect(liveDisplay.get()).toEqual(liveOff);
    // The source's own subscriptions are gone; the runner's (from on()) ends with its unsubscribe.
    expect(h.subscriptions()).toBe(1);
  });

  it('places the capture on the recording timeline: paused time is not on it', async () => {
    const h = harness({ listening: true, modelId: 'm' });
    h.source.pause();
    await h.source.start({ ...ids, recordingStartPerfMs: 1000 });
    expect(h.capture.state).toBe('paused');
    h.advance(4000);
    h.source.resume();
    expect(h.capture.state).toBe('running');
    h.advance(500);
    // Recording t0 was 1000; paused from the start until 5000, so 5500 is 500 ms into the recording.
    expect(h.capture.options!.recordingMsAt(5500)).toBe(500);
  });
});
