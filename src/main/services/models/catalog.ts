/**
 * The speech-to-text models a user can pick in Settings → Transcription. Every file is fetched on its
 * own over HTTPS from the model's published home (Hugging Face repos of sherpa-onnx's exports, which
 * serve each file at `resolve/<revision>/<name>`); GitHub release tarballs are one archive and are not
 * used. A file's SHA-256 is pinned here where one is known; otherwise ("host") the download manager asks
 * Hugging Face for the hash it publishes for that file (the `X-Linked-Etag` of an LFS file, the git blob
 * id of a small one) just before fetching it, and pins the revision the host answered with.
 * Sizes are the host's listing (approximate where `bytes` is null). docs/transcription.md,
 * "Models and downloads", explains the choice.
 */
import fs from 'node:fs';
import { modelCatalogue, type ModelCatalogue } from '../../../shared/contract';

const hf = (repo: string, revision: string, name: string) =>
  `https://huggingface.co/${repo}/resolve/${revision}/${name}`;

const PARAKEET_V2 = 'csukuangfj/sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8';
const PARAKEET_V3 = 'csukuangfj/sherpa-onnx-nemo-parakeet-tdt-0.6b-v3-int8';
/** The v3 revision whose four files' sizes and SHA-256 were published (and are pinned below). */
const PARAKEET_V3_REVISION = '2bda32ec70b097a55adaa07d9a7173915b43cc78';
const WHISPER_BASE_EN = 'csukuangfj/sherpa-onnx-whisper-base.en';
const WHISPER_TINY_EN = 'csukuangfj/sherpa-onnx-whisper-tiny.en';
const WHISPER_SMALL = 'csukuangfj/sherpa-onnx-whisper-small';

