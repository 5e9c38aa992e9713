/**
 * Issue 22, D3: a chunk's bytes and its row commit together or not at all. Faults injected into a
 * real SQLite file between the file write and the row update — another connection holding the write
 * lock past busy_timeout (SQLITE_BUSY), a database that cannot grow (SQLITE_FULL, by max_page_count),
 * and a SIGKILL in that window — each leave the audio and the peaks byte-identical to the
 * acknowledged chunks, and the resend lands once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { decodeToPcm, remuxWebm } from '../../../../../src/main/services/recording/ffmpeg';
import { chunkPeaks, chunksOf, joined, webmFixture } from '../../../../support/audio';
import { rewindDatabase } from '../../../../support/migrations';
import { makeApp as makeAppWith, oneRoundLoop } from '../../../../support/sessions';
import { repoRoot, tempDir } from '../../../../support/temp';

let webm = '';
beforeAll(() => {
  webm = webmFixture('unit-answer', [
    'A hash map stores keys in buckets chosen by a hash function.',
    1.5,
    'Collisions go into a list.',
  ]).webm;
}, 60_000);

const makeApp = (dataDir = tempDir(), resumeGraceMs = 0) =>
  makeAppWith(dataDir, { 'one.yaml': oneRoundLoop }, undefined, { resumeGraceMs });

type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

async function startRound(app: LoopCoach) {
  const started = (await dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'one' } })) as Result;
  const sessionId = (started.value as { id: string }).id;
  const begun = (await dispatch(app.handlers, 'round:begin', {
    sessionId,
    roundIndex: 0,
    mimeType: 'audio/webm',
  })) as Result;
  const recording = (begun.value as { recording: { id: string; mediaUrl: string; peaksUrl: string } }).recording;
  const file = path.join(app.paths.dataDir, recording.mediaUrl.slice('/media/'.length));
  return {
    sessionId,
    recordingId: recording.id,
    part: `${file}.part`,
    peaks: path.join(app.paths.dataDir, recording.peaksUrl.slice('/media/'.length)),
  };
}

const chunks = () => chunksOf(webm, 6);
const offsetOf = (all: Uint8Array[], seq: number) => all.slice(0, seq).reduce((n, c) => n + c.length, 0);

function send(app: LoopCoach, recordingId: string, all: Uint8Array[], seq: number): Promise<Result> {
  return dispatch(app.handlers, 'recording:chunk', {
    recordingId,
    seq,
    offset: offsetOf(all, seq),
    data: all[seq]!,
    peaks: chunkPeaks(seq),
  }) as Promise<Result>;
}

/** The files hold exactly chunks [0, n): audio and peaks, byte for byte. */
function expectHolds(files: { part: string; peaks: string }, all: Uint8Array[], n: number) {
  expect(fs.readFileSync(files.part).equals(joined(all.slice(0, n)))).toBe(true);
  const peaks = Array.from({ length: n }, (_, seq) => chunkPeaks(seq));
  expect(fs.readFileSync(files.peaks).equals(joined(peaks))).toBe(true);
}

