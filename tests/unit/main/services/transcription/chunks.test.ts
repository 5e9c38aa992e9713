/** The pure parts of transcription: chunks for the model, tokens to timed words, family → config. */
import { describe, expect, it } from 'vitest';
import {
  MAX_CHUNK_MS,
  transcriptionChunks,
  wordsFromTokens,
} from '../../../../../src/main/services/transcription/chunks';
import { recognizerConfig } from '../../../../../src/main/services/transcription/recognizer-config';
import { wordErrorRate } from '../../../../../src/main/services/transcription/wer';

describe('transcription chunks', () => {
  it('joins speech across short pauses, keeps long pauses apart, pads without overlapping or leaving the recording', () => {
    const chunks = transcriptionChunks(
      [
        { startMs: 100, endMs: 1000 },
        { startMs: 1500, endMs: 2000 }, // 500 ms pause: same chunk
        { startMs: 5000, endMs: 6000 }, // 3 s pause: a new chunk
      ],
      6050,
    );
    expect(chunks).toEqual([
      { startMs: 0, endMs: 2150 },
      { startMs: 4850, endMs: 6050 },
    ]);
  });

  it('cuts a segment longer than 30 s into parts that each fit, covering all of it in order', () => {
    const chunks = transcriptionChunks([{ startMs: 10_000, endMs: 100_000 }], 200_000);
    expect(chunks.length).toBe(4);
    for (const c of chunks) expect(c.endMs - c.startMs).toBeLessThanOrEqual(MAX_CHUNK_MS);
    expect(chunks[0]!.startMs).toBe(9850);
    expect(chunks.at(-1)!.endMs).toBe(100_150);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.startMs).toBe(chunks[i - 1]!.endMs);
  });

  it('never joins past 30 s even when the pauses are short', () => {
    const speech = Array.from({ length: 40 }, (_, i) => ({ startMs: i * 2000, endMs: i * 2000 + 1800 }));
    const chunks = transcriptionChunks(speech, 80_000);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.endMs - c.startMs).toBeLessThanOrEqual(MAX_CHUNK_MS);
  });
});

describe('words from tokens', () => {
  const chunk = { startMs: 10_000, endMs: 12_000 };

  it('starts a word at each leading space, joins pieces, ends a TDT word where its last token ends', () => {
    const words = wordsFromTokens(
      {
        text: 'loop coach',
        tokens: [' lo', 'op', ' coach'],
        timestamps: [0.08, 0.08, 0.24],
        durations: [0, 0.16, 0.16],
      },
      chunk,
    );
    expect(words).toEqual([
      { text: 'loop', startMs: 10_080, endMs: 10_240 },
      { text: 'coach', startMs: 10_240, endMs: 10_400 },
    ]);
  });

  it('without durations a word ends where the next starts, the last one within the chunk', () => {
    const words = wordsFromTokens({ text: 'a b', tokens: ['▁a', '▁b'], timestamps: [0.1, 1.9] }, chunk);
    expect(words).toEqual([
      { text: 'a', startMs: 10_100, endMs: 11_900 },
      { text: 'b', startMs: 11_900, endMs: 12_000 },
    ]);
  });

  it('gives no words when the model gives no times (Whisper, Moonshine)', () => {
    expect(wordsFromTokens({ text: 'hello there', tokens: [' hello', ' there'], timestamps: [] }, chunk)).toEqual([]);
  });
});

describe('recognizer config', () => {
  it('maps a NeMo transducer to sherpa-onnx nemo_transducer with its three models and tokens', () => {
    const config = recognizerConfig(
      'nemo-transducer',
      { encoder: '/m/e.onnx', decoder: '/m/d.onnx', joiner: '/m/j.onnx', tokens: '/m/t.txt' },
      2,
    );
    expect(config.modelConfig).toMatchObject({
      transducer: { encoder: '/m/e.onnx', decoder: '/m/d.onnx', joiner: '/m/j.onnx' },
      tokens: '/m/t.txt',
      modelType: 'nemo_transducer',
      numThreads: 2,
    });
  });

  it('names the files a family is missing', () => {
    expect(() => recognizerConfig('moonshine', { encoder: '/e', tokens: '/t' }, 1)).toThrow(
      'A moonshine model needs the files preprocessor, uncached_decoder, cached_decoder',
    );
  });
});

describe('word error rate', () => {
  it('ignores case, punctuation and spacing, and counts each kind of edit', () => {
    expect(wordErrorRate('Hash maps, mostly.', 'hash  maps mostly')).toMatchObject({ wer: 0, referenceWords: 3 });
    const r = wordErrorRate('the table doubles and rehashes', 'table doubles and rehashes every key');
    expect(r).toMatchObject({ substitutions: 0, deletions: 1, insertions: 2, referenceWords: 5 });
    expect(r.wer).toBeCloseTo(3 / 5);
    expect(wordErrorRate('grows the table', 'grows a table')).toMatchObject({ substitutions: 1, wer: 1 / 3 });
  });
});
