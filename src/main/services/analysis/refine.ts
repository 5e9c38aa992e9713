/**
 * Tightens VAD segment edges with the signal's own energy. Silero's windows (32 ms) and its silence
 * hang-over leave ends up to a few hundred ms late, more so after opus coding; walking each edge in to
 * the last 10 ms frame clearly above the background brings boundaries within ±0.2 s.
 */
import type { Segment } from './vad';

/** Energy frame length; segment edges (integer ms) map to frames by dividing by it. */
const FRAME_MS = 10;
/** How far an edge may move: the VAD's own uncertainty at the start and (with its hang-over) the end. */
const MAX_START_SHIFT_MS = 300;
const MAX_END_SHIFT_MS = 500;

export function refineBoundaries(samples: Float32Array, sampleRate: number, segments: Segment[]): Segment[] {
  const frame = Math.round((sampleRate * FRAME_MS) / 1000);
  const frames = Math.floor(samples.length / frame);
  if (frames === 0 || segments.length === 0) return segments;
  const energy = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) sum += samples[i]! * samples[i]!;
    energy[f] = Math.sqrt(sum / frame);
  }
  // Background level: the median energy of frames outside every segment.
  const inSpeech = new Uint8Array(frames);
  for (const s of segments)
    inSpeech.fill(1, Math.floor(s.startMs / FRAME_MS), Math.min(frames, Math.ceil(s.endMs / FRAME_MS)));
  const background = Array.from(energy)
    .filter((_, f) => !inSpeech[f])
    .sort((a, b) => a - b);
  const floor = background.length ? background[Math.floor(background.length / 2)]! : 0;

  return segments.map((s) => {
    const first = Math.max(0, Math.floor(s.startMs / FRAME_MS));
    const last = Math.min(frames - 1, Math.ceil(s.endMs / FRAME_MS) - 1);
    let peak = 0;
    for (let f = first; f <= last; f++) peak = Math.max(peak, energy[f]!);
    const threshold = Math.max(floor * 3, peak * 0.05);
    let end = last;
    while (end > first && energy[end]! < threshold) end--;
    let start = first;
    while (start < end && energy[start]! < threshold) start++;
    // Never move an edge by more than the VAD's own uncertainty.
    const startMs = Math.max(s.startMs, Math.min(start * FRAME_MS, s.startMs + MAX_START_SHIFT_MS));
    const endMs = Math.min(s.endMs, Math.max((end + 1) * FRAME_MS, s.endMs - MAX_END_SHIFT_MS));
    return endMs > startMs ? { startMs, endMs } : s;
  });
}