describe('a refused row update', () => {
  it('SQLITE_BUSY (another connection holds the write lock past busy_timeout): nothing stays written, the resend lands once', async () => {
    const app = await makeApp();
    const files = await startRound(app);
    const all = chunks();
    for (const seq of [0, 1]) expect((await send(app, files.recordingId, all, seq)).ok).toBe(true);

    const other = new Database(app.paths.databaseFile);
    other.exec('BEGIN IMMEDIATE');
    // The same SQLITE_BUSY as after the app's 5 s, sooner.
    app.db.$client.pragma('busy_timeout = 50');
    const refused = await send(app, files.recordingId, all, 2);
    expectHolds(files, all, 2);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'busy', message: expect.stringMatching(/database is busy.*chunk 2 was not saved/) },
    });
    other.exec('ROLLBACK');
    other.close();

    for (let seq = 2; seq < all.length; seq++) expect((await send(app, files.recordingId, all, seq)).ok).toBe(true);
    expectHolds(files, all, all.length);
    app.close();
  });

  it('SQLITE_FULL (the database cannot grow a page): nothing stays written, the resend lands once when it can', async () => {
    const app = await makeApp();
    const files = await startRound(app);
    const all = chunks();
    expect((await send(app, files.recordingId, all, 0)).ok).toBe(true);
    // Another round's recording row shares the table's one page; its filler leaves no room for this
    // row to grow, so the next update must split the page, which max_page_count forbids.
    const neighbour = await startRound(app);
    const c = app.db.$client;
    const unused = () =>
      c.prepare("SELECT unused FROM dbstat WHERE name = 'recordings' AND pagetype = 'leaf'").all() as {
        unused: number;
      }[];
    c.exec('VACUUM'); // no free page left to reuse
    const fill = c.prepare('UPDATE recordings SET error = ? WHERE id = ?');
    fill.run('x'.repeat(100), neighbour.recordingId);
    fill.run('x'.repeat(100 + unused()[0]!.unused), neighbour.recordingId);
    expect(unused()).toEqual([{ unused: 0 }]);
    expect(c.pragma('freelist_count', { simple: true })).toBe(0);
    const pages = c.pragma('page_count', { simple: true }) as number;
    c.pragma(`max_page_count = ${pages}`);

    const refused = await send(app, files.recordingId, all, 1);
    expectHolds(files, all, 1);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/disk is full.*chunk 1 was not saved/) },
    });

    c.pragma(`max_page_count = ${pages + 1000}`);
    for (let seq = 1; seq < all.length; seq++) expect((await send(app, files.recordingId, all, seq)).ok).toBe(true);
    expectHolds(files, all, all.length);
    app.close();
  });
});

/** Runs the kill child: records, and dies between chunk `killAt`'s file write and its row update. */
async function killedMidChunk(dataDir: string, killAt: number): Promise<{ recordingId: string; acked: number[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'tests/support/recording-kill-child.ts'), dataDir, webm, `${killAt}`, '6'],
    { cwd: repoRoot },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
  expect(signal, err).toBe('SIGKILL');
  const recordingId = /recording (\S+)/.exec(out)![1]!;
  const acked = [...out.matchAll(/ack (\d+)/g)].map((m) => Number(m[1]));
  return { recordingId, acked };
}

type Row = { file: string; peaks_file: string; bytes: number; peaks_bytes: number; status: string };
const rowOf = (dataDir: string, id: string) => {
  const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
  const row = db.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as Row;
  db.close();
  return row;
};

