/**
 * Reliability under abuse. The fast versions run in `npm test`; `npm run test:long` runs the full
 * counts from docs/quality.md (200 database kills, 50 server kills mid-recording).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/main/services/content/load';
import { decodeToPcm } from '../../../src/main/services/recording/ffmpeg';
import { webmFixture } from '../../support/audio';
import { prng, hostileStrings } from '../../support/hostile';
import { api, streamUntilKilled } from '../../support/recording-client';
import { builtinContentDir, repoRoot, tempDir, writeFiles } from '../../support/temp';
import { startServer } from '../../support/web-server';

const LONG = process.env.LOOP_COACH_LONG_TESTS === '1';

describe('a process writing to the database, killed again and again', () => {
  const kills = LONG ? 200 : 15;
  it(`keeps every committed row (${kills} SIGKILLs)`, async () => {
    const dbFile = path.join(tempDir(), 'loop-coach.db');
    const random = prng(42);
    const committed: number[] = [];
    for (let k = 0; k < kills; k++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot, 'tests/support/db-writer-child.ts'), dbFile, `kill ${k}`],
        { cwd: repoRoot },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      // Wait until it writes, then kill it at a random moment.
      await new Promise<void>((resolve) => {
        const started = () => {
          if (out.includes('session ')) {
            child.stdout.off('data', started);
            setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 60));
          }
        };
        child.stdout.on('data', started);
        child.on('exit', () => resolve());
      });
      committed.push(
        ...out
          .split('\n')
          .filter((l) => /^\d+$/.test(l))
          .map(Number),
      );
    }
    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const present = new Set((db.prepare('SELECT id FROM session_events').all() as { id: number }[]).map((r) => r.id));
    const lost = committed.filter((id) => !present.has(id));
    expect(committed.length).toBeGreaterThan(kills);
    expect(lost).toEqual([]);
    db.close();
  }, 600_000);
});

const loop = `kind: loop\nid: kill-loop\ntitle: Kill loop\ncategory: Theory\nrounds:\n  - questionType: theory\n    prompt: Keep talking while the server is killed.\n    budgetSeconds: 600\n    expectedPoints: [stamina]\n`;

describe('the browser-mode server killed mid-recording', () => {
  const kills = LONG ? 50 : 3;
  let webm = '';
  let webmSeconds = 0;
  beforeAll(() => {
    const parts: (string | number)[] = [];
    for (let i = 0; i < 6; i++)
      parts.push(`This is sentence number ${i + 1} of a long answer about hash maps and their resizing.`, 0.6);
    const fixture = webmFixture('kill-answer', parts);
    webm = fixture.webm;
    webmSeconds = Number(fs.statSync(fixture.wav).size) / (48000 * 2);
  }, 60_000);

  it(`recovers every recording, playable, losing at most 1.5 s (${kills} SIGKILLs at random moments)`, async () => {
    const random = prng(7);
    const dataDir = tempDir();
    writeFiles(path.join(dataDir, 'content'), { 'kill.yaml': loop });
    const chunks = 40;
    const secondsPerChunk = webmSeconds / chunks;
    const results: { acknowledged: number; recoveredSeconds: number }[] = [];
    for (let k = 0; k < kills; k++) {
      const server = await startServer(dataDir);
      const started = await api(server, 'session:start', { source: { type: 'item', id: 'kill-loop' } });
      const sessionId = (started.value as { id: string }).id;
      const begun = await api(server, 'round:begin', { sessionId, roundIndex: 0, mimeType: 'audio/webm;codecs=opus' });
      const recordingId = (begun.value as { recording: { id: string } }).recording.id;
      const killAfter = 300 + Math.floor(random() * 1500);
      setTimeout(() => void server.stop('SIGKILL'), killAfter);
      const acknowledged = await streamUntilKilled(server, recordingId, webm, chunks, 20);
      await server.stop('SIGKILL');
      // The next start recovers it.
      const next = await startServer(dataDir);
      await next.stop();
      const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db
        .prepare('SELECT file, status, duration_ms AS durationMs FROM recordings WHERE id = ?')
        .get(recordingId) as { file: string; status: string; durationMs: number | null };
      db.close();
      if (acknowledged === 0) {
        expect(['recovered', 'failed']).toContain(row.status);
        continue;
      }
      expect(row.status).toBe('recovered');
      const pcm = await decodeToPcm(path.join(dataDir, row.file), 16000);
      const recoveredSeconds = pcm.length / 16000;
      results.push({ acknowledged, recoveredSeconds });
      // Every acknowledged chunk's audio is there, give or take the last ~1 s of opus framing.
      expect(recoveredSeconds, `kill ${k}: ${acknowledged} chunks acknowledged`).toBeGreaterThanOrEqual(
        acknowledged * secondsPerChunk - 1.5,
      );
    }
    expect(results.length).toBeGreaterThan(0);
  }, 900_000);
});

describe('malformed and random content files', () => {
  it('never crash the loader, and every problem names its file', async () => {
    const random = prng(99);
    const userDir = tempDir();
    const valid = fs.readFileSync(
      path.join(builtinContentDir, 'loops', fs.readdirSync(path.join(builtinContentDir, 'loops'))[0]!),
      'utf8',
    );
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      const kind = i % 6;
      let body: string;
      if (kind === 0)
        body = Array.from({ length: Math.floor(random() * 400) }, () =>
          String.fromCharCode(Math.floor(random() * 256)),
        ).join('');
      else if (kind === 1) body = valid.slice(0, Math.floor(random() * valid.length));
      else if (kind === 2)
        body = valid
          .replace(/: .*/g, (m) => (random() < 0.2 ? `: ${hostileStrings[Math.floor(random() * 12)]}` : m))
          .replace(/^id: .*/m, `id: fuzz-${i}`);
      else if (kind === 3)
        body = `a: &a [${'x,'.repeat(50)}x]\nb: &b [${'*a,'.repeat(50)}*a]\nc: [${'*b,'.repeat(50)}*b]\n`;
      else if (kind === 4) body = `${'['.repeat(500)}${']'.repeat(500)}`;
      else
        body = valid
          .replace(/^id: .*/m, `id: fuzz-${i}`)
          .replace(/budgetSeconds: \d+/, `budgetSeconds: ${['-1', '1e309', '"ten"', 'null', '[]'][i % 5]}`);
      files[`fuzz/file-${String(i).padStart(3, '0')}.yaml`] = body;
    }
    writeFiles(userDir, files);
    const content = await loadContent({ builtinDir: builtinContentDir, userDir });
    expect(content.problems.length).toBeGreaterThan(100);
    for (const p of content.problems) {
      expect(p.file).toMatch(/^fuzz\/file-\d{3}\.yaml$/);
      expect(p.message.length).toBeGreaterThan(0);
    }
    expect([...content.items.values()].filter((i) => i.origin === 'builtin').length).toBeGreaterThanOrEqual(60);
  }, 60_000);
});
