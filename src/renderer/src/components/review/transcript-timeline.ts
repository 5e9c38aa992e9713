/**
 * The transcript panel's rows and "where is playback" lookups, kept pure so they are unit tested
 * and cheap: rows are built once per transcript, and each playback tick is two binary searches.
 * Every time is ms on the recording's timeline.
 */
import type { TranscriptSegment } from '@shared/transcript';

export type TimelineWord = { text: string; startMs: number; endMs: number };

export type TimelineRow =
  | {
      kind: 'segment';
      key: string;
      /** Index among the segments (not among rows), what activeSegment() returns. */
      segment: number;
      startMs: number;
      endMs: number;
      text: string;
      /** Empty when the model gave no word times: the whole segment is highlighted instead. */
      words: TimelineWord[];
    }
  | { kind: 'follow-up'; key: string; index: number; text: string; atMs: number };

export type InlineFollowUp = { index: number; text: string; atMs: number };

/**
 * Segments in time order with each follow-up placed before the first segment that starts at or
 * after the moment it was spoken (the answer to it), so the question reads where it was asked.
 */
export function transcriptRows(
  segments: readonly TranscriptSegment[],
  followUps: readonly InlineFollowUp[],
): TimelineRow[] {
  const ordered = segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.text.trim().length > 0 || s.words.length > 0)
    .sort((a, b) => a.s.startMs - b.s.startMs || a.i - b.i);
  const asked = [...followUps].sort((a, b) => a.atMs - b.atMs);
  const rows: TimelineRow[] = [];
  let next = 0;
  const pushFollowUpsBefore = (ms: number) => {
    while (next < asked.length && asked[next]!.atMs <= ms) {
      const f = asked[next++]!;
      rows.push({ kind: 'follow-up', key: `fu-${f.index}`, index: f.index, text: f.text, atMs: f.atMs });
    }
  };
  ordered.forEach(({ s }, segment) => {
    pushFollowUpsBefore(s.startMs);
    rows.push({
      kind: 'segment',
      key: `seg-${segment}`,
      segment,
      startMs: s.startMs,
      endMs: s.endMs,
      text: s.text.trim(),
      words: s.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs })),
    });
  });
  pushFollowUpsBefore(Number.POSITIVE_INFINITY);
  return rows;
}

/** Index of the last value ≤ target in an ascending array, or -1. */
export function lastAtOrBefore(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export type PlaybackSpot = { segment: number; word: number };
export const NOWHERE: PlaybackSpot = { segment: -1, word: -1 };

/** The segments' start/end times and each segment's word starts, for fast lookups. */
export type TimelineIndex = { starts: number[]; ends: number[]; wordStarts: number[][] };

export function timelineIndex(rows: readonly TimelineRow[]): TimelineIndex {
  const segments = rows.filter((r): r is Extract<TimelineRow, { kind: 'segment' }> => r.kind === 'segment');
  return {
    starts: segments.map((s) => s.startMs),
    ends: segments.map((s) => s.endMs),
    wordStarts: segments.map((s) => s.words.map((w) => w.startMs)),
  };
}

/**
 * Where playback is: the segment being spoken at `timeMs` (none in the gaps between segments) and,
 * when it has word times, the last word that has started.
 */
export function playbackSpot(index: TimelineIndex, timeMs: number): PlaybackSpot {
  const segment = lastAtOrBefore(index.starts, timeMs);
  if (segment < 0 || timeMs > index.ends[segment]!) return NOWHERE;
  return { segment, word: lastAtOrBefore(index.wordStarts[segment]!, timeMs) };
}
