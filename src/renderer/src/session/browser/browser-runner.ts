/** The live runner wired to the browser: performance.now and window timers, the API, speech, WebAudio, MediaRecorder. */
import type { SessionView } from '@shared/contract';
import { defaultSettings } from '@shared/contract';
import { call, subscribe } from '../../api/client';
import { settingsResource } from '../../api/settings';
import { playCue } from './cue-sound';
import { openMicrophone, preferredMimeType } from './microphone';
import { pickVoice, Speaker, waitForVoices } from './speech';
import { sendWhileLeaving } from './page-exit';
import { BrowserLiveSource } from './live-source';
import { RoundMedia } from './round-media';
import type { RunnerDeps, SpeakerPort, StreamPort } from '../engine/runner-deps';
import { SessionRunner } from '../engine/session-runner';

type BrowserStream = StreamPort & { stream: MediaStream };

const settings = () => settingsResource.getState().data ?? defaultSettings;

/**
 * A speaker that picks up a voice arriving late (a speech service still starting): until then it
 * is unavailable and the text is shown; from the next prompt or follow-up on it speaks.
 */
function lateVoiceSpeaker(voices: SpeechSynthesisVoice[]): SpeakerPort {
  const make = (list: SpeechSynthesisVoice[]) =>
    new Speaker(pickVoice(list, settings().voiceName), settings().speechRate);
  let inner = make(voices);
  if (!inner.available && typeof speechSynthesis !== 'undefined') {
    const upgrade = () => {
      const next = make(speechSynthesis.getVoices());
      if (!next.available) return;
      inner = next;
      speechSynthesis.removeEventListener('voiceschanged', upgrade);
    };
    speechSynthesis.addEventListener('voiceschanged', upgrade);
  }
  return {
    get available() {
      return inner.available;
    },
    get startLatencyMs() {
      return inner.startLatencyMs;
    },
    speak: (text, onStart) => inner.speak(text, onStart),
    warm: () => inner.warm(),
    cancel: () => inner.cancel(),
  };
}

export function browserRunnerDeps(): RunnerDeps {
  return {
    timers: {
      now: () => performance.now(),
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (timer) => window.clearTimeout(timer as number),
      setInterval: (fn, ms) => window.setInterval(fn, ms),
      clearInterval: (timer) => window.clearInterval(timer as number),
    },
    call,
    makeSpeaker: async () => lateVoiceSpeaker(await waitForVoices()),
    speechRate: () => settings().speechRate,
    endOfThought: () => ({ thinkTimeMs: settings().thinkTimeMs, longSilenceMs: settings().longSilenceMs }),
    loadVoices: () => void waitForVoices().catch(() => undefined),
    openMicrophone: async (): Promise<BrowserStream> => {
      const stream = await openMicrophone();
      return { stream, stopTracks: () => stream.getTracks().forEach((track) => track.stop()) };
    },
    mimeType: preferredMimeType,
    createMedia: (stream, recording, handlers) => new RoundMedia((stream as BrowserStream).stream, recording, handlers),
    cue: playCue,
    random: Math.random,
    sendWhileLeaving,
    onPageHide: (listener) => {
      window.addEventListener('pagehide', listener);
      return () => window.removeEventListener('pagehide', listener);
    },
    warn: (...args) => console.warn(...args),
    createLive: (stream) =>
      new BrowserLiveSource((stream as BrowserStream).stream, {
        call,
        subscribe,
        warn: (...args) => console.warn(...args),
        now: () => performance.now(),
      }),
  };
}

export function createSessionRunner(session: SessionView): SessionRunner {
  return new SessionRunner(session, browserRunnerDeps());
}
