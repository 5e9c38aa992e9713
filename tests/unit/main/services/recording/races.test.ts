/**
 * The recording path's races, each against a real SQLite file, real files and real webm audio:
 * positional appends, a chunk that arrives while finish remuxes, a write cut short by a full disk,
 * a failed begin, and a browser-mode restart the open page comes back from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoopCoach, type LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { decodeToPcm } from '../../../../../src/main/services/recording/ffmpeg';
import { chunksOf, wavDurationSeconds, webmFixture } from '../../../../support/audio';
import { builtinContentDir, migrationsDir, tempDir, writeFiles } from '../../../../support/temp';

const loop = `kind: loop
id: one-round
title: One round
category: Mixed
rounds:
  - questionType: theory
    prompt: Explain what a hash map is and when it degrades.
    budgetSeconds: 120
    expectedPoints: [buckets]
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

afterEach(() => vi.restoreAllMocks());

async function makeApp(dataDir = tempDir(), extra: Record<string, unknown> = {}): Promise<LoopCoach> {
  writeFiles(path.join(dataDir, 'content'), { 'one.yaml': loop });
  return createLoopCoach({ dataDir, builtinContentDir, migrationsDir, transport: 'web', version: 'test', ...extra });
}

type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

async function ok<T>(promise: Promise<Result>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error!.message);
  return result.value as T;
}

async function startRound(app: LoopCoach) {
  const session = await ok<{ id: string }>(
    dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'one-round' } }),
  );
  const begun = await ok<{ recording: { id: string; mediaUrl: string } }>(
    dispatch(app.handlers, 'round:begin', { sessionId: session.id, roundIndex: 0, mimeType: 'audio/webm' }),
  );
  const file = path.join(app.paths.dataDir, begun.recording.mediaUrl.slice('/media/'.length));
  return { sessionId: session.id, recordingId: begun.recording.id, file, part: `${file}.part` };
}

const peaks = (n: number) => new Uint8Array(n).fill(128);

/** File descriptors this process holds on files inside `dir` (Linux /proc). */
function openFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir) && !target.endsWith('.db') && !/\.db-(wal|shm)$/.test(target)) out.push(target);
    } catch {
      // The fd closed while listing (readdir's own).
    }
  }
  return out;
}

function chunk(app: LoopCoach, recordingId: string, seq: number, offset: number, data: Uint8Array, n = 50) {
  return dispatch(app.handlers, 'recording:chunk', { recordingId, seq, offset, data, peaks: peaks(n) });
}

