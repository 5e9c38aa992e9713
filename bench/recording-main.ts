/**
 * Main side of recording: 30 minutes of 1 s chunks (the size Chromium's opus MediaRecorder makes at
 * 48 kb/s) fed through dispatch as fast as they are accepted. Memory is read after a forced GC at
 * the start and at the end; append latency is per chunk, end to end through zod, disk and SQLite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLoopCoach } from '../src/main/services/app';
import { dispatch } from '../src/main/services/infra/dispatch';
import { percentile, round, type Bench } from './figure';

const root = path.resolve(__dirname, '..');
const CHUNKS = 30 * 60;
export const CHUNK_BYTES = 6000;

export const benchLoop = `kind: loop\nid: bench-loop\ntitle: Bench loop\ncategory: Bench\nrounds:\n  - questionType: theory\n    prompt: Talk for thirty minutes about anything at all.\n    budgetSeconds: 1800\n    expectedPoints: [stamina]\n`;

function gcAndRss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
}

export const recordingMain: Bench = {
  name: 'recording (main side)',
  figures: ['recording_memory_growth_30min_mb (main)', 'chunk_append_p50_ms', 'chunk_append_p99_ms'],
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-'));
    fs.mkdirSync(path.join(dataDir, 'content'));
    fs.writeFileSync(path.join(dataDir, 'content', 'bench.yaml'), benchLoop);
    const app = await createLoopCoach({
      dataDir,
      builtinContentDir: path.join(root, 'content'),
      migrationsDir: path.join(root, 'resources', 'migrations'),
      transport: 'web',
      version: 'bench',
    });
    try {
      const started = await dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'bench-loop' } });
      if (!started.ok) throw new Error(started.error.message);
      const sessionId = (started.value as { id: string }).id;
      const begun = await dispatch(app.handlers, 'round:begin', { sessionId, roundIndex: 0, mimeType: 'audio/webm' });
      if (!begun.ok) throw new Error(begun.error.message);
      const recordingId = (begun.value as { recording: { id: string } }).recording.id;
      const times: number[] = [];
      let before = 0;
      for (let seq = 0; seq < CHUNKS; seq++) {
        // A fresh buffer per chunk, as IPC or HTTP would deliver it.
        const data = new Uint8Array(CHUNK_BYTES).fill(seq % 251);
        const peaks = new Uint8Array(50).fill(seq % 200);
        const t = performance.now();
        const result = await dispatch(app.handlers, 'recording:chunk', { recordingId, seq, data, peaks });
        times.push(performance.now() - t);
        if (!result.ok) throw new Error(result.error.message);
        if (seq === 59) before = gcAndRss();
      }
      const after = gcAndRss();
      times.sort((a, b) => a - b);
      // Growth over the last 29 minutes, scaled to 30.
      const growth = ((after - before) * CHUNKS) / (CHUNKS - 60);
      return [
        {
          name: 'recording_memory_growth_30min_mb',
          value: round(Math.max(0, growth), 2),
          unit: 'MB',
          note: 'main side',
        },
        { name: 'chunk_append_p50_ms', value: round(percentile(times, 50)), unit: 'ms' },
        { name: 'chunk_append_p99_ms', value: round(percentile(times, 99)), unit: 'ms' },
      ];
    } finally {
      app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
