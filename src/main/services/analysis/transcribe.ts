/**
 * Transcription inside the analysis worker: decodes the recording, finds its speech (or takes the
 * segments the analysis already found), and runs sherpa-onnx's OfflineRecognizer on each chunk of
 * at most 30 s. Recognizers are kept per model while the worker lives: loading a 600 MB encoder
 * takes seconds, a chunk far less.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import type { Segment } from '../../../shared/metrics';
import type { TranscriptSegment } from '../../../shared/transcript';
import type { ModelFamily, ModelFileRole } from '../models/installed';
import { decodeToPcm } from '../recording/ffmpeg';
import { transcriptionChunks, wordsFromTokens, type RecognizerResult } from '../transcription/chunks';
import { ASR_SAMPLE_RATE, GIVES_TOKEN_TIMES, recognizerConfig } from '../transcription/recognizer-config';
import { refineBoundaries } from './refine';
import { detectSpeech } from './vad';

type Stream = { acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void };
export type Recognizer = {
  createStream(): Stream;
  decode(stream: Stream): void;
  getResult(stream: Stream): RecognizerResult;
};
type Sherpa = { OfflineRecognizer: new (config: unknown) => Recognizer };

const load = createRequire(__filename);
const recognizers = new Map<string, Recognizer>();

export type TranscribeInput = {
  file: string;
  family: ModelFamily;
  files: Partial<Record<ModelFileRole, string>>;
  /** The analysis's speech segments; null when the round has none yet (found here then). */
  speech: Segment[] | null;
};

export function recognizerFor(family: ModelFamily, files: TranscribeInput['files']): Recognizer {
  // A model downloaded again under the same paths is a new recognizer, not the one in memory.
  const stamps = Object.values(files).map((f) => {
    const stat = fs.statSync(f);
    return [stat.size, stat.mtimeMs];
  });
  const key = JSON.stringify([family, files, stamps]);
  let recognizer = recognizers.get(key);
  if (!recognizer) {
    // One core stays free for the app; a laptop's other cores go to the model.
    const threads = Math.max(1, Math.min(4, os.availableParallelism() - 1));
    const sherpa = load('sherpa-onnx-node') as Sherpa;
    recognizer = new sherpa.OfflineRecognizer(recognizerConfig(family, files, threads));
    recognizers.set(key, recognizer);
  }
  return recognizer;
}

export async function transcribeAudioFile(
  input: TranscribeInput,
  onProgress: (fraction: number) => void = () => {},
): Promise<TranscriptSegment[]> {
  const recognizer = recognizerFor(input.family, input.files);
  const pcm = await decodeToPcm(input.file, ASR_SAMPLE_RATE);
  const durationMs = Math.round((pcm.length / ASR_SAMPLE_RATE) * 1000);
  const toFloat = (from: number, to: number) => {
    const out = new Float32Array(Math.max(0, to - from));
    for (let i = 0; i < out.length; i++) out[i] = pcm[from + i]! / 32768;
    return out;
  };
  let speech = input.speech;
  if (!speech) {
    const samples = toFloat(0, pcm.length);
    speech = refineBoundaries(samples, ASR_SAMPLE_RATE, await detectSpeech(samples));
  }
  const chunks = transcriptionChunks(speech, durationMs);
  const withTimes = GIVES_TOKEN_TIMES[input.family];
  const segments: TranscriptSegment[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const from = Math.floor((chunk.startMs * ASR_SAMPLE_RATE) / 1000);
    const to = Math.min(pcm.length, Math.ceil((chunk.endMs * ASR_SAMPLE_RATE) / 1000));
    const stream = recognizer.createStream();
    stream.acceptWaveform({ samples: toFloat(from, to), sampleRate: ASR_SAMPLE_RATE });
    recognizer.decode(stream);
    const result = recognizer.getResult(stream);
    const text = result.text.trim();
    if (text) segments.push({ ...chunk, text, words: withTimes ? wordsFromTokens(result, chunk) : [] });
    onProgress((i + 1) / chunks.length);
    // Let the progress message go out before the next chunk blocks the thread.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return segments;
}