describe('recording races', () => {
  it('appends are positional: a resend is acknowledged without a second write, a wrong offset is refused', async () => {
    const app = await makeApp();
    const { recordingId, part } = await startRound(app);
    const [a, b, c] = chunksOf(webm, 3) as [Uint8Array, Uint8Array, Uint8Array];
    expect(await ok(chunk(app, recordingId, 0, 0, a))).toEqual({ bytes: a.length, chunks: 1 });
    // The answer to chunk 0 was lost; the page resends it.
    expect(await ok(chunk(app, recordingId, 0, 0, a))).toEqual({ bytes: a.length, chunks: 1 });
    expect(fs.statSync(part).size).toBe(a.length);
    // Chunk 1 claiming to start anywhere but the end of chunk 0 is refused, and nothing is written.
    expect(await chunk(app, recordingId, 1, a.length + 5, b)).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/chunk 1 starts at byte \d+, but the recording holds/),
      },
    });
    // A resent chunk that does not fit what is stored is refused too.
    expect(await chunk(app, recordingId, 0, 0, b)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/chunk 0 .* does not match/) },
    });
    expect(fs.statSync(part).size).toBe(a.length);
    // A gap is refused.
    expect(await chunk(app, recordingId, 2, a.length + b.length, c)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/before chunk 1/) },
    });
    await ok(chunk(app, recordingId, 1, a.length, b));
    await ok(chunk(app, recordingId, 2, a.length + b.length, c));
    const finished = await ok<{ status: string; durationMs: number }>(
      dispatch(app.handlers, 'recording:finish', { recordingId }),
    );
    expect(finished.status).toBe('finalized');
    expect(Math.abs(finished.durationMs / 1000 - webmSeconds)).toBeLessThan(0.1);
    app.close();
  });

  it('a chunk arriving while finish remuxes is refused, not written to the .part file about to go', async () => {
    const app = await makeApp();
    const { recordingId, part } = await startRound(app);
    const chunks = chunksOf(webm, 4);
    let offset = 0;
    for (const [seq, data] of chunks.slice(0, 3).entries()) {
      await ok(chunk(app, recordingId, seq, offset, data));
      offset += data.length;
    }
    const finishing = dispatch(app.handlers, 'recording:finish', { recordingId });
    const late = await chunk(app, recordingId, 3, offset, chunks[3]!);
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/being finished/) },
    });
    const finished = await ok<{ status: string; bytes: number }>(finishing);
    expect(finished.status).toBe('finalized');
    expect(fs.existsSync(part)).toBe(false);
    // No descriptor left on a deleted .part (or anything else in the data folder).
    expect(openFilesUnder(app.paths.dataDir)).toEqual([]);
    app.close();
  });

  it('finish told how many chunks the page made waits for the one still on its way', async () => {
    const app = await makeApp();
    const { recordingId, file } = await startRound(app);
    const chunks = chunksOf(webm, 4);
    let offset = 0;
    for (const [seq, data] of chunks.slice(0, 3).entries()) {
      await ok(chunk(app, recordingId, seq, offset, data));
      offset += data.length;
    }
    const finishing = dispatch(app.handlers, 'recording:finish', { recordingId, chunks: 4 });
    await new Promise((r) => setTimeout(r, 50));
    expect(await ok(chunk(app, recordingId, 3, offset, chunks[3]!))).toMatchObject({ chunks: 4 });
    const finished = await ok<{ status: string; durationMs: number }>(finishing);
    expect(finished.status).toBe('finalized');
    const pcm = await decodeToPcm(file);
    expect(Math.abs(pcm.length / 16000 - webmSeconds)).toBeLessThan(0.1);
    app.close();
  });

  it('a write cut short by a full disk is rolled back to the last committed byte, and the resend completes it', async () => {
    const app = await makeApp();
    const { recordingId, part, file } = await startRound(app);
    const [a, b] = chunksOf(webm, 2) as [Uint8Array, Uint8Array];
    await ok(chunk(app, recordingId, 0, 0, a));
    const realWrite = fs.writeSync;
    let calls = 0;
    // Half of chunk 1 reaches the disk, then the disk is full.
    vi.spyOn(fs, 'writeSync').mockImplementation(((
      fd: number,
      buffer: Uint8Array,
      offset?: number,
      _length?: number,
      position?: number,
    ) => {
      calls++;
      if (calls === 1) return realWrite(fd, buffer, offset ?? 0, Math.floor(b.length / 2), position);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof fs.writeSync);
    const full = await chunk(app, recordingId, 1, a.length, b);
    expect(full).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/disk is full/) },
    });
    vi.restoreAllMocks();
    const row = app.db.$client.prepare('SELECT bytes, chunks FROM recordings WHERE id = ?').get(recordingId) as {
      bytes: number;
      chunks: number;
    };
    expect(row).toEqual({ bytes: a.length, chunks: 1 });
    expect(fs.statSync(part).size).toBe(row.bytes);
    // Space is back: the page resends chunk 1 and the recording is whole.
    expect(await ok(chunk(app, recordingId, 1, a.length, b))).toEqual({ bytes: a.length + b.length, chunks: 2 });
    await ok(dispatch(app.handlers, 'recording:finish', { recordingId }));
    const pcm = await decodeToPcm(file);
    expect(Math.abs(pcm.length / 16000 - webmSeconds)).toBeLessThan(0.1);
    app.close();
  });

  it('a begin that fails in the database leaves no file and no open descriptor behind', async () => {
    const app = await makeApp();
    const session = await ok<{ id: string }>(
      dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'one-round' } }),
    );
    app.db.$client.exec(
      "CREATE TRIGGER refuse_recording BEFORE INSERT ON recordings BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
    );
    const result = await dispatch(app.handlers, 'round:begin', {
      sessionId: session.id,
      roundIndex: 0,
      mimeType: 'audio/webm',
    });
    expect(result.ok).toBe(false);
    expect(openFilesUnder(app.paths.dataDir)).toEqual([]);
    const sessionDir = path.join(app.paths.dataDir, 'recordings', session.id);
    expect(fs.existsSync(sessionDir) ? fs.readdirSync(sessionDir) : []).toEqual([]);
    app.db.$client.exec('DROP TRIGGER refuse_recording');
    await ok(dispatch(app.handlers, 'round:begin', { sessionId: session.id, roundIndex: 0, mimeType: 'audio/webm' }));
    app.close();
  });

  it('after a restart the open page carries on: the recording stays open for it, bytes never committed are cut', async () => {
    const dataDir = tempDir();
    const app = await makeApp(dataDir, { resumeGraceMs: 60_000 });
    const { recordingId, file, part } = await startRound(app);
    const chunks = chunksOf(webm, 6);
    let offset = 0;
    for (const [seq, data] of chunks.slice(0, 3).entries()) {
      await ok(chunk(app, recordingId, seq, offset, data));
      offset += data.length;
    }
    // Killed mid-write: part of chunk 3 reached the file, the row never counted it.
    fs.appendFileSync(part, chunks[3]!.subarray(0, 100));
    app.recordings.closeAll();
    app.db.$client.close();

    const restarted = await makeApp(dataDir, { resumeGraceMs: 60_000 });
    expect(restarted.recovered).toBe(0);
    // The page resends from its first unacknowledged chunk.
    for (const [i, data] of chunks.slice(3).entries()) {
      await ok(chunk(restarted, recordingId, 3 + i, offset, data));
      offset += data.length;
    }
    const finished = await ok<{ status: string; durationMs: number }>(
      dispatch(restarted.handlers, 'recording:finish', { recordingId }),
    );
    expect(finished.status).toBe('finalized');
    expect(Math.abs(finished.durationMs / 1000 - webmSeconds)).toBeLessThan(0.1);
    const pcm = await decodeToPcm(file);
    expect(Math.abs(pcm.length / 16000 - webmSeconds)).toBeLessThan(0.1);
    restarted.close();
  });

  it('a recording nobody comes back for is recovered once the grace has passed', async () => {
    const dataDir = tempDir();
    let clock = 1_000_000;
    const now = () => clock;
    const app = await makeApp(dataDir, { resumeGraceMs: 60_000, now });
    const { recordingId } = await startRound(app);
    for (const [seq, data] of chunksOf(webm, 4).slice(0, 2).entries()) {
      await ok(chunk(app, recordingId, seq, seq === 0 ? 0 : chunksOf(webm, 4)[0]!.length, data));
    }
    app.recordings.closeAll();
    app.db.$client.close();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const restarted = await makeApp(dataDir, { resumeGraceMs: 60_000, now });
      expect(restarted.recovered).toBe(0);
      const changed: string[] = [];
      restarted.events.subscribe((channel, payload) => {
        if (channel === 'session:changed') changed.push((payload as { sessionId: string }).sessionId);
      });
      const queued: string[] = [];
      const enqueue = restarted.analysis.enqueue.bind(restarted.analysis);
      restarted.analysis.enqueue = (roundId: string) => {
        queued.push(roundId);
        enqueue(roundId);
      };
      clock += 61_000;
      await vi.advanceTimersByTimeAsync(61_000);
      vi.useRealTimers();
      await restarted.recordings.idle();
      const row = restarted.db.$client.prepare('SELECT status FROM recordings WHERE id = ?').get(recordingId) as {
        status: string;
      };
      expect(row.status).toBe('recovered');
      // An open Library learns of it, and the recovered audio is analysed without waiting for a restart.
      const round = restarted.db.$client
        .prepare(
          'SELECT r.id, r.session_id AS sessionId, r.status FROM rounds r JOIN recordings c ON c.round_id = r.id WHERE c.id = ?',
        )
        .get(recordingId) as { id: string; sessionId: string; status: string };
      expect(round.status).toBe('recovered');
      expect(changed).toEqual([round.sessionId]);
      expect(queued).toEqual([round.id]);
      restarted.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
