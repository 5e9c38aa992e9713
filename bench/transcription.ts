/**
 * Transcription speed with the tiny fixture model (tests/fixtures/asr): seconds of compute per
 * second of audio, decoding included, on a 10-minute recording's speech chunks. The fixture does
 * almost no arithmetic, so this measures Loop Coach's own path (decode, chunking, sherpa-onnx's
 * feature extraction and TDT loop) — not what a real model such as Parakeet-TDT costs.
 */
import path from 'node:path';
import { analyzeAudioFile } from '../src/main/services/analysis/analyze-file';
import { transcribeAudioFile } from '../src/main/services/analysis/transcribe';
import { longRecording } from './fixtures';
import { round, type Bench } from './figure';

const fixture = path.resolve(__dirname, '..', 'tests', 'fixtures', 'asr', 'tiny-tdt-fixture');

export const transcriptionBench: Bench = {
  name: 'transcription',
  figures: ['transcription_rtf'],
  async run() {
    const webm = longRecording(10);
    const { durationMs, segments: speech } = await analyzeAudioFile(webm);
    const files = {
      encoder: path.join(fixture, 'encoder.onnx'),
      decoder: path.join(fixture, 'decoder.onnx'),
      joiner: path.join(fixture, 'joiner.onnx'),
      tokens: path.join(fixture, 'tokens.txt'),
    };
    const started = performance.now();
    const segments = await transcribeAudioFile({ file: webm, family: 'nemo-transducer', files, speech });
    const seconds = (performance.now() - started) / 1000;
    return [
      {
        name: 'transcription_rtf',
        value: round(seconds / (durationMs / 1000), 4),
        unit: 'x',
        note: `fixture model, not a real one: ${seconds.toFixed(1)} s for ${(durationMs / 60000).toFixed(0)} min, ${segments.length} chunks`,
      },
    ];
  },
};
