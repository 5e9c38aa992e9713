/**
 * Electron's V8 memory cage, for the processes the stand-in plays (main and utility processes).
 *
 * Electron (>= 21) builds V8 with its sandbox, so Node-API's napi_create_external_arraybuffer fails
 * with napi_no_external_buffers_allowed and node-addon-api throws "External buffers are not allowed"
 * (Node-API docs; electron #35801; sherpa-onnx PR #925 and issue #3108). Plain Node allows them, so
 * code that works in every Node test can fail in the app. Node has no switch for this, so the
 * stand-in refuses, at the addon's boundary, each native function that would hand back external
 * memory: the same error, in the same call.
 *
 * sherpa-onnx-node is the native addon here that can make them. Its node-addon-api sources
 * (scripts/node-addon-api/src/*.cc) take a flag per call that defaults to true — an external buffer —
 * whenever the flag is missing or not a boolean; only an explicit `false` copies into V8 memory.
 * Every export of the addon is classified below; `unclassifiedSherpaExports()` names the ones an
 * upgrade added, so a new function cannot slip past the cage unread (tests/unit/main/electron/external-buffers.test.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export const EXTERNAL_BUFFERS_NOT_ALLOWED = 'External buffers are not allowed';

/** Where a function's enableExternalBuffer flag is: a positional argument, or a field of an object argument. */
type Flag = { arg: number } | { field: 'enableExternalBuffer'; of: number };

/** The sherpa-onnx exports that create an external ArrayBuffer unless asked not to (read from vad.cc, wave-reader.cc, speaker-identification.cc, non-streaming-tts.cc, *speech-denoiser.cc). */
export const sherpaExternalBufferFlags: Record<string, Flag> = {
  voiceActivityDetectorFront: { arg: 1 },
  circularBufferGet: { arg: 3 },
  readWave: { arg: 1 },
  readWaveFromBinary: { arg: 1 },
  speakerEmbeddingExtractorComputeEmbedding: { arg: 2 },
  onlineSpeechDenoiserFlushWrapper: { arg: 1 },
  offlineTtsGenerate: { field: 'enableExternalBuffer', of: 1 },
  offlineTtsGenerateWithConfig: { field: 'enableExternalBuffer', of: 1 },
  offlineTtsGenerateAsync: { field: 'enableExternalBuffer', of: 1 },
  offlineTtsGenerateAsyncWithConfig: { field: 'enableExternalBuffer', of: 1 },
  offlineSpeechDenoiserRunWrapper: { field: 'enableExternalBuffer', of: 1 },
  onlineSpeechDenoiserRunWrapper: { field: 'enableExternalBuffer', of: 1 },
};

/** The exports read and found to copy (JSON strings, numbers, handles, or V8-owned arrays such as resampleLinear's). */
export const sherpaCopyingExports = new Set(
  `createOnlineRecognizer createOnlineStream acceptWaveformOnline onlineStreamSetOption onlineStreamGetOption
  onlineStreamHasOption isOnlineStreamReady decodeOnlineStream decodeMultipleOnlineStreams getOnlineStreamResultAsJson
  inputFinished reset isEndpoint createDisplay print createOfflineRecognizer createOfflineRecognizerAsync
  createOfflineStream acceptWaveformOffline offlineStreamSetOption decodeOfflineStream decodeOfflineStreamAsync
  offlineRecognizerSetConfig getOfflineStreamResultAsJson createOfflineTts createOfflineTtsAsync
  getOfflineTtsSampleRate getOfflineTtsNumSpeakers createCircularBuffer circularBufferPush circularBufferPop
  circularBufferSize circularBufferHead circularBufferReset createVoiceActivityDetector
  voiceActivityDetectorAcceptWaveform voiceActivityDetectorIsEmpty voiceActivityDetectorIsDetected
  voiceActivityDetectorPop voiceActivityDetectorClear voiceActivityDetectorReset voiceActivityDetectorFlush writeWave
  createSpokenLanguageIdentification createSpokenLanguageIdentificationOfflineStream spokenLanguageIdentificationCompute
  createSpeakerEmbeddingExtractor speakerEmbeddingExtractorDim speakerEmbeddingExtractorCreateStream
  speakerEmbeddingExtractorIsReady createSpeakerEmbeddingManager speakerEmbeddingManagerAdd
  speakerEmbeddingManagerAddListFlattened speakerEmbeddingManagerRemove speakerEmbeddingManagerSearch
  speakerEmbeddingManagerVerify speakerEmbeddingManagerContains speakerEmbeddingManagerNumSpeakers
  speakerEmbeddingManagerGetAllSpeakers createAudioTagging audioTaggingCreateOfflineStream audioTaggingCompute
  createOfflinePunctuation offlinePunctuationAddPunct createOnlinePunctuation onlinePunctuationAddPunct
  createKeywordSpotter createKeywordStream isKeywordStreamReady decodeKeywordStream resetKeywordStream
  getKeywordResultAsJson createOfflineSpeakerDiarization getOfflineSpeakerDiarizationSampleRate
  offlineSpeakerDiarizationProcess offlineSpeakerDiarizationProcessAsync offlineSpeakerDiarizationSetConfig
  createOfflineSpeechDenoiser offlineSpeechDenoiserGetSampleRateWrapper createOnlineSpeechDenoiser
  onlineSpeechDenoiserResetWrapper onlineSpeechDenoiserGetSampleRateWrapper
  onlineSpeechDenoiserGetFrameShiftInSamplesWrapper version gitSha1 gitDate onnxruntimeVersion createLinearResampler
  resampleLinear linearResamplerReset linearResamplerGetInputSampleRate linearResamplerGetOutputSampleRate`.split(
    /\s+/,
  ),
);

