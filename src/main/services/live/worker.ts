/**
 * The live worker: listens to the rounds being recorded (listener.ts) in a process of its own, so
 * speech detection and the model never run beside chunk appends, and a native crash ends only this
 * process (the round's recording is unaffected; its transcript is then made after the round). Started
 * by Electron's utilityProcess.fork (messages through process.parentPort) or by Node's
 * child_process.fork with structured-clone serialization (process.send); see process.ts.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { recognizerFor } from '../analysis/transcribe';
import { listenToParent, sendToParent } from '../infra/worker-port';
import { vadModelPath } from '../analysis/vad';
import { wordsFromTokens } from '../transcription/chunks';
import { GIVES_TOKEN_TIMES } from '../transcription/recognizer-config';
import type { TranscriptSegment } from '../../../shared/transcript';
import { coverageWith, type CoverageInputs } from '../words/coverage-inputs';
import {
  LIVE_MIN_SILENCE_MS,
  LIVE_RATE,
  LiveListener,
  type HeardUtterance,
  VAD_WINDOW,
  type LiveVad,
  type Recognize,
} from './listener';
import { readStandIn, standInText } from './stand-in';
import { liveWorkerRequest, type LiveWorkerRequest, type LiveWorkerResponse } from './worker-messages';

const load = createRequire(__filename);
const send: (message: LiveWorkerResponse) => void = sendToParent;

function makeVad(): LiveVad {
  const model = vadModelPath();
  // sherpa-onnx accepts a missing model and fails later in native code; say what is wrong instead.
  if (!fs.existsSync(model)) throw new Error(`The speech model file is missing (${model}).`);
  const sherpa = load('sherpa-onnx-node') as { Vad: new (config: unknown, bufferSeconds: number) => LiveVad };
  return new sherpa.Vad(
    {
      sileroVad: {
        model,
        threshold: 0.5,
        minSpeechDuration: 0.25,
        minSilenceDuration: LIVE_MIN_SILENCE_MS / 1000,
        windowSize: VAD_WINDOW,
        // Within the 30 s a Whisper-style model takes, with padding.
        maxSpeechDuration: 25,
      },
      sampleRate: LIVE_RATE,
      numThreads: 1,
      debug: false,
    },
    60,
  );
}

function makeRecognize(open: Extract<LiveWorkerRequest, { type: 'open' }>): Recognize {
  if (open.standIn) {
    const known = readStandIn(open.standIn);
    return (_samples, _chunk, heard) => ({ text: standInText(known, heard), words: [] });
  }
  const recognizer = recognizerFor(open.family, open.files);
  const withTimes = GIVES_TOKEN_TIMES[open.family];
  return (samples, chunk) => {
    const stream = recognizer.createStream();
    stream.acceptWaveform({ samples, sampleRate: LIVE_RATE });
    recognizer.decode(stream);
    const result = recognizer.getResult(stream);
    return { text: result.text, words: withTimes ? wordsFromTokens(result, chunk) : [] };
  };
}

type Round = { listener: LiveListener; coverage: CoverageInputs; heard: TranscriptSegment[] };
const rounds = new Map<string, Round>();

/**
 * Sends each utterance with the review's coverage over all heard so far. Computed here: the matcher
 * reads every utterance again each time, which in a long round would otherwise block the main
 * process (and its chunk appends) for longer after each one.
 */
function emit(recordingId: string, round: Round, heard: HeardUtterance[]): void {
  for (const u of heard) {
    if (!u.text) continue;
    round.heard.push(u);
    const coverage = coverageWith(round.coverage, round.heard).map((p) => ({
      index: p.index,
      confidence: p.confidence,
      evidenceStartMs: p.evidenceStartMs,
      evidenceEndMs: p.evidenceEndMs,
    }));
    send({ type: 'utterance', recordingId, ...u, coverage });
  }
}

function onRequest(raw: unknown): void {
  const parsed = liveWorkerRequest.safeParse(raw);
  if (!parsed.success) {
    const recordingId = String((raw as { recordingId?: unknown } | null)?.recordingId ?? '');
    send({ type: 'failed', recordingId, message: `The live worker got a malformed request: ${parsed.error.message}` });
    return;
  }
  const request = parsed.data;
  const { recordingId } = request;
  try {
    switch (request.type) {
      case 'open':
        rounds.set(recordingId, {
          listener: new LiveListener(makeVad(), makeRecognize(request)),
          coverage: request.coverage,
          heard: [],
        });
        return send({ type: 'opened', recordingId });
      case 'frames': {
        const round = rounds.get(recordingId);
        if (!round) return;
        const pcm = new Int16Array(request.pcm.byteLength >> 1);
        // Little-endian by the contract, whatever the machine's order.
        const view = new DataView(request.pcm.buffer, request.pcm.byteOffset, request.pcm.byteLength);
        for (let i = 0; i < pcm.length; i++) pcm[i] = view.getInt16(i * 2, true);
        emit(recordingId, round, round.listener.accept(request.startSample, pcm));
        return send({ type: 'processed', recordingId, sample: round.listener.processed });
      }
      case 'finish': {
        const round = rounds.get(recordingId);
        if (!round) return send({ type: 'failed', recordingId, message: 'The live worker was not listening to it.' });
        emit(recordingId, round, round.listener.finish());
        rounds.delete(recordingId);
        return send({ type: 'finished', recordingId, sample: round.listener.processed });
      }
      case 'close':
        rounds.delete(recordingId);
        return;
    }
  } catch (error) {
    rounds.delete(recordingId);
    send({ type: 'failed', recordingId, message: (error as Error).message });
  }
}

listenToParent(onRequest, 'live worker');
send({ type: 'ready' });
