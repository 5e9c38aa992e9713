/**
 * Maps an installed model's family and files to sherpa-onnx-node's OfflineRecognizer config. Every
 * family needs its own roles; a missing one is named here instead of failing inside native code.
 */
import type { ModelFamily, ModelFileRole } from '../models/installed';

type Files = Partial<Record<ModelFileRole, string>>;

const REQUIRED: Record<ModelFamily, ModelFileRole[]> = {
  'nemo-transducer': ['encoder', 'decoder', 'joiner', 'tokens'],
  transducer: ['encoder', 'decoder', 'joiner', 'tokens'],
  whisper: ['encoder', 'decoder', 'tokens'],
  moonshine: ['preprocessor', 'encoder', 'uncached_decoder', 'cached_decoder', 'tokens'],
  'nemo-ctc': ['model', 'tokens'],
  'zipformer-ctc': ['model', 'tokens'],
};

/** Whether the family's results carry per-token times (sherpa-onnx gives none for Whisper and Moonshine). */
export const GIVES_TOKEN_TIMES: Record<ModelFamily, boolean> = {
  'nemo-transducer': true,
  transducer: true,
  whisper: false,
  moonshine: false,
  'nemo-ctc': true,
  'zipformer-ctc': true,
};

export const ASR_SAMPLE_RATE = 16000;

export function recognizerConfig(family: ModelFamily, files: Files, numThreads: number): Record<string, unknown> {
  const missing = REQUIRED[family].filter((role) => !files[role]);
  if (missing.length > 0)
    throw new Error(`A ${family} model needs the files ${missing.join(', ')}; it has none for them.`);
  const f = files as Required<Files>;
  const model = (() => {
    switch (family) {
      case 'nemo-transducer':
        return {
          transducer: { encoder: f.encoder, decoder: f.decoder, joiner: f.joiner },
          modelType: 'nemo_transducer',
        };
      case 'transducer':
        return { transducer: { encoder: f.encoder, decoder: f.decoder, joiner: f.joiner }, modelType: 'transducer' };
      case 'whisper':
        return { whisper: { encoder: f.encoder, decoder: f.decoder, language: 'en', task: 'transcribe' } };
      case 'moonshine':
        return {
          moonshine: {
            preprocessor: f.preprocessor,
            encoder: f.encoder,
            uncachedDecoder: f.uncached_decoder,
            cachedDecoder: f.cached_decoder,
          },
        };
      case 'nemo-ctc':
        return { nemoCtc: { model: f.model } };
      case 'zipformer-ctc':
        return { zipformerCtc: { model: f.model } };
    }
  })();
  return {
    featConfig: { sampleRate: ASR_SAMPLE_RATE, featureDim: 80 },
    modelConfig: { ...model, tokens: f.tokens, numThreads, provider: 'cpu', debug: 0 },
    decodingMethod: 'greedy_search',
  };
}