/** The native code makes an external buffer unless the flag is exactly `false`. */
function wouldMakeExternal(flag: Flag, args: unknown[]): boolean {
  if ('arg' in flag) return args[flag.arg] !== false;
  const request = args[flag.of];
  return !(request && typeof request === 'object' && (request as Record<string, unknown>)[flag.field] === false);
}

const caged = Symbol.for('loop-coach.electron-memory-cage');

/** Wraps the addon's external-buffer functions in place (its JS wrappers look them up at each call). */
export function cageSherpaAddon(addon: Record<string | symbol, unknown>): void {
  if (addon[caged]) return;
  for (const [name, flag] of Object.entries(sherpaExternalBufferFlags)) {
    const native = addon[name];
    if (typeof native !== 'function') continue;
    const isAsync = name.endsWith('Async') || name.endsWith('AsyncWithConfig');
    addon[name] = function (this: unknown, ...args: unknown[]) {
      if (wouldMakeExternal(flag, args)) {
        const error = new Error(EXTERNAL_BUFFERS_NOT_ALLOWED);
        // The async ones fail when their result is made, so their promise rejects.
        if (isAsync) return Promise.reject(error);
        throw error;
      }
      return (native as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  addon[caged] = true;
}

/** Exports of a loaded sherpa-onnx addon that neither list above knows. */
export function unclassifiedSherpaExports(addon: Record<string, unknown>): string[] {
  return Object.keys(addon).filter((k) => !(k in sherpaExternalBufferFlags) && !sherpaCopyingExports.has(k));
}

type Dlopen = (module: { exports: unknown }, filename: string, ...flags: number[]) => void;

/**
 * From now on in this process, every sherpa-onnx addon loaded (by any path: sherpa-onnx-node's own
 * search, a packaged copy) is caged. Electron wraps process.dlopen too; this hooks the same place.
 */
export function refuseExternalBuffers(): void {
  const processWithDlopen = process as unknown as { dlopen: Dlopen & { [caged]?: boolean } };
  if (processWithDlopen.dlopen[caged]) return;
  const original = processWithDlopen.dlopen;
  const hooked: Dlopen & { [caged]?: boolean } = function (this: unknown, module, filename, ...flags) {
    original.call(this, module, filename, ...flags);
    if (path.basename(filename) === 'sherpa-onnx.node') cageSherpaAddon(module.exports as Record<string, unknown>);
  };
  hooked[caged] = true;
  processWithDlopen.dlopen = hooked;
  // An addon this process loaded before the hook is caged where it sits.
  for (const [file, module] of Object.entries(createRequire(__filename).cache)) {
    if (path.basename(file) === 'sherpa-onnx.node' && module)
      cageSherpaAddon(module.exports as Record<string, unknown>);
  }
}
