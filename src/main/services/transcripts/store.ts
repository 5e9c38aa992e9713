/**
 * Stores round transcripts and searches them. A transcript's life: pending (a model is present and
 * the round waits its turn) → running → done or failed. Saving replaces the segments and their
 * full-text rows in one transaction, so search never sees half a transcript.
 */
import { and, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { TranscriptStatus } from '../../../shared/enums';
import { roundTitle } from '../../../shared/round-title';
import { roundTranscript, transcriptSegment, type RoundTranscript } from '../../../shared/transcript';
import type { TranscriptSearchResult, TranscriptView } from '../../../shared/contract';
import type { AppDatabase } from '../db/open';
import { recordings, rounds, roundTranscripts, transcriptSegments } from '../db/schema';
import { NotFoundError } from '../infra/errors';
import { ftsQuery, snippetParts, SNIPPET_MARKS } from './search-query';
import { z } from 'zod';

const storedSegments = z.array(transcriptSegment);

export class TranscriptStore {
  constructor(
    private readonly db: AppDatabase,
    private readonly now: () => number,
    /** After a transcript is saved (word metrics are measured here); a failure never undoes the save. */
    private readonly onSaved: (transcript: RoundTranscript) => void = () => undefined,
  ) {}

  /** A model will transcribe this round; replaces a failed or older transcript's state. */
  markPending(roundId: string, modelId: string): void {
    this.requireRound(roundId);
    const at = this.now();
    this.db
      .insert(roundTranscripts)
      .values({ roundId, modelId, status: 'pending', createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: roundTranscripts.roundId,
        set: { modelId, status: 'pending', error: null, updatedAt: at },
      })
      .run();
  }

  markRunning(roundId: string): void {
    this.setStatus(roundId, 'running', null);
  }

  /** Keeps any earlier transcript's segments: a failed re-run loses nothing already saved. */
  markFailed(roundId: string, message: string): void {
    this.setStatus(roundId, 'failed', message.slice(0, 500));
  }

  save(input: RoundTranscript): void {
    const transcript = roundTranscript.parse(input);
    this.requireRound(transcript.roundId);
    const wordCount = transcript.segments.reduce((n, s) => n + countWords(s.text), 0);
    const at = this.now();
    this.db.transaction((tx) => {
      tx.insert(roundTranscripts)
        .values({
          roundId: transcript.roundId,
          modelId: transcript.modelId,
          status: 'done',
          segmentsJson: JSON.stringify(transcript.segments),
          wordCount,
          createdAt: transcript.createdAt,
          updatedAt: at,
        })
        .onConflictDoUpdate({
          target: roundTranscripts.roundId,
          set: {
            modelId: transcript.modelId,
            status: 'done',
            error: null,
            segmentsJson: JSON.stringify(transcript.segments),
            wordCount,
            createdAt: transcript.createdAt,
            updatedAt: at,
          },
        })
        .run();
      tx.delete(transcriptSegments).where(eq(transcriptSegments.roundId, transcript.roundId)).run();
      for (const s of transcript.segments) {
        if (!s.text.trim()) continue;
        tx.insert(transcriptSegments)
          .values({ roundId: transcript.roundId, startMs: s.startMs, endMs: s.endMs, text: s.text })
          .run();
      }
    });
    this.onSaved(transcript);
  }

  view(roundId: string): TranscriptView {
    this.requireRound(roundId);
    const row = this.db.select().from(roundTranscripts).where(eq(roundTranscripts.roundId, roundId)).get();
    if (!row) return { roundId, status: 'none', error: null, transcript: null };
    return {
      roundId,
      status: row.status,
      error: row.error,
      transcript: row.segmentsJson
        ? {
            roundId,
            modelId: row.modelId,
            createdAt: row.createdAt,
            segments: storedSegments.parse(JSON.parse(row.segmentsJson)),
          }
        : null,
    };
  }

  /** The stored transcript, or null when there is none (yet). */
  get(roundId: string): RoundTranscript | null {
    return this.view(roundId).transcript;
  }

  /** Transcripts of many rounds at once (export, reports), keyed by round id. */
  getMany(roundIds: readonly string[]): Map<string, RoundTranscript> {
    const found = new Map<string, RoundTranscript>();
    for (let i = 0; i < roundIds.length; i += 500) {
      const rows = this.db
        .select()
        .from(roundTranscripts)
        .where(
          and(inArray(roundTranscripts.roundId, roundIds.slice(i, i + 500)), isNotNull(roundTranscripts.segmentsJson)),
        )
        .all();
      for (const row of rows) {
        found.set(row.roundId, {
          roundId: row.roundId,
          modelId: row.modelId,
          createdAt: row.createdAt,
          segments: storedSegments.parse(JSON.parse(row.segmentsJson!)),
        });
      }
    }
    return found;
  }

  /**
   * Finished rounds that have audio and no transcript (nor one on its way), newest first: what
   * "transcribe older rounds" works through.
   */
  roundsWithout(limit: number): string[] {
    return this.db
      .select({ roundId: rounds.id })
      .from(rounds)
      .innerJoin(recordings, eq(recordings.roundId, rounds.id))
      .leftJoin(roundTranscripts, eq(roundTranscripts.roundId, rounds.id))
      .where(
        and(
          or(eq(recordings.status, 'finalized'), eq(recordings.status, 'recovered')),
          isNotNull(recordings.durationMs),
          or(isNull(roundTranscripts.roundId), eq(roundTranscripts.status, 'failed')),
        ),
      )
      .orderBy(desc(rounds.startedAt))
      .limit(limit)
      .all()
      .map((r) => r.roundId);
  }

  /** Matching segments across every transcript, best match first, one page at a time. */
  search(input: { query: string; offset: number; limit: number }): TranscriptSearchResult {
    const match = ftsQuery(input.query);
    if (!match) return { total: 0, hits: [] };
    const client = this.db.$client;
    const total = (
      client
        .prepare('SELECT count(*) AS n FROM transcript_segments_fts WHERE transcript_segments_fts MATCH ?')
        .get(match) as { n: number }
    ).n;
    const rows = client
      .prepare(
        `SELECT s.round_id AS roundId, s.start_ms AS startMs, r.session_id AS sessionId, r.plan_json AS planJson,
                r.started_at AS startedAt,
                snippet(transcript_segments_fts, 0, ?, ?, '…', 16) AS marked
         FROM transcript_segments_fts
         JOIN transcript_segments s ON s.id = transcript_segments_fts.rowid
         JOIN rounds r ON r.id = s.round_id
         WHERE transcript_segments_fts MATCH ?
         ORDER BY rank, s.id
         LIMIT ? OFFSET ?`,
      )
      .all(SNIPPET_MARKS.open, SNIPPET_MARKS.close, match, input.limit, input.offset) as {
      roundId: string;
      startMs: number;
      sessionId: string;
      planJson: string;
      startedAt: number | null;
      marked: string;
    }[];
    return {
      total,
      hits: rows.map((r) => ({
        roundId: r.roundId,
        sessionId: r.sessionId,
        title: roundTitle(JSON.parse(r.planJson) as { title?: string; itemTitle: string }),
        startedAt: r.startedAt,
        startMs: r.startMs,
        snippet: snippetParts(r.marked),
      })),
    };
  }

  private setStatus(roundId: string, status: TranscriptStatus, error: string | null): void {
    const result = this.db
      .update(roundTranscripts)
      .set({ status, error, updatedAt: this.now() })
      .where(eq(roundTranscripts.roundId, roundId))
      .run();
    if (result.changes === 0) throw new NotFoundError(`No transcript is on its way for round ${roundId}.`);
  }

  private requireRound(roundId: string): void {
    const row = this.db.select({ id: rounds.id }).from(rounds).where(eq(rounds.id, roundId)).get();
    if (!row) throw new NotFoundError(`Round ${roundId} does not exist.`);
  }
}

function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}
