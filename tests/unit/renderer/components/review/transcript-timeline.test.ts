/** The transcript panel's rows and playback lookups (src/renderer/src/components/review/transcript-timeline.ts). */
import { describe, expect, it } from 'vitest';
import {
  lastAtOrBefore,
  NOWHERE,
  playbackSpot,
  timelineIndex,
  transcriptRows,
} from '../../../../../src/renderer/src/components/review/transcript-timeline';
import type { TranscriptSegment } from '../../../../../src/shared/transcript';

const seg = (startMs: number, endMs: number, text: string, timed = true): TranscriptSegment => {
  const words = text.split(' ');
  const step = (endMs - startMs) / words.length;
  return {
    startMs,
    endMs,
    text,
    words: timed
      ? words.map((w, i) => ({
          text: w,
          startMs: startMs + Math.round(i * step),
          endMs: startMs + Math.round((i + 1) * step),
        }))
      : [],
  };
};

describe('transcript rows', () => {
  it('orders segments by time and puts each follow-up before the reply to it, drops empty segments', () => {
    const rows = transcriptRows(
      [
        seg(5000, 6000, 'second part'),
        seg(0, 1000, 'first part'),
        { startMs: 2000, endMs: 2500, text: '  ', words: [] },
      ],
      [
        { index: 1, text: 'Late question?', atMs: 9000 },
        { index: 0, text: 'Why?', atMs: 3000 },
      ],
    );
    expect(rows.map((r) => (r.kind === 'segment' ? `seg ${r.segment}: ${r.text}` : `fu ${r.index}`))).toEqual([
      'seg 0: first part',
      'fu 0',
      'seg 1: second part',
      'fu 1',
    ]);
  });
});

describe('playback spot', () => {
  const index = timelineIndex(
    transcriptRows([seg(0, 1000, 'one two three four'), seg(3000, 4000, 'no word times here', false)], []),
  );

  it('finds the segment being spoken and the last word that has started', () => {
    expect(playbackSpot(index, 0)).toEqual({ segment: 0, word: 0 });
    expect(playbackSpot(index, 260)).toEqual({ segment: 0, word: 1 });
    expect(playbackSpot(index, 999)).toEqual({ segment: 0, word: 3 });
  });

  it('is nowhere in the gaps and before the first word; the whole segment without word times', () => {
    expect(playbackSpot(index, 1500)).toEqual(NOWHERE);
    expect(playbackSpot(index, -1)).toEqual(NOWHERE);
    expect(playbackSpot(index, 3500)).toEqual({ segment: 1, word: -1 });
    expect(playbackSpot(index, 4001)).toEqual(NOWHERE);
  });

  it('binary-searches ascending starts', () => {
    expect(lastAtOrBefore([], 5)).toBe(-1);
    expect(lastAtOrBefore([10, 20, 20, 30], 20)).toBe(2);
    expect(lastAtOrBefore([10, 20, 30], 9)).toBe(-1);
    expect(lastAtOrBefore([10, 20, 30], 100)).toBe(2);
  });
});
