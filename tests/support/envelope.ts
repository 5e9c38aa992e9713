/** Loudness envelopes of PCM audio, and how well two of them line up. */
export function envelope(pcm: Int16Array, sampleRate: number, frameMs = 50): Float64Array {
  const frame = Math.round((sampleRate * frameMs) / 1000);
  const out = new Float64Array(Math.floor(pcm.length / frame));
  for (let f = 0; f < out.length; f++) {
    let sum = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) sum += (pcm[i]! / 32768) ** 2;
    out[f] = Math.sqrt(sum / frame);
  }
  return out;
}

/** The largest |sample| per frame: what the recorder's level meter stores as a waveform peak. */
export function peakEnvelope(pcm: Int16Array, sampleRate: number, frameMs: number): Float64Array {
  const frame = Math.round((sampleRate * frameMs) / 1000);
  const out = new Float64Array(Math.floor(pcm.length / frame));
  for (let f = 0; f < out.length; f++) {
    let max = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) max = Math.max(max, Math.abs(pcm[i]! / 32768));
    out[f] = max;
  }
  return out;
}

/** Speech (1) / silence (0) per frame, with a threshold relative to the loudest frame. */
export function speechMask(env: Float64Array): Uint8Array {
  let max = 0;
  for (const v of env) max = Math.max(max, v);
  return Uint8Array.from(env, (v) => (v > max * 0.1 ? 1 : 0));
}

/**
 * Best agreement (0–1) between `recorded` and the looped `source` mask over all lags: the share of
 * recorded frames whose speech/silence matches the source at that lag.
 */
export function bestAlignment(recorded: Uint8Array, source: Uint8Array): { agreement: number; lagFrames: number } {
  let best = { agreement: 0, lagFrames: 0 };
  for (let lag = 0; lag < source.length; lag++) {
    let same = 0;
    for (let i = 0; i < recorded.length; i++) if (recorded[i] === source[(i + lag) % source.length]) same++;
    const agreement = same / recorded.length;
    if (agreement > best.agreement) best = { agreement, lagFrames: lag };
  }
  return best;
}
