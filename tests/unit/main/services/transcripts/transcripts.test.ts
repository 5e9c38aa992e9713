import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RoundTranscript } from '../../../../../src/shared/transcript';
import { ftsQuery, snippetParts } from '../../../../../src/main/services/transcripts/search-query';
import { openDatabase } from '../../../../../src/main/services/db/open';
import { webmFixture } from '../../../../support/audio';
import { rewindDatabase } from '../../../../support/migrations';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { migrationsDir, tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: words-loop
title: Words loop
category: Theory
rounds:
  - questionType: theory
    prompt: Explain why logistic regression uses cross-entropy.
    budgetSeconds: 120
    expectedPoints: [Bernoulli likelihood]
  - questionType: theory
    prompt: And the gradient?
    budgetSeconds: 120
    expectedPoints: [p minus y]
`;

let webm = '';
beforeAll(() => {
  webm = webmFixture('transcript-answer', ['The likelihood is Bernoulli.']).webm;
}, 60_000);

function transcriptOf(roundId: string, texts: string[]): RoundTranscript {
  return {
    roundId,
    modelId: 'test-model',
    createdAt: 1_000,
    segments: texts.map((text, i) => ({
      startMs: i * 4000,
      endMs: i * 4000 + 3000,
      text,
      words: text.split(' ').map((w, j) => ({ text: w, startMs: i * 4000 + j * 300, endMs: i * 4000 + j * 300 + 250 })),
    })),
  };
}

describe('round transcripts', () => {
  it('goes none → pending → running → done, and a failed re-run keeps the saved words', async () => {
    const app = await makeApp(tempDir(), { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'words-loop' } });
    const round = await recordRound(app, session.id, 0, webm);
    expect(await call(app, 'transcript:get', { roundId: round.id })).toEqual({
      roundId: round.id,
      status: 'none',
      error: null,
      transcript: null,
    });
    expect(app.transcripts.roundsWithout(10)).toEqual([round.id]);
    app.transcripts.markPending(round.id, 'test-model');
    expect(app.transcripts.roundsWithout(10)).toEqual([]);
    app.transcripts.markRunning(round.id);
    expect((await call(app, 'transcript:get', { roundId: round.id })).status).toBe('running');
    const saved = transcriptOf(round.id, ['the likelihood is bernoulli', 'so we minimise cross entropy']);
    app.transcripts.save(saved);
    expect(await call(app, 'transcript:get', { roundId: round.id })).toEqual({
      roundId: round.id,
      status: 'done',
      error: null,
      transcript: saved,
    });
    app.transcripts.markPending(round.id, 'test-model');
    app.transcripts.markFailed(round.id, 'The model file is corrupt.');
    const failed = await call(app, 'transcript:get', { roundId: round.id });
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('The model file is corrupt.');
    expect(failed.transcript).toEqual(saved);
    app.close();
  });

  it('refuses a transcript for a round that does not exist, and words with negative times', async () => {
    const app = await makeApp(tempDir(), { 'loop.yaml': loop });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(() => app.transcripts.save(transcriptOf(missing, ['hello']))).toThrow(/Round .* does not exist/);
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'words-loop' } });
    const round = await recordRound(app, session.id, 0, webm);
    const bad = transcriptOf(round.id, ['hello']);
    bad.segments[0]!.words[0]!.startMs = -5;
    expect(() => app.transcripts.save(bad)).toThrow(/startMs/);
    expect((await call(app, 'transcript:get', { roundId: round.id })).status).toBe('none');
    app.close();
  });

  it('searches every transcript by word and prefix, pages the hits, and forgets a deleted round', async () => {
    const dataDir = tempDir();
    const app = await makeApp(dataDir, { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'words-loop' } });
    const first = await recordRound(app, session.id, 0, webm);
    const second = await recordRound(app, session.id, 1, webm);
    app.transcripts.save(transcriptOf(first.id, ['the likelihood is bernoulli', 'cross entropy falls out']));
    app.transcripts.save(transcriptOf(second.id, ['the gradient is p minus y', 'because of the cross terms']));

    const entropy = await call(app, 'transcript:search', { query: 'entropy' });
    expect(entropy.total).toBe(1);
    expect(entropy.hits[0]).toMatchObject({ roundId: first.id, sessionId: session.id, startMs: 4000 });
    expect(entropy.hits[0]!.title).toMatch(/Words loop/);
    expect(entropy.hits[0]!.snippet).toEqual([
      { text: 'cross ', match: false },
      { text: 'entropy', match: true },
      { text: ' falls out', match: false },
    ]);
    // Prefix while typing; porter stemming finds "gradients" for "gradient".
    expect((await call(app, 'transcript:search', { query: 'cro' })).total).toBe(2);
    expect((await call(app, 'transcript:search', { query: 'gradients please' })).total).toBe(0);
    expect((await call(app, 'transcript:search', { query: 'gradients' })).hits.map((h) => h.roundId)).toEqual([
      second.id,
    ]);
    const page1 = await call(app, 'transcript:search', { query: 'the', limit: 1 });
    const page2 = await call(app, 'transcript:search', { query: 'the', limit: 1, offset: 1 });
    expect(page1.total).toBe(3);
    expect(new Set([...page1.hits, ...page2.hits].map((h) => `${h.roundId}@${h.startMs}`)).size).toBe(2);
    // FTS syntax in the text is searched as words, never parsed (a stray quote used to be a syntax error).
    expect((await call(app, 'transcript:search', { query: '"cross' })).total).toBe(2);
    expect((await call(app, 'transcript:search', { query: 'cross OR nothing' })).total).toBe(0);
    expect(await call(app, 'transcript:search', { query: '  ?!  ' })).toEqual({ total: 0, hits: [] });

    // Replacing a transcript replaces its search rows.
    app.transcripts.save(transcriptOf(first.id, ['a shorter answer']));
    expect((await call(app, 'transcript:search', { query: 'entropy' })).total).toBe(0);
    // Deleting the session cascades to the transcript, its segments and the index.
    app.db.$client.prepare('DELETE FROM sessions WHERE id = ?').run(session.id);
    expect((await call(app, 'transcript:search', { query: 'shorter' })).total).toBe(0);
    expect(
      (
        app.db.$client
          .prepare("SELECT count(*) AS n FROM transcript_segments_fts WHERE transcript_segments_fts MATCH 'gradient'")
          .get() as { n: number }
      ).n,
    ).toBe(0);
    expect((app.db.$client.prepare('SELECT count(*) AS n FROM transcript_segments').get() as { n: number }).n).toBe(0);
    app.close();
  });

  it('migration 0006 adds transcripts to a database with rounds in it, and they work at once', async () => {
    const dataDir = tempDir();
    let app = await makeApp(dataDir, { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'words-loop' } });
    const round = await recordRound(app, session.id, 0, webm);
    await app.analysis.idle();
    app.close();
    rewindDatabase(app.paths.databaseFile, '0005_segments_ms');
    const before = new Database(app.paths.databaseFile, { readonly: true });
    const tables = before.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%transcript%'").all();
    before.close();
    expect(tables).toEqual([]);

    app = await makeApp(dataDir);
    expect((await call(app, 'session:get', { sessionId: session.id })).rounds[0]!.recording?.status).toBe('finalized');
    expect(app.transcripts.roundsWithout(5)).toEqual([round.id]);
    app.transcripts.save(transcriptOf(round.id, ['bernoulli likelihood']));
    expect((await call(app, 'transcript:search', { query: 'bernoulli' })).hits.map((h) => h.roundId)).toEqual([
      round.id,
    ]);
    app.close();
  });

  it('migration 0006 refuses a transcript state the app does not know', () => {
    const dataDir = tempDir();
    const opened = openDatabase({ file: `${dataDir}/loop.db`, migrationsDir, now: () => 1 });
    const client = opened.db.$client;
    client.pragma('foreign_keys = OFF');
    expect(() =>
      client
        .prepare(
          "INSERT INTO round_transcripts (round_id, model_id, status, created_at, updated_at) VALUES ('x', 'm', 'finished', 1, 1)",
        )
        .run(),
    ).toThrow(/CHECK constraint failed: round_transcripts_status_check/);
    client.close();
  });
});

describe('the search query', () => {
  it('quotes every word, makes the last a prefix, and drops FTS syntax', () => {
    expect(ftsQuery('cross entropy')).toBe('"cross" "entropy"*');
    expect(ftsQuery('"a" OR b*')).toBe('"a" "OR" "b"*');
    expect(ftsQuery("don't")).toBe('"dont"*');
    expect(ftsQuery(' ... ')).toBeNull();
  });
  it('splits marked snippets into parts', () => {
    expect(snippetParts('a \u0002b\u0003 c')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ]);
    expect(snippetParts('\u0002x')).toEqual([{ text: 'x', match: true }]);
  });
});
