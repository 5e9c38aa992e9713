/**
 * Word metrics in the app (real SQLite): stored when a transcript is saved (migration 0011),
 * words:round with notes and the user's baseline, expected-point suggestions only after the reveal
 * and never counted as the user's marks, words:trends grouped by week in SQL, and migration 0011
 * measuring transcripts saved before it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../../../../../src/shared/transcript';
import { webmFixture } from '../../../../support/audio';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { migrationsDir, tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: words-app
title: Words app
category: Theory
rounds:
  - questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 120
    expectedPoints:
      - text: Keys are hashed into an array of buckets
        cues: [hash, bucket]
      - text: The table grows and rehashes to keep the load factor low
        cues: [rehash|resize, load factor]
    followUps:
      - { text: How do you resize the table?, atSeconds: 5 }
`;

let webm = '';
beforeAll(() => {
  webm = webmFixture('round-words-answer', ['Each key is hashed into a bucket.']).webm;
}, 60_000);

/** Words back to back from `startMs`, each `eachMs` long. */
function timed(startMs: number, text: string, eachMs: number): TranscriptSegment {
  const words = text
    .split(' ')
    .map((w, i) => ({ text: w, startMs: startMs + i * eachMs, endMs: startMs + (i + 1) * eachMs }));
  return { startMs, endMs: words.at(-1)!.endMs, text, words };
}

/** 2026-11-02 was a Monday; rounds are started by this clock. */
const MONDAY = Date.UTC(2026, 10, 2, 18, 0);
const DAY = 24 * 3600 * 1000;

async function appWithClock() {
  let t = MONDAY;
  const dataDir = tempDir();
  const app = await makeApp(dataDir, { 'loop.yaml': loop }, () => t);
  const record = async (at: number, segments: TranscriptSegment[], followUp?: { start: number; end: number }) => {
    t = at;
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'words-app' } });
    const round = await recordRound(app, session.id, 0, webm);
    if (followUp)
      await call(app, 'followup:record', {
        roundId: round.id,
        index: 0,
        trigger: 'scheduled',
        text: 'How do you resize the table?',
        scheduledMs: followUp.start,
        spokenStartMs: followUp.start,
        spokenEndMs: followUp.end,
      });
    app.transcripts.save({ roundId: round.id, modelId: 'test', segments, createdAt: at });
    return round.id;
  };
  return { app, dataDir, record };
}

const answer = [
  // 300 ms a word: 200 words a minute, over Speaker Coach's 165.
  timed(0, 'um so each key is hashed into a bucket basically', 300),
  // The reply to the follow-up (spoken 4000–5000 ms) starts 600 ms after it.
  timed(5600, 'resize by doubling the table when the load factor passes three quarters and rehash every key', 300),
];