export const builtinCatalogue: ModelCatalogue = modelCatalogue.parse([
  {
    id: 'parakeet-tdt-0.6b-v2-int8',
    title: 'Parakeet TDT 0.6B v2 (English, int8)',
    family: 'nemo-transducer',
    licence: 'CC-BY-4.0',
    sizeBytes: 661_000_000,
    languages: ['en'],
    timestamps: 'token',
    hesitations: false,
    summary:
      'NVIDIA’s English transducer: the most accurate of these, with punctuation and a time for every word piece. The largest download (about 660 MB).',
    recommended: true,
    homepage: `https://huggingface.co/${PARAKEET_V2}`,
    checksumSource: 'host',
    files: [
      {
        role: 'encoder',
        name: 'encoder.int8.onnx',
        url: hf(PARAKEET_V2, 'main', 'encoder.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      {
        role: 'decoder',
        name: 'decoder.int8.onnx',
        url: hf(PARAKEET_V2, 'main', 'decoder.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      {
        role: 'joiner',
        name: 'joiner.int8.onnx',
        url: hf(PARAKEET_V2, 'main', 'joiner.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      { role: 'tokens', name: 'tokens.txt', url: hf(PARAKEET_V2, 'main', 'tokens.txt'), sha256: null, bytes: null },
    ],
  },
  {
    id: 'parakeet-tdt-0.6b-v3-int8',
    title: 'Parakeet TDT 0.6B v3 (25 European languages, int8)',
    family: 'nemo-transducer',
    licence: 'CC-BY-4.0',
    sizeBytes: 652_184_281 + 11_845_275 + 6_355_277 + 93_939,
    languages: ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt', 'sv', 'da', 'fi', 'cs', 'ro', 'uk', 'ru'],
    timestamps: 'token',
    hesitations: false,
    summary: 'The multilingual Parakeet: English plus 24 European languages, punctuation and token times.',
    homepage: `https://huggingface.co/${PARAKEET_V3}`,
    checksumSource: 'pinned',
    files: [
      {
        role: 'encoder',
        name: 'encoder.int8.onnx',
        url: hf(PARAKEET_V3, PARAKEET_V3_REVISION, 'encoder.int8.onnx'),
        sha256: 'acfc2b4456377e15d04f0243af540b7fe7c992f8d898d751cf134c3a55fd2247',
        bytes: 652_184_281,
      },
      {
        role: 'decoder',
        name: 'decoder.int8.onnx',
        url: hf(PARAKEET_V3, PARAKEET_V3_REVISION, 'decoder.int8.onnx'),
        sha256: '179e50c43d1a9de79c8a24149a2f9bac6eb5981823f2a2ed88d655b24248db4e',
        bytes: 11_845_275,
      },
      {
        role: 'joiner',
        name: 'joiner.int8.onnx',
        url: hf(PARAKEET_V3, PARAKEET_V3_REVISION, 'joiner.int8.onnx'),
        sha256: '3164c13fc2821009440d20fcb5fdc78bff28b4db2f8d0f0b329101719c0948b3',
        bytes: 6_355_277,
      },
      {
        role: 'tokens',
        name: 'tokens.txt',
        url: hf(PARAKEET_V3, PARAKEET_V3_REVISION, 'tokens.txt'),
        sha256: 'd58544679ea4bc6ac563d1f545eb7d474bd6cfa467f0a6e2c1dc1c7d37e3c35d',
        bytes: 93_939,
      },
    ],
  },
  {
    id: 'whisper-base.en-int8',
    title: 'Whisper base.en (English, int8)',
    family: 'whisper',
    licence: 'MIT',
    sizeBytes: 161_000_000,
    languages: ['en'],
    timestamps: 'segment',
    hesitations: false,
    summary: 'OpenAI’s small English Whisper: a quarter of Parakeet’s size, fewer words right, times per segment only.',
    homepage: `https://huggingface.co/${WHISPER_BASE_EN}`,
    checksumSource: 'host',
    files: [
      {
        role: 'encoder',
        name: 'base.en-encoder.int8.onnx',
        url: hf(WHISPER_BASE_EN, 'main', 'base.en-encoder.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      {
        role: 'decoder',
        name: 'base.en-decoder.int8.onnx',
        url: hf(WHISPER_BASE_EN, 'main', 'base.en-decoder.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      {
        role: 'tokens',
        name: 'base.en-tokens.txt',
        url: hf(WHISPER_BASE_EN, 'main', 'base.en-tokens.txt'),
        sha256: null,
        bytes: null,
      },
    ],
  },
  {
    id: 'whisper-tiny.en-int8',
    title: 'Whisper tiny.en (English, int8)',
    family: 'whisper',
    licence: 'MIT',
    sizeBytes: 103_600_000,
    languages: ['en'],
    timestamps: 'segment',
    hesitations: false,
    summary: 'The smallest download and the fastest, with the most mistakes; good enough to try transcripts out.',
    homepage: `https://huggingface.co/${WHISPER_TINY_EN}`,
    checksumSource: 'host',
    files: [
      {
        role: 'encoder',
        name: 'tiny.en-encoder.int8.onnx',
        url: hf(WHISPER_TINY_EN, 'main', 'tiny.en-encoder.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      {
        role: 'decoder',
        name: 'tiny.en-decoder.int8.onnx',
        url: hf(WHISPER_TINY_EN, 'main', 'tiny.en-decoder.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      {
        role: 'tokens',
        name: 'tiny.en-tokens.txt',
        url: hf(WHISPER_TINY_EN, 'main', 'tiny.en-tokens.txt'),
        sha256: null,
        bytes: null,
      },
    ],
  },
  {
    id: 'whisper-small-int8',
    title: 'Whisper small (multilingual, int8)',
    family: 'whisper',
    licence: 'MIT',
    sizeBytes: 375_000_000,
    languages: ['en', 'multilingual'],
    timestamps: 'segment',
    hesitations: false,
    summary: 'A larger multilingual Whisper: better than base on accented speech, slower, times per segment only.',
    homepage: `https://huggingface.co/${WHISPER_SMALL}`,
    checksumSource: 'host',
    files: [
      {
        role: 'encoder',
        name: 'small-encoder.int8.onnx',
        url: hf(WHISPER_SMALL, 'main', 'small-encoder.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      {
        role: 'decoder',
        name: 'small-decoder.int8.onnx',
        url: hf(WHISPER_SMALL, 'main', 'small-decoder.int8.onnx'),
        sha256: null,
        bytes: null,
      },
      {
        role: 'tokens',
        name: 'small-tokens.txt',
        url: hf(WHISPER_SMALL, 'main', 'small-tokens.txt'),
        sha256: null,
        bytes: null,
      },
    ],
  },
]);

/**
 * A catalogue from a JSON file (tests, `--model-catalog FILE`): parsed with the same rules as the
 * built-in one, so a hostile file (a name with a path in it, plain http to another host) is refused.
 */
export function loadCatalogueFile(file: string): ModelCatalogue {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The model catalogue ${file} could not be read as JSON: ${(error as Error).message}`);
  }
  const parsed = modelCatalogue.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `The model catalogue ${file} is not valid: ${issue.path.join('.') || 'catalogue'}: ${issue.message}`,
    );
  }
  return parsed.data;
}