describe('a kill between the file write and the row update', () => {
  it('the page resends the unacknowledged chunk after a restart: audio and peaks hold each chunk once', async () => {
    const dataDir = tempDir();
    const all = chunks();
    const { recordingId, acked } = await killedMidChunk(dataDir, 3);
    expect(acked).toEqual([0, 1, 2]);
    // The kill hit the window: chunk 3 is on disk, but the row counts chunks 0–2 only.
    const row = rowOf(dataDir, recordingId);
    const files = { part: path.join(dataDir, `${row.file}.part`), peaks: path.join(dataDir, row.peaks_file) };
    expect(row.bytes).toBe(offsetOf(all, 3));
    expect(fs.statSync(files.part).size).toBe(offsetOf(all, 4));

    // Browser mode comes back and waits for its page, which resends chunk 3 and carries on.
    const app = await makeApp(dataDir, 60_000);
    for (let seq = 3; seq < all.length; seq++) expect((await send(app, recordingId, all, seq)).ok).toBe(true);
    expectHolds(files, all, all.length);
    const finished = (await dispatch(app.handlers, 'recording:finish', { recordingId })) as Result;
    expect(finished).toMatchObject({ ok: true, value: { status: 'finalized' } });
    expect(fs.readFileSync(files.peaks).equals(joined(all.map((_, seq) => chunkPeaks(seq))))).toBe(true);
    app.close();
  });

  it('recovered at the next start: the audio is the acknowledged chunks’ and the peaks are trimmed to them', async () => {
    const dataDir = tempDir();
    const all = chunks();
    const { recordingId, acked } = await killedMidChunk(dataDir, 3);
    expect(acked).toEqual([0, 1, 2]);
    const row = rowOf(dataDir, recordingId);
    expect(fs.statSync(path.join(dataDir, row.peaks_file)).size).toBe(joined([0, 1, 2, 3].map(chunkPeaks)).length);

    const app = await makeApp(dataDir);
    expect(app.recovered).toBe(1);
    const after = rowOf(dataDir, recordingId);
    expect(after.status).toBe('recovered');
    expect(fs.readFileSync(path.join(dataDir, after.peaks_file)).equals(joined([0, 1, 2].map(chunkPeaks)))).toBe(true);
    // The finalized audio decodes exactly as the acknowledged chunks, remuxed the same way, do.
    const expected = path.join(tempDir(), 'acknowledged.webm');
    fs.writeFileSync(`${expected}.part`, joined(all.slice(0, 3)));
    await remuxWebm(`${expected}.part`, expected);
    const [got, want] = await Promise.all([decodeToPcm(path.join(dataDir, after.file)), decodeToPcm(expected)]);
    expect(got.length).toBeGreaterThan(0);
    expect(Buffer.from(got.buffer).equals(Buffer.from(want.buffer))).toBe(true);
    app.close();
  });
});

describe('migration 0013 (peaks_bytes)', () => {
  it('a recording left open by the version before it carries on: its peaks file is taken as it is, then counted', async () => {
    const dataDir = tempDir();
    const all = chunks();
    let app = await makeApp(dataDir);
    const files = await startRound(app);
    for (const seq of [0, 1]) expect((await send(app, files.recordingId, all, seq)).ok).toBe(true);
    // The old version dies mid-round; its database has no peaks_bytes.
    app.recordings.closeAll();
    app.db.$client.close();
    rewindDatabase(path.join(dataDir, 'loop-coach.db'), '0012_progress_area_sums');

    app = await makeApp(dataDir, 60_000);
    expect(rowOf(dataDir, files.recordingId).peaks_bytes).toBeNull();
    for (let seq = 2; seq < all.length; seq++) expect((await send(app, files.recordingId, all, seq)).ok).toBe(true);
    expectHolds(files, all, all.length);
    expect(rowOf(dataDir, files.recordingId).peaks_bytes).toBe(fs.statSync(files.peaks).size);
    app.close();
  });
});

describe('a finish that died after naming the finished file', () => {
  it('the next start keeps that file as it is (never renames another onto it) and recovers the round', async () => {
    const dataDir = tempDir();
    const all = chunks();
    let app = await makeApp(dataDir);
    const files = await startRound(app);
    for (let seq = 0; seq < all.length; seq++) expect((await send(app, files.recordingId, all, seq)).ok).toBe(true);
    expect(
      (await dispatch(app.handlers, 'recording:finish', { recordingId: files.recordingId })) as Result,
    ).toMatchObject({ ok: true, value: { status: 'finalized' } });
    const final = files.part.replace(/\.part$/, '');
    // Back to the moment before the row update: the finished file named, the .part still there.
    fs.writeFileSync(files.part, joined(all));
    app.db.$client.prepare("UPDATE recordings SET status = 'recording' WHERE id = ?").run(files.recordingId);
    app.close();
    const before = { ino: fs.statSync(final).ino, bytes: fs.readFileSync(final) };

    app = await makeApp(dataDir);
    expect(app.recovered).toBe(1);
    expect(fs.statSync(final).ino).toBe(before.ino);
    expect(fs.readFileSync(final).equals(before.bytes)).toBe(true);
    expect(fs.existsSync(files.part)).toBe(false);
    expect(rowOf(dataDir, files.recordingId)).toMatchObject({ status: 'recovered', bytes: before.bytes.length });
    app.close();
  });
});
