/**
 * The stored waveform peaks: one byte per 1/peaksPerSecond s, value = sqrt(amplitude) * 255.
 * Read once from the app's own origin; the audio file itself is never decoded for drawing.
 */

/** Each stored byte's amplitude: a table, so a 3-hour file (540,000 bytes) is one lookup a byte. */
const AMPLITUDE_OF_BYTE = Float32Array.from({ length: 256 }, (_, b) => (b / 255) ** 2);

/** Fetches the peaks file and turns it into amplitudes (0–1). */
export async function fetchPeaks(url: string, signal?: AbortSignal): Promise<Float32Array> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`The waveform could not be loaded (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = AMPLITUDE_OF_BYTE[bytes[i]!]!;
  return out;
}

/** Peaks asked for before their waveform mounts, by URL; a handful at most (reviews left before drawing). */
const early = new Map<string, Promise<Float32Array>>();

/**
 * Starts fetching a recording's peaks as soon as its URL is known (review:get's answer), so the
 * request runs while the review renders instead of after it; the waveform takes it with peaksFor().
 */
export function prefetchPeaks(url: string): void {
  if (early.has(url)) return;
  const pending = fetchPeaks(url);
  // A failure is reported by the waveform that takes it; none is left unhandled meanwhile.
  pending.catch(() => undefined);
  early.set(url, pending);
  if (early.size > 4) early.delete(early.keys().next().value!);
}

/** The peaks prefetched for `url` (taken once), or a fetch of them now. */
export function peaksFor(url: string, signal: AbortSignal): Promise<Float32Array> {
  const pending = early.get(url);
  if (!pending) return fetchPeaks(url, signal);
  early.delete(url);
  return pending;
}

/**
 * At most this many peaks go to the waveform: a bar is 3 px wide, so this still gives every bar of
 * a 24,000 px wide waveform its own peak. wavesurfer walks every peak it is given on each draw
 * (twice on opening: once more when its container is first measured), 540,000 for 3 hours.
 */
export const MAX_DRAWN_PEAKS = 8000;

/**
 * The loudest peak of each of `max` equal stretches of the timeline (or the peaks themselves when
 * there are no more than that): what is drawn looks the same, each loud moment stays where it was,
 * and normalising to the loudest peak gives the same scale.
 */
export function peaksForDrawing(amplitudes: Float32Array, max = MAX_DRAWN_PEAKS): Float32Array {
  const n = amplitudes.length;
  if (n <= max) return amplitudes;
  const out = new Float32Array(max);
  for (let bin = 0; bin < max; bin++) {
    const end = Math.floor(((bin + 1) * n) / max);
    let loudest = 0;
    for (let i = Math.floor((bin * n) / max); i < end; i++) if (amplitudes[i]! > loudest) loudest = amplitudes[i]!;
    out[bin] = loudest;
  }
  return out;
}

/** A quiet stretch, in integer ms on the recording's timeline (like speech segments). */
export type Silence = { startMs: number; endMs: number };

/**
 * Stretches where the peaks stay near zero for at least `minMs`, trimmed by `padMs` at each end so
 * skipping never clips the first or last syllable around them. "Near zero" is relative to the
 * loudest peak, with a floor for recordings of pure noise.
 */
export function findSilences(
  amplitudes: Float32Array,
  durationMs: number,
  { minMs = 1000, padMs = 200, peaksPerSecond }: { minMs?: number; padMs?: number; peaksPerSecond: number },
): Silence[] {
  if (amplitudes.length === 0 || durationMs <= 0) return [];
  let max = 0;
  for (const a of amplitudes) max = Math.max(max, a);
  const threshold = Math.max(0.003, max * 0.04);
  // Peaks sit on the recording timeline at their own rate; they are never stretched to the duration.
  const msPerPeak = 1000 / peaksPerSecond;
  const out: Silence[] = [];
  let runStart = -1;
  for (let i = 0; i <= amplitudes.length; i++) {
    const quiet = i < amplitudes.length && amplitudes[i]! <= threshold;
    if (quiet && runStart < 0) runStart = i;
    if (!quiet && runStart >= 0) {
      const startMs = Math.round(runStart * msPerPeak);
      if (startMs >= durationMs) break;
      const endMs = Math.round(Math.min(durationMs, i * msPerPeak));
      if (endMs - startMs >= minMs) out.push({ startMs: startMs + padMs, endMs: endMs - padMs });
      runStart = -1;
    }
  }
  return out;
}

/**
 * The peaks laid on the recording timeline at their real rate: cut or padded with silence to
 * exactly duration × peaksPerSecond, so a renderer that spreads them over the duration puts each
 * at its true time.
 */
export function peaksOnTimeline(amplitudes: Float32Array, durationMs: number, peaksPerSecond: number) {
  const length = Math.max(1, Math.round((durationMs / 1000) * peaksPerSecond));
  const out = new Float32Array(length);
  out.set(amplitudes.subarray(0, length));
  return out;
}

/** Where playback (at `timeMs` on the recording's timeline) should jump to inside a silence, or null. */
export function silenceExit(silences: readonly Silence[], timeMs: number): number | null {
  for (const s of silences) if (timeMs >= s.startMs && timeMs < s.endMs - 50) return s.endMs;
  return null;
}
