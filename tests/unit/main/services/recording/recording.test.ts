import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLoopCoach, type LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { decodeToPcm, probeDurationMs } from '../../../../../src/main/services/recording/ffmpeg';
import { chunksOf, wavDurationSeconds, webmFixture } from '../../../../support/audio';
import { builtinContentDir, migrationsDir, repoRoot, tempDir, writeFiles } from '../../../../support/temp';

const loop = `kind: loop
id: two-rounds
title: Two rounds
category: Mixed
rounds:
  - questionType: theory
    prompt: Explain what a hash map is and when it degrades.
    budgetSeconds: 120
    expectedPoints: [buckets]
    followUps: [{ text: What is the worst case?, atSeconds: 60 }]
  - questionType: implementation
    prompt: Now implement a tiny hash map with separate chaining.
    budgetSeconds: 240
    expectedPoints: [array of lists]
    followUps: [{ text: How do you resize?, atSeconds: 100 }]
`;

let webm = '';
let webmSeconds = 0;
beforeAll(() => {
  const fixture = webmFixture('unit-answer', [
    'A hash map stores keys in buckets chosen by a hash function.',
    1.5,
    'Collisions go into a list.',
  ]);
  webm = fixture.webm;
  webmSeconds = wavDurationSeconds(fixture.wav);
}, 60_000);

async function makeApp(dataDir = tempDir()): Promise<LoopCoach> {
  writeFiles(path.join(dataDir, 'content'), { 'two.yaml': loop });
  return createLoopCoach({ dataDir, builtinContentDir, migrationsDir, transport: 'web', version: 'test' });
}

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error!.message);
  return result.value as T;
}

async function startRound(app: LoopCoach, index = 0) {
  const session = await ok<{ id: string }>(
    dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'two-rounds' } }),
  );
  const begun = await ok<{ round: { id: string }; recording: { id: string; mediaUrl: string } }>(
    dispatch(app.handlers, 'round:begin', {
      sessionId: session.id,
      roundIndex: index,
      mimeType: 'audio/webm;codecs=opus',
    }),
  );
  return {
    sessionId: session.id,
    roundId: begun.round.id,
    recordingId: begun.recording.id,
    mediaUrl: begun.recording.mediaUrl,
  };
}

const peaks = (n: number) => new Uint8Array(n).fill(128);

