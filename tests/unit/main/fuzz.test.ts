import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestChannels, type RequestChannel } from '../../../src/shared/channels';
import { dispatch } from '../../../src/main/services/infra/dispatch';
import { startWebServer } from '../../../src/main/web/server';
import { hostileValue, mutate, prng } from '../../support/hostile';
import { call, makeApp, recordRound } from '../../support/sessions';
import { webmFixture } from '../../support/audio';
import { tempDir, writeFiles } from '../../support/temp';

const loop = `kind: loop\nid: fuzz-loop\ntitle: Fuzz loop\ncategory: Theory\nrounds:\n  - questionType: theory\n    prompt: Explain something for the fuzzer please.\n    budgetSeconds: 60\n    expectedPoints: [a point]\n    followUps: [{ text: And then?, atSeconds: 30 }]\n`;
const SECRET = 'SECRET-OUTSIDE-THE-DATA-FOLDER-7f3a';

/** Lists every file under dir (relative), for "nothing written outside the data folder". */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('fuzzing every contract channel', () => {
  it('10,000+ random and hostile inputs: no crash, no throw, no path traversal, nothing written or read outside the data folder', async () => {
    const sandbox = tempDir('fuzz-');
    const dataDir = path.join(sandbox, 'data');
    writeFiles(sandbox, { 'secret.txt': SECRET, 'recordings/secret.txt': SECRET });
    const app = await makeApp(dataDir, { 'fuzz.yaml': loop });
    // Real ids so mutations of valid inputs reach deep into the services.
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'fuzz-loop' } });
    const round = await recordRound(app, session.id, 0, webmFixture('fuzz-answer', ['Fuzzing is fun.', 0.5]).webm, 2);
    const begun = await call(app, 'session:start', { source: { type: 'item', id: 'fuzz-loop' } });
    const open = await call(app, 'round:begin', { sessionId: begun.id, roundIndex: 0, mimeType: 'audio/webm' });
    const valid: Record<RequestChannel, Record<string, unknown>> = {
      'app:info': {},
      'library:list': {},
      'library:item': { id: 'fuzz-loop' },
      'library:reload': {},
      'session:start': { source: { type: 'item', id: 'fuzz-loop' } },
      'session:get': { sessionId: session.id },
      'session:list': { limit: 5 },
      'session:control': { sessionId: begun.id, action: 'pause' },
      'session:event': { sessionId: session.id, type: 'mic-silent', data: { ms: 1 } },
      'round:begin': { sessionId: begun.id, roundIndex: 0, mimeType: 'audio/webm' },
      'round:end': { roundId: round.id, outcome: 'done' },
      'recording:chunk': { recordingId: open.recording.id, seq: 0, data: new Uint8Array(4), peaks: new Uint8Array(1) },
      'recording:finish': { recordingId: round.recording!.id },
      'live:start': { recordingId: open.recording.id },
      'live:frames': { recordingId: open.recording.id, seq: 0, startSample: 0, data: new Uint8Array(320) },
      'followup:decision': {
        roundId: round.id,
        decision: {
          decision: 'skipped',
          reason: 'covered',
          planIndex: 0,
          text: 'Why?',
          pointIndexes: [0],
          atMs: 1000,
          evidenceStartMs: 200,
          evidenceEndMs: 900,
        },
      },
      'followup:record': {
        roundId: round.id,
        index: 0,
        text: 'And then?',
        trigger: 'scheduled',
        scheduledMs: 1,
        spokenStartMs: 2,
        spokenEndMs: 3,
      },
      'recovery:list': {},
      'review:get': { roundId: round.id },
      'review:reveal': { roundId: round.id },
      'review:save': { roundId: round.id, scores: { clarity: 3 } },
      'review:mark': { action: 'add', roundId: round.id, kind: 'ramble', startMs: 1, endMs: 2 },
      'review:queue': {},
      'review:attempts': { roundId: round.id },
      'review:changes': {},
      'analysis:get': { roundId: round.id },
      'analysis:run': { roundId: round.id },
      'progress:get': {},
      'export:create': { format: 'json' },
      'settings:get': {},
      'settings:update': { theme: 'dark' },
      'today:get': {},
      'today:snooze': { itemId: 'fuzz-loop', days: 2 },
      'today:retire': { itemId: 'fuzz-loop', retired: true },
      'transcript:get': { roundId: round.id },
      'transcript:search': { query: 'fuzz', limit: 5 },
      'coach:fatigue': { sessionId: session.id },
      'coach:fatigueHistory': { limit: 5 },
      'coach:rescorePrompt': {},
      'coach:rescoreAnswer': {
        rescoreId: '00000000-0000-4000-8000-000000000000',
        scores: { clarity: 3, rigor: null, speed: null },
      },
      'coach:rescoreDismiss': { rescoreId: '00000000-0000-4000-8000-000000000000' },
      'coach:calibration': {},
      'coach:retake': { roundId: round.id },
      'coach:actions': { weekStartMs: 0 },
      'coach:actionsGenerate': {},
      'coach:actionCheck': { itemId: '00000000-0000-4000-8000-000000000000', done: true },
      'models:list': {},
      // Not a catalogue id: a real one would start a download from the network.
      'models:download': { modelId: 'no-such-model' },
      'models:cancel': { modelId: 'whisper-base.en-int8' },
      'models:remove': { modelId: 'whisper-base.en-int8' },
      'transcription:backfill': { limit: 5 },
      'transcription:run': { roundId: round.id },
      'words:round': { roundId: round.id },
      'words:trends': { sinceMs: 0, utcOffsetMinutes: 60 },
      'session:allocation': { sessionId: session.id },
    };
    const before = listFiles(sandbox).filter((f) => !f.startsWith('data/'));
    const random = prng(20261123);
    let calls = 0;
    let okCount = 0;
    const channels = [...requestChannels, 'fs:read', '__proto__', 'constructor', '', 'library:list\u0000'];
    for (let i = 0; i < 11_000; i++) {
      const channel = channels[i % channels.length]!;
      const base = valid[channel as RequestChannel] ?? {};
      const input = random() < 0.5 ? mutate(base, random) : hostileValue(random);
      // Slow, real work stays valid-only: analysis:run decodes audio.
      if (channel === 'analysis:run' && input !== base) continue;
      const result = await dispatch(app.handlers, channel, input);
      calls++;
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) okCount++;
      else expect(result.error.message.length).toBeGreaterThan(0);
      expect(JSON.stringify(result) ?? '').not.toContain(SECRET);
    }
    expect(calls).toBeGreaterThanOrEqual(10_000);
    expect(okCount).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Nothing outside data/ changed, and inside it only the app's own folders and files.
    expect(listFiles(sandbox).filter((f) => !f.startsWith('data/'))).toEqual(before);
    for (const f of listFiles(dataDir))
      expect(f).toMatch(
        /^(loop-coach\.db(-wal|-shm|\.backup-.*)?|content\/fuzz\.yaml|recordings\/[0-9a-f-]{36}\/round-\d\d-[0-9a-f-]{36}\.(webm|webm\.part|peaks))$/,
      );
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    app.close();
  }, 180_000);

  it('over HTTP too: hostile paths, channels, queries and bodies get 4xx or a coded error, never a file outside', async () => {
    const sandbox = tempDir('fuzz-http-');
    writeFiles(sandbox, { 'secret.txt': SECRET });
    const rendererDir = path.join(sandbox, 'renderer');
    writeFiles(rendererDir, { 'index.html': '<!doctype html><title>x</title>' });
    const app = await makeApp(path.join(sandbox, 'data'));
    const server = await startWebServer({ app, rendererDir, port: 0 });
    const random = prng(7);
    const send = (method: string, p: string, body?: Buffer | string, type = 'application/json') =>
      new Promise<{ status: number; body: string }>((resolve) => {
        const headers = { 'x-loop-coach-token': server.token, 'content-type': type };
        const req = http.request(
          { host: '127.0.0.1', port: server.port, method, path: p, headers, agent: false },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, body: text }));
          },
        );
        req.on('error', () => resolve({ status: 0, body: '' }));
        req.end(method === 'GET' ? undefined : body);
      });
    const paths = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/media/../secret.txt',
      '/media/recordings/../../secret.txt',
      '/media/recordings/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/media/%00',
      '/api/../../secret.txt',
      '//secret.txt',
      '/media/recordings/x/../../../secret.txt',
    ];
    for (let i = 0; i < 600; i++) {
      const q = () => encodeURIComponent(String(hostileValue(random)));
      const p = i < paths.length ? paths[i]! : `/api/${q()}?recordingId=${q()}&seq=${q()}&peaks=${q()}`;
      const body = random() < 0.5 ? JSON.stringify(hostileValue(random)) : Buffer.from(String(hostileValue(random)));
      const reply = await send(
        random() < 0.7 ? 'POST' : 'GET',
        p,
        body,
        random() < 0.5 ? 'application/json' : 'application/octet-stream',
      );
      expect(reply.status, `${p} → ${reply.body}`).not.toBe(500);
      expect(reply.status, `request ${i} ${p}`).not.toBe(0);
      expect(reply.body).not.toContain(SECRET);
    }
    const binary = await send(
      'POST',
      '/api/recording:chunk?recordingId=../../x&seq=-1&peaks=!!',
      Buffer.alloc(10),
      'application/octet-stream',
    );
    expect(binary.status, binary.body).toBe(200);
    expect(JSON.parse(binary.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    await server.close();
    app.close();
  }, 120_000);
});
