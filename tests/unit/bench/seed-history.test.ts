/**
 * The history seeder against the real services: what it writes reads back through dispatch (every
 * output checked by the contract), and its stored metrics are what AnalysisService.recompute
 * computes from the stored segments, marks and follow-ups — so the seeder cannot drift from them.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom, seedHistory } from '../../../bench/seed-history';
import { createLoopCoach } from '../../../src/main/services/app';
import { dispatch } from '../../../src/main/services/infra/dispatch';
import { roundMetrics } from '../../../src/shared/metrics';
import type { TranscriptSegment } from '../../../src/shared/transcript';
import { builtinContentDir, migrationsDir, tempDir } from '../../support/temp';

const now = Date.parse('2026-11-30T20:00:00Z');
const YEAR_MS = 365 * 24 * 3600_000;

async function seeded(rounds: number, seed: number, transcribedShare?: number) {
  const dataDir = tempDir();
  const result = await seedHistory({ dataDir, rounds, now, random: seededRandom(seed), transcribedShare });
  const app = await createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'web',
    version: '0.0.0-test',
    now: () => now,
  });
  return { dataDir, result, app };
}

describe('seedHistory', () => {
  it('writes exactly the rounds asked for, over a year, in a mix the services read back', async () => {
    const { result, app } = await seeded(600, 3);
    try {
      expect(result.rounds).toBe(600);
      const client = app.db.$client;
      const count = (sql: string) => (client.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT COUNT(*) AS n FROM rounds')).toBe(600);
      expect(count('SELECT COUNT(*) AS n FROM sessions')).toBe(result.sessions);
      expect(count('SELECT COUNT(DISTINCT category) AS n FROM rounds')).toBeGreaterThanOrEqual(6);
      expect(count('SELECT COUNT(DISTINCT question_type) AS n FROM rounds')).toBeGreaterThanOrEqual(6);
      expect(count("SELECT COUNT(*) AS n FROM round_reviews WHERE change != ''")).toBeGreaterThan(0);
      expect(count('SELECT COUNT(*) AS n FROM review_marks')).toBeGreaterThan(0);
      const span = client.prepare('SELECT MIN(started_at) AS lo, MAX(started_at) AS hi FROM rounds').get() as {
        lo: number;
        hi: number;
      };
      expect(span.lo).toBeGreaterThanOrEqual(now - YEAR_MS);
      expect(span.hi - span.lo).toBeGreaterThan(0.9 * YEAR_MS);

      const list = await dispatch(app.handlers, 'session:list', { limit: 5 });
      expect(list.ok).toBe(true);
      const sessionId = (list as { ok: true; value: { entries: { id: string }[] } }).value.entries[0]!.id;
      const session = await dispatch(app.handlers, 'session:get', { sessionId });
      expect(session).toMatchObject({ ok: true, value: { status: 'ended' } });
      const progress = await dispatch(app.handlers, 'progress:get', {});
      expect(progress.ok).toBe(true);
      expect((progress as { ok: true; value: { rounds: number } }).value.rounds).toBe(600);

      // Every 25th round: the review and analysis read back, and the stored metrics are the service's.
      const ids = client.prepare('SELECT id FROM rounds ORDER BY rowid').all() as { id: string }[];
      for (const { id } of ids.filter((_, i) => i % 25 === 0)) {
        expect((await dispatch(app.handlers, 'review:get', { roundId: id })).ok).toBe(true);
        const analysis = await dispatch(app.handlers, 'analysis:get', { roundId: id });
        const stored = (analysis as { ok: true; value: { status: string; metrics: unknown } }).value;
        expect(stored.status).toBe('done');
        expect(app.analysis.recompute(id)).toEqual(roundMetrics.parse(stored.metrics));
      }
    } finally {
      app.close();
    }
  });

  it('gives the same history for the same seed and another for another seed', async () => {
    const digest = async (seed: number) => {
      const { app } = await seeded(120, seed);
      try {
        return app.db.$client
          .prepare(
            'SELECT r.id, r.item_id, r.started_at, v.clarity, a.metrics_json FROM rounds r ' +
              'LEFT JOIN round_reviews v ON v.round_id = r.id LEFT JOIN round_analyses a ON a.round_id = r.id ORDER BY r.id',
          )
          .all();
      } finally {
        app.close();
      }
    };
    const first = await digest(11);
    expect(await digest(11)).toEqual(first);
    expect(await digest(12)).not.toEqual(first);
  });

  it('transcribes the most recent rounds as TranscriptStore and RoundWords would: searchable, measured alike', async () => {
    const { app } = await seeded(400, 5, 0.1);
    try {
      const client = app.db.$client;
      const transcribed = client
        .prepare(
          'SELECT t.round_id AS id, r.started_at AS startedAt FROM round_transcripts t JOIN rounds r ON r.id = t.round_id ' +
            "WHERE t.status = 'done' ORDER BY r.started_at",
        )
        .all() as { id: string; startedAt: number }[];
      // The latest tenth of the history (the last session is whole, so a few more than 40).
      expect(transcribed.length).toBeGreaterThanOrEqual(35);
      expect(transcribed.length).toBeLessThan(60);
      const latest = client.prepare('SELECT started_at AS at FROM rounds ORDER BY started_at DESC').all() as {
        at: number;
      }[];
      expect(transcribed[0]!.startedAt).toBeGreaterThanOrEqual(latest[transcribed.length + 15]!.at);

      for (const { id } of transcribed.filter((_, i) => i % 10 === 0)) {
        const got = await dispatch(app.handlers, 'transcript:get', { roundId: id });
        const view = (got as { ok: true; value: { status: string; transcript: { segments: TranscriptSegment[] } } })
          .value;
        expect(view.status).toBe('done');
        const segments = view.transcript.segments;
        expect(segments.length).toBeGreaterThan(3);
        // Every word has a time inside its segment, in order.
        for (const seg of segments) {
          expect(seg.words.map((w) => w.text).join(' ')).toBe(seg.text);
          expect(seg.words[0]!.startMs).toBe(seg.startMs);
          expect(seg.words.at(-1)!.endMs).toBeLessThanOrEqual(seg.endMs);
        }
        // The stored word metrics are what RoundWords measures from the stored transcript.
        const row = () =>
          client.prepare('SELECT * FROM round_word_metrics WHERE round_id = ?').get(id) as Record<string, unknown>;
        const { computed_at: _seeded, ...stored } = row();
        const measured = app.words.store({ roundId: id, segments });
        const { computed_at: _now, ...again } = row();
        expect(again).toEqual(stored);
        expect(JSON.parse(stored.metrics_json as string)).toEqual(measured);
        expect(measured.wordCount).toBeGreaterThan(0);

        // A segment is found through the search index by its words (all must occur), at its start.
        const seg = segments[Math.floor(segments.length / 2)]!;
        const query = seg.words
          .slice(0, 12)
          .map((w) => w.text)
          .join(' ');
        const hits: { roundId: string; startMs: number }[] = [];
        for (let offset = 0; ; offset += 50) {
          const found = await dispatch(app.handlers, 'transcript:search', { query, offset, limit: 50 });
          const page = (found as { ok: true; value: { total: number; hits: typeof hits } }).value;
          hits.push(...page.hits);
          if (hits.length >= page.total || page.hits.length === 0) break;
        }
        expect(hits).toContainEqual(expect.objectContaining({ roundId: id, startMs: seg.startMs }));
      }
      // Rounds before the transcribed stretch have none.
      expect((client.prepare('SELECT COUNT(*) AS n FROM round_word_metrics').get() as { n: number }).n).toBe(
        transcribed.length,
      );
    } finally {
      app.close();
    }
  });
});