describe('recording a round', () => {
  it('appends chunks to disk and finalizes a seekable webm with its true duration', async () => {
    const app = await makeApp();
    const { recordingId, roundId } = await startRound(app);
    const chunks = chunksOf(webm, 8);
    for (const [seq, data] of chunks.entries()) {
      await ok(dispatch(app.handlers, 'recording:chunk', { recordingId, seq, data, peaks: peaks(50) }));
    }
    const finished = await ok<{
      status: string;
      durationMs: number;
      bytes: number;
      mediaUrl: string;
      peaksUrl: string;
    }>(dispatch(app.handlers, 'recording:finish', { recordingId }));
    expect(finished.status).toBe('finalized');
    expect(Math.abs(finished.durationMs / 1000 - webmSeconds)).toBeLessThan(0.1);
    const file = path.join(app.paths.dataDir, finished.mediaUrl.replace('/media/', ''));
    expect(fs.statSync(file).size).toBe(finished.bytes);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
    expect(fs.readFileSync(path.join(app.paths.dataDir, finished.peaksUrl.replace('/media/', ''))).length).toBe(8 * 50);
    // The container now states its duration (MediaRecorder's stream has none), and seeking works.
    expect(await probeDurationMs(file)).toBe(finished.durationMs);
    expect(await probeDurationMs(`${file}.part`).catch(() => null)).toBeNull();
    const fromTwoSeconds = await decodeToPcm(file, 16000, 2);
    expect(Math.abs(fromTwoSeconds.length / 16000 - (webmSeconds - 2))).toBeLessThan(0.1);
    const pcm = await decodeToPcm(file);
    expect(Math.abs(pcm.length / 16000 - webmSeconds)).toBeLessThan(0.1);
    const round = await ok<{ status: string }>(dispatch(app.handlers, 'round:end', { roundId, outcome: 'done' }));
    expect(round.status).toBe('done');
    app.close();
  });

  it('never duplicates a round: a second begin returns the same recording, chunks are acknowledged once', async () => {
    const app = await makeApp();
    const { sessionId, recordingId } = await startRound(app);
    const again = await ok<{ recording: { id: string } }>(
      dispatch(app.handlers, 'round:begin', { sessionId, roundIndex: 0, mimeType: 'audio/webm' }),
    );
    expect(again.recording.id).toBe(recordingId);
    const [first, second] = chunksOf(webm, 4);
    await ok(dispatch(app.handlers, 'recording:chunk', { recordingId, seq: 0, data: first!, peaks: peaks(10) }));
    expect(
      await ok(dispatch(app.handlers, 'recording:chunk', { recordingId, seq: 0, data: first!, peaks: peaks(10) })),
    ).toEqual({ bytes: first!.length, chunks: 1 });
    expect(
      await dispatch(app.handlers, 'recording:chunk', { recordingId, seq: 2, data: second!, peaks: peaks(10) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/before chunk 1/) },
    });
    const rows = app.db.$client.prepare('SELECT COUNT(*) AS n FROM recordings').get() as { n: number };
    expect(rows.n).toBe(1);
    // Finishing twice at once waits for the one finalization.
    const [a, b] = await Promise.all([
      dispatch(app.handlers, 'recording:finish', { recordingId }),
      dispatch(app.handlers, 'recording:finish', { recordingId }),
    ]);
    expect(a).toEqual(b);
    expect(
      await dispatch(app.handlers, 'round:begin', { sessionId, roundIndex: 0, mimeType: 'audio/webm' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already recorded/) },
    });
    app.close();
  });

  it('stores follow-ups with scheduled and spoken times, and session events', async () => {
    const app = await makeApp();
    const { sessionId, roundId } = await startRound(app);
    await ok(
      dispatch(app.handlers, 'followup:record', {
        roundId,
        index: 0,
        text: 'What is the worst case?',
        trigger: 'scheduled',
        scheduledMs: 60000,
        spokenStartMs: 60040,
        spokenEndMs: null,
      }),
    );
    await ok(
      dispatch(app.handlers, 'followup:record', {
        roundId,
        index: 0,
        text: 'What is the worst case?',
        trigger: 'scheduled',
        scheduledMs: 60000,
        spokenStartMs: 60040,
        spokenEndMs: 61800,
      }),
    );
    const adhoc = await ok<{ index: number }>(
      dispatch(app.handlers, 'followup:record', {
        roundId,
        text: 'Why chaining?',
        trigger: 'adhoc',
        scheduledMs: null,
        spokenStartMs: 70000,
        spokenEndMs: 71000,
      }),
    );
    expect(adhoc.index).toBe(1);
    await ok(
      dispatch(app.handlers, 'session:event', { sessionId, roundId, type: 'prompt-spoken', data: { ms: 3200 } }),
    );
    const session = await ok<{ rounds: { askedFollowUps: unknown[] }[]; status: string }>(
      dispatch(app.handlers, 'session:get', { sessionId }),
    );
    expect(session.status).toBe('running');
    expect(session.rounds[0]!.askedFollowUps).toEqual([
      {
        index: 0,
        text: 'What is the worst case?',
        trigger: 'scheduled',
        scheduledMs: 60000,
        spokenStartMs: 60040,
        spokenEndMs: 61800,
      },
      {
        index: 1,
        text: 'Why chaining?',
        trigger: 'adhoc',
        scheduledMs: null,
        spokenStartMs: 70000,
        spokenEndMs: 71000,
      },
    ]);
    const types = (
      app.db.$client.prepare('SELECT type FROM session_events WHERE session_id = ? ORDER BY id').all(sessionId) as {
        type: string;
      }[]
    ).map((r) => r.type);
    expect(types).toEqual(['session-created', 'round-started', 'prompt-spoken']);
    app.close();
  });

  it('ending a session mid-round finalizes the recording and keeps it', async () => {
    const app = await makeApp();
    const { sessionId, recordingId } = await startRound(app);
    for (const [seq, data] of chunksOf(webm, 6).slice(0, 3).entries()) {
      await ok(dispatch(app.handlers, 'recording:chunk', { recordingId, seq, data, peaks: peaks(50) }));
    }
    const ended = await ok<{
      status: string;
      rounds: { status: string; recording: { status: string; durationMs: number } | null }[];
    }>(dispatch(app.handlers, 'session:control', { sessionId, action: 'end' }));
    expect(ended.status).toBe('ended');
    expect(ended.rounds[0]).toMatchObject({ status: 'done', recording: { status: 'finalized' } });
    expect(ended.rounds[0]!.recording!.durationMs).toBeGreaterThan(500);
    app.close();
  });

  it('recovers a recording a crash left open: playable, seekable, duration from the data, session offered for resume', async () => {
    const dataDir = tempDir();
    const app = await makeApp(dataDir);
    const { sessionId, recordingId } = await startRound(app);
    const chunks = chunksOf(webm, 10);
    for (const [seq, data] of chunks.slice(0, 6).entries()) {
      await ok(dispatch(app.handlers, 'recording:chunk', { recordingId, seq, data, peaks: peaks(50) }));
    }
    // A crash: files and database are left as they are (no finish, no close).
    app.recordings.closeAll();
    app.db.$client.close();
    const restarted = await makeApp(dataDir);
    expect(restarted.recovered).toBe(1);
    const unfinished = await ok<
      { sessionId: string; recoveredRounds: { durationMs: number }[]; nextRoundIndex: number }[]
    >(dispatch(restarted.handlers, 'recovery:list', {}));
    expect(unfinished).toHaveLength(1);
    expect(unfinished[0]).toMatchObject({ sessionId, nextRoundIndex: 1 });
    const recovered = unfinished[0]!.recoveredRounds[0]!;
    expect(recovered.durationMs / 1000).toBeGreaterThan(webmSeconds * 0.5 - 0.6);
    const session = await ok<{
      status: string;
      rounds: { status: string; recording: { status: string; mediaUrl: string } }[];
    }>(dispatch(restarted.handlers, 'session:get', { sessionId }));
    expect(session.status).toBe('paused');
    expect(session.rounds[0]).toMatchObject({ status: 'recovered', recording: { status: 'recovered' } });
    const file = path.join(dataDir, session.rounds[0]!.recording.mediaUrl.replace('/media/', ''));
    const pcm = await decodeToPcm(file);
    expect(Math.abs(pcm.length / 16000 - recovered.durationMs / 1000)).toBeLessThan(0.15);
    const closed = await ok<{ status: string }>(
      dispatch(restarted.handlers, 'session:control', { sessionId, action: 'abandon' }),
    );
    expect(closed.status).toBe('abandoned');
    expect(fs.existsSync(file)).toBe(true);
    restarted.close();
  });

  it('a full disk mid-round gives a clear error and keeps the audio written so far', async () => {
    // A file-size limit stands in for a full disk: writes past it fail with EFBIG (Node ignores SIGXFSZ).
    const dataDir = tempDir();
    const script = path.join(repoRoot, 'tests', 'support', 'disk-full-child.ts');
    const result = spawnSync(
      'bash',
      ['-c', `ulimit -f 4096 && exec "${process.execPath}" --import tsx "${script}" "${dataDir}" "${webm}"`],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').pop()!) as {
      error: { code: string; message: string };
      written: number;
      atError: { rowBytes: number; partBytes: number };
      finished: { status: string; durationMs: number; bytes: number };
    };
    expect(report.error.code).toBe('unavailable');
    expect(report.error.message).toMatch(/disk is full.*kept/);
    // The write that hit the limit was cut back: the file holds exactly what the row counts.
    expect(report.atError.partBytes).toBe(report.written);
    expect(report.atError.rowBytes).toBe(report.written);
    // The real audio (the first chunks) is finalized whole; the filler after it is not audio.
    expect(report.finished.status).toBe('finalized');
    expect(Math.abs(report.finished.durationMs / 1000 - webmSeconds)).toBeLessThan(0.1);
  });
});
