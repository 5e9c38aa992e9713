/**
 * Pure pieces of transcription: which stretches of a recording go to the model (the speech
 * detector's segments, joined across short pauses and never longer than 30 s, the most a
 * Whisper-style model takes at once), and how a result's tokens become words on the recording's
 * timeline.
 */
import type { Segment } from '../../../shared/metrics';
import type { TranscriptWord } from '../../../shared/transcript';

export type Chunk = { startMs: number; endMs: number };

export const MAX_CHUNK_MS = 30_000;
/** Pauses shorter than this stay inside one chunk: the model hears a sentence, not single words. */
const JOIN_GAP_MS = 1_000;
/** Audio kept either side of a chunk so a clipped first or last sound is still heard. */
export const PAD_MS = 150;

export function transcriptionChunks(speech: readonly Segment[], durationMs: number, maxMs = MAX_CHUNK_MS): Chunk[] {
  const sorted = [...speech].filter((s) => s.endMs > s.startMs).sort((a, b) => a.startMs - b.startMs);
  const joined: Chunk[] = [];
  for (const s of sorted) {
    const last = joined.at(-1);
    if (
      last &&
      s.startMs - last.endMs < JOIN_GAP_MS &&
      Math.max(last.endMs, s.endMs) - last.startMs <= maxMs - 2 * PAD_MS
    )
      last.endMs = Math.max(last.endMs, s.endMs);
    else joined.push({ startMs: s.startMs, endMs: s.endMs });
  }
  // A segment longer than the limit is cut into equal parts, each within it after padding.
  const parts: Chunk[] = [];
  const room = maxMs - 2 * PAD_MS;
  for (const c of joined) {
    const n = Math.ceil((c.endMs - c.startMs) / room);
    const step = (c.endMs - c.startMs) / n;
    for (let i = 0; i < n; i++)
      parts.push({ startMs: Math.round(c.startMs + i * step), endMs: Math.round(c.startMs + (i + 1) * step) });
  }
  // Pad without overlapping a neighbour or leaving the recording.
  return parts
    .map((c, i) => ({
      startMs: Math.max(0, c.startMs - PAD_MS, i > 0 ? parts[i - 1]!.endMs : 0),
      endMs: Math.min(durationMs, c.endMs + PAD_MS, i + 1 < parts.length ? parts[i + 1]!.startMs : Infinity),
    }))
    .filter((c) => c.endMs > c.startMs);
}

/** The part of sherpa-onnx's OfflineRecognizerResult used here (times in seconds from the chunk's start). */
export type RecognizerResult = { text: string; tokens?: string[]; timestamps?: number[]; durations?: number[] };

/** A word ends at most this long after its last token starts when nothing else bounds it. */
const LAST_TOKEN_MS = 400;

/**
 * BPE tokens (sherpa-onnx writes SentencePiece's "▁" as a leading space) → words: a token that
 * starts with a space starts a word. A word starts at its first token; it ends where its last token
 * ends (TDT durations), else where the next word starts, never past the chunk.
 */
export function wordsFromTokens(result: RecognizerResult, chunk: Chunk): TranscriptWord[] {
  const tokens = result.tokens ?? [];
  const times = result.timestamps ?? [];
  if (tokens.length === 0 || times.length !== tokens.length) return [];
  const durations = result.durations?.length === tokens.length ? result.durations : null;
  const at = (seconds: number) => Math.min(chunk.endMs, chunk.startMs + Math.round(seconds * 1000));
  type Open = { text: string; start: number; lastStart: number; lastEnd: number | null };
  const open: Open[] = [];
  tokens.forEach((raw, i) => {
    const token = raw.replace(/▁/g, ' ');
    const starts = open.length === 0 || /^\s/.test(token);
    const piece = token.trim();
    const time = at(times[i]!);
    const end = durations ? at(times[i]! + durations[i]!) : null;
    if (starts || !open.at(-1)) {
      if (!piece) return;
      open.push({ text: piece, start: time, lastStart: time, lastEnd: end });
    } else {
      const word = open.at(-1)!;
      word.text += piece;
      word.lastStart = time;
      word.lastEnd = end;
    }
  });
  return open.map((w, i) => {
    const next = open[i + 1]?.start;
    const natural = w.lastEnd !== null && w.lastEnd > w.lastStart ? w.lastEnd : (next ?? w.lastStart + LAST_TOKEN_MS);
    const endMs = Math.max(w.start, Math.min(natural, next ?? chunk.endMs, chunk.endMs));
    return { text: w.text, startMs: w.start, endMs };
  });
}
