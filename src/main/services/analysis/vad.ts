/**
 * Speech detection with Silero VAD run by sherpa-onnx (native, offline, ~60–100x real time here).
 * The model file ships inside @ricky0123/vad-web, so nothing is downloaded at run time.
 * Audio is fed in windows with a yield to the event loop every few seconds of audio, so the analysis
 * worker's progress messages go out (and an in-process caller keeps answering) during a long recording.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Segment } from '../../../shared/metrics';
import { unpackedPath } from '../app-root';

export type { Segment };

export const VAD_SAMPLE_RATE = 16000;
const WINDOW = 512;

type SherpaVad = {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  front(enableExternalBuffer: boolean): { start: number; samples: Float32Array };
  pop(): void;
  flush(): void;
};
type Sherpa = { Vad: new (config: unknown, bufferSeconds: number) => SherpaVad };

const load = createRequire(__filename);

export function vadModelPath(env: NodeJS.ProcessEnv = process.env): string {
  // LOOP_COACH_VAD_MODEL points at another model file (tests feed a corrupt one to the worker).
  if (env.LOOP_COACH_VAD_MODEL) return env.LOOP_COACH_VAD_MODEL;
  // vad-web has no "exports" map, so its dist files resolve directly.
  const pkg = load.resolve('@ricky0123/vad-web/package.json');
  return unpackedPath(path.join(path.dirname(pkg), 'dist', 'silero_vad_legacy.onnx'));
}

export type VadOptions = {
  /** Speech probability above which a window counts as speech. */
  threshold?: number;
  /** Pauses shorter than this stay inside one segment (seconds). */
  minSilence?: number;
  minSpeech?: number;
  /** Called every few seconds of audio with the fraction of the samples read so far. */
  onProgress?: (fraction: number) => void;
};

export async function detectSpeech(samples: Float32Array, options: VadOptions = {}): Promise<Segment[]> {
  const sherpa = load('sherpa-onnx-node') as Sherpa;
  const vad = new sherpa.Vad(
    {
      sileroVad: {
        model: vadModelPath(),
        threshold: options.threshold ?? 0.5,
        minSpeechDuration: options.minSpeech ?? 0.1,
        minSilenceDuration: options.minSilence ?? 0.15,
        windowSize: WINDOW,
        maxSpeechDuration: 600,
      },
      sampleRate: VAD_SAMPLE_RATE,
      numThreads: 1,
      debug: false,
    },
    30,
  );
  const segments: Segment[] = [];
  const drain = () => {
    while (!vad.isEmpty()) {
      // false: a copy in V8's memory. The default hands back native memory as an external buffer,
      // which Electron's V8 memory cage refuses ("External buffers are not allowed", sherpa-onnx #925).
      const s = vad.front(false);
      vad.pop();
      // Sample indices → integer ms on the recording's timeline.
      segments.push({ startMs: sampleToMs(s.start), endMs: sampleToMs(s.start + s.samples.length) });
    }
  };
  const yieldEvery = VAD_SAMPLE_RATE * 5;
  for (let i = 0; i + WINDOW <= samples.length; i += WINDOW) {
    vad.acceptWaveform(samples.subarray(i, i + WINDOW));
    drain();
    if (i % yieldEvery < WINDOW) {
      options.onProgress?.(i / samples.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  vad.flush();
  drain();
  return segments;
}

const sampleToMs = (sample: number) => Math.round((sample * 1000) / VAD_SAMPLE_RATE);
