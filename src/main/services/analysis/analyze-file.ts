/** Decodes any audio file with ffmpeg and finds its speech: the context-free part of analysis. */
import { decodeToPcm } from '../recording/ffmpeg';
import { refineBoundaries } from './refine';
import { detectSpeech, VAD_SAMPLE_RATE, type Segment, type VadOptions } from './vad';

export async function analyzeAudioFile(
  file: string,
  options: VadOptions = {},
): Promise<{ durationMs: number; segments: Segment[] }> {
  const pcm = await decodeToPcm(file, VAD_SAMPLE_RATE);
  const samples = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) samples[i] = pcm[i]! / 32768;
  const segments = refineBoundaries(samples, VAD_SAMPLE_RATE, await detectSpeech(samples, options));
  return { durationMs: Math.round((pcm.length / VAD_SAMPLE_RATE) * 1000), segments };
}
