/** The built-in catalogue: what Settings → Transcription offers a user, checked by the same schema a test's catalogue is. */
import { describe, expect, it } from 'vitest';
import { modelCatalogue } from '../../../../../src/shared/contract';
import { builtinCatalogue } from '../../../../../src/main/services/models/catalog';

describe('the built-in model catalogue', () => {
  it('parses, offers one recommended model, and fetches every file over HTTPS from Hugging Face, one file per URL', () => {
    expect(modelCatalogue.parse(builtinCatalogue)).toEqual(builtinCatalogue);
    expect(builtinCatalogue.filter((m) => m.recommended).map((m) => m.id)).toEqual(['parakeet-tdt-0.6b-v2-int8']);
    for (const model of builtinCatalogue)
      for (const file of model.files) {
        expect(file.url).toMatch(/^https:\/\/huggingface\.co\/csukuangfj\/[\w.-]+\/resolve\/[\w]+\//);
        expect(file.url.endsWith(`/${file.name}`)).toBe(true);
        expect(file.url).not.toMatch(/\.tar\.bz2$/);
      }
  });

  it('a pinned model pins every file’s SHA-256 and size, and a revision (not a moving branch)', () => {
    const pinned = builtinCatalogue.filter((m) => m.checksumSource === 'pinned');
    expect(pinned.length).toBeGreaterThan(0);
    for (const model of pinned) {
      for (const file of model.files) {
        expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(file.bytes).toBeGreaterThan(0);
        expect(file.url).toMatch(/\/resolve\/[0-9a-f]{40}\//);
      }
      expect(model.sizeBytes).toBe(model.files.reduce((a, f) => a + f.bytes!, 0));
    }
  });

  it('every family has the files its sherpa-onnx config needs', () => {
    const needs: Record<string, string[]> = {
      whisper: ['decoder', 'encoder', 'tokens'],
      'nemo-transducer': ['decoder', 'encoder', 'joiner', 'tokens'],
      transducer: ['decoder', 'encoder', 'joiner', 'tokens'],
    };
    for (const model of builtinCatalogue) expect(model.files.map((f) => f.role).sort()).toEqual(needs[model.family]);
  });
});