describe('word metrics of a round', () => {
  it('are stored when the transcript is saved and read back with notes, follow-up uptake and no suggestions before the reveal', async () => {
    const { app, record } = await appWithClock();
    try {
      const roundId = await record(MONDAY, answer, { start: 4000, end: 5000 });
      const row = app.db.$client
        .prepare(
          'SELECT word_count, words_per_minute, follow_ups_judged, follow_ups_answered FROM round_word_metrics WHERE round_id = ?',
        )
        .get(roundId);
      expect(row).toEqual({ word_count: 26, words_per_minute: 200, follow_ups_judged: 1, follow_ups_answered: 1 });

      const view = await call(app, 'words:round', { roundId });
      expect(view.metrics).toMatchObject({ wordCount: 26, wordsPerMinute: 200 });
      expect(view.metrics!.fillers.counts).toMatchObject({ um: 1, basically: 1 });
      expect(view.metrics!.followUps[0]).toMatchObject({ msToFirstWord: 600, answeredExactFollowUp: true });
      expect(view.notes.map((n) => n.id)).toEqual(['too-fast', 'many-fillers']);
      expect(view.baseline).toBeNull();
      // The expected points stay hidden before the reveal, suggestions too.
      expect(view.coverage).toBeNull();
    } finally {
      app.close();
    }
  });

  it('suggests covered points with their evidence after the reveal, without ticking the checklist', async () => {
    const { app, record } = await appWithClock();
    try {
      const roundId = await record(MONDAY, answer, { start: 4000, end: 5000 });
      await call(app, 'review:reveal', { roundId });
      const { coverage } = await call(app, 'words:round', { roundId });
      expect(coverage!.map((c) => [c.index, c.covered])).toEqual([
        [0, true],
        [1, true],
      ]);
      expect(coverage![0]).toMatchObject({
        evidence: 'hashed into a bucket',
        evidenceStartMs: 1500,
        evidenceEndMs: 2700,
      });
      expect(coverage![1]!.evidenceStartMs).toBeGreaterThanOrEqual(5600);
      // Suggestions are not the user's marks: nothing is ticked until the user confirms.
      expect((await call(app, 'review:get', { roundId })).points).toEqual([null, null]);
      await call(app, 'review:save', { roundId, points: { '0': 'covered' } });
      expect((await call(app, 'review:get', { roundId })).points).toEqual(['covered', null]);
    } finally {
      app.close();
    }
  });

  it('compares with the user’s own baseline: the median of the transcribed rounds before this one', async () => {
    const { app, record } = await appWithClock();
    try {
      // Three earlier rounds at 120 words a minute, then one at 200 (faster than usual).
      for (let i = 0; i < 3; i++)
        await record(MONDAY + i * DAY, [timed(0, 'each key is hashed into a bucket of the table', 500)]);
      const later = await record(MONDAY + 5 * DAY, answer);
      const view = await call(app, 'words:round', { roundId: later });
      expect(view.baseline).toMatchObject({ rounds: 3, wordsPerMinute: 120 });
      expect(view.notes.map((n) => n.id)).toContain('faster-than-usual');
    } finally {
      app.close();
    }
  });

  it('gives weekly trends grouped in SQL, at the user’s offset, without rounds that have no words', async () => {
    const { app, record } = await appWithClock();
    try {
      await record(MONDAY, [timed(0, 'one two three four five six', 500)]); // 120 wpm
      await record(MONDAY + DAY, [timed(0, 'one two three four five six', 250)]); // 240 wpm
      await record(MONDAY + 7 * DAY, [timed(0, 'one two three four five six', 1000)]); // 60 wpm
      await record(MONDAY + 8 * DAY, []); // transcribed, silent
      const { weeks } = await call(app, 'words:trends', { sinceMs: 0, utcOffsetMinutes: 0 });
      const monday = Date.UTC(2026, 10, 2);
      expect(weeks.map((w) => [w.weekStart, w.rounds, w.wordsPerMinute])).toEqual([
        [monday, 2, 180],
        [monday + 7 * DAY, 1, 60],
      ]);
      // 18:00 UTC on Monday 2026-11-09 is already Tuesday in Auckland (+13 h): still that week,
      // whose Monday starts 13 h earlier than UTC's.
      const nz = await call(app, 'words:trends', { sinceMs: 0, utcOffsetMinutes: 780 });
      expect(nz.weeks.map((w) => w.weekStart)).toEqual([monday - 13 * 3600_000, monday + 7 * DAY - 13 * 3600_000]);
      const since = await call(app, 'words:trends', { sinceMs: MONDAY + 2 * DAY, utcOffsetMinutes: 0 });
      expect(since.weeks.map((w) => w.rounds)).toEqual([1]);
    } finally {
      app.close();
    }
  });
});

describe('migration 0011', () => {
  it('creates round_word_metrics, and transcripts saved before it are measured at the next start', async () => {
    const { app, dataDir, record } = await appWithClock();
    const roundId = await record(MONDAY, answer, { start: 4000, end: 5000 });
    const client = app.db.$client;
    // The data folder as the app before 0011 left it: a transcript, no word metrics table.
    client.prepare('DROP TABLE round_word_metrics').run();
    // …and without what later migrations added, since they run again after it (0013's column, 0016's table).
    client.prepare('ALTER TABLE recordings DROP COLUMN peaks_bytes').run();
    client.prepare('DROP TABLE follow_up_decisions').run();
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string; when: number }[];
    };
    const when = journal.entries.find((e) => e.tag === '0011_round_word_metrics')!.when;
    expect(when).toBe(1796800005000);
    client.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(when);
    app.close();

    const reopened = await makeApp(dataDir);
    try {
      const row = reopened.db.$client
        .prepare('SELECT word_count, started_at FROM round_word_metrics WHERE round_id = ?')
        .get(roundId);
      expect(row).toEqual({ word_count: 26, started_at: MONDAY });
      // Deleting the round takes its metrics with it (ON DELETE CASCADE).
      reopened.db.$client.pragma('foreign_keys = ON');
      reopened.db.$client.prepare('DELETE FROM rounds WHERE id = ?').run(roundId);
      expect(reopened.db.$client.prepare('SELECT count(*) AS n FROM round_word_metrics').get()).toEqual({ n: 0 });
    } finally {
      reopened.close();
    }
  });
});
