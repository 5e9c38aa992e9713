/**
 * Migration 0016 (follow-up decisions, issue 19) on a data folder an older app wrote: real rows (a
 * recorded round with its follow-ups, review and transcript) rewound to the schema of 0014, then
 * opened by this app. Every row is still there and unchanged, and the rounds recorded before the
 * migration take decisions and show them in review.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { webmFixture } from '../../../../support/audio';
import { rewindDatabase } from '../../../../support/migrations';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: migration-decisions
title: Migration decisions
category: Theory
rounds:
  - questionType: theory
    prompt: Explain why deep sigmoid networks train slowly.
    budgetSeconds: 60
    expectedPoints: [the sigmoid saturates]
    followUps: [{ text: What happens to the gradient?, atSeconds: 2 }]
`;

const tables = [
  'sessions',
  'rounds',
  'recordings',
  'follow_ups',
  'session_events',
  'round_reviews',
  'round_transcripts',
];
const dump = (c: Database.Database) =>
  Object.fromEntries(tables.map((t) => [t, c.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
const hasTable = (c: Database.Database, name: string) =>
  c.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

describe('migration 0016 (follow-up decisions)', () => {
  it('adds the decisions table to a database 0014 left, keeping every row; old rounds take decisions', async () => {
    const dataDir = tempDir();
    const { webm } = webmFixture('migration-decisions', ['The sigmoid saturates.', 1, 'Gradients vanish.']);
    let app = await makeApp(dataDir, { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'migration-decisions' } });
    const round = await recordRound(app, session.id, 0, webm);
    await call(app, 'followup:record', {
      roundId: round.id,
      index: 0,
      text: 'What happens to the gradient?',
      trigger: 'scheduled',
      scheduledMs: 2000,
      spokenStartMs: 2100,
      spokenEndMs: 3000,
    });
    await call(app, 'review:save', { roundId: round.id, scores: { clarity: 4 } });
    app.transcripts.save({
      roundId: round.id,
      modelId: 'fixture-tiny',
      createdAt: 1,
      segments: [{ startMs: 0, endMs: 900, text: 'The sigmoid saturates.', words: [] }],
    });
    const file = app.paths.databaseFile;
    app.close();

    rewindDatabase(file, '0014_canonical_ids');
    const { default: SQLite } = await import('better-sqlite3');
    const old = new SQLite(file);
    expect(hasTable(old, 'follow_up_decisions')).toBe(false);
    const before = dump(old);
    expect(before.follow_ups).toHaveLength(1);
    expect(before.round_transcripts).toHaveLength(1);
    old.close();

    app = await makeApp(dataDir, { 'loop.yaml': loop });
    const c = app.db.$client;
    expect(hasTable(c, 'follow_up_decisions')).toBe(true);
    expect(dump(c)).toEqual(before);
    expect(c.pragma('foreign_key_check')).toEqual([]);
    expect(c.pragma('integrity_check', { simple: true })).toBe('ok');

    // The round recorded before the migration takes a decision, resent once, and review shows it.
    const decision = {
      decision: 'skipped' as const,
      reason: 'covered' as const,
      planIndex: 0,
      text: 'What happens to the gradient?',
      pointIndexes: [0],
      atMs: 2000,
      evidenceStartMs: 0,
      evidenceEndMs: 900,
    };
    await call(app, 'followup:decision', { roundId: round.id, decision });
    await call(app, 'followup:decision', { roundId: round.id, decision });
    const view = await call(app, 'review:get', { roundId: round.id });
    expect(view.followUpDecisions).toEqual([{ ...decision, points: [{ index: 0, text: null }] }]);
    expect(view.scores.clarity).toBe(4);
    app.close();
  });
});
