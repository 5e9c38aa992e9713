/**
 * Speech model downloads from a local Hugging Face-shaped server (tests/support/model-server.ts):
 * throughput of a whole 64 MB file through the model manager (HEAD for the published hash, fetch,
 * SHA-256 while streaming, write, fsync, rename, installed.json) against a bare fetch that discards the
 * bytes; and how fast a resumed download re-hashes the .part already on disk. Medians of three.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventBus } from '../src/main/services/infra/events';
import { FileHashers } from '../src/main/services/models/hashing';
import { ModelService } from '../src/main/services/models/service';
import { fixtureBytes, fixtureEntry, startModelServer } from '../tests/support/model-server';
import { percentile, round, type Bench } from './figure';

const SIZE = 64 * 1024 * 1024;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export const modelsBench: Bench = {
  name: 'models',
  figures: ['model_download_mb_per_s', 'model_resume_rehash_mb_per_s'],
  async run() {
    const body = fixtureBytes(SIZE, 5);
    const server = await startModelServer({ 'model.onnx': { body } });
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-models-'));
    const mb = SIZE / 1e6;
    const managed: number[] = [];
    const bare: number[] = [];
    const rehash: number[] = [];
    try {
      const entry = {
        ...fixtureEntry(server),
        files: fixtureEntry(server).files.map((f) => ({ ...f, role: 'model' as const })),
      };
      for (let i = 0; i < 3; i++) {
        const modelsDir = path.join(root, `run-${i}`);
        const models = new ModelService({
          modelsDir,
          catalogue: [entry],
          events: new EventBus(),
          now: Date.now,
          chosenModelId: () => null,
        });
        let started = performance.now();
        models.download(entry.id);
        await models.whenDone(entry.id);
        if (models.view(entry.id).status !== 'installed')
          throw new Error(`bench download failed: ${models.view(entry.id).error?.message}`);
        managed.push(mb / ((performance.now() - started) / 1000));

        started = performance.now();
        const response = await fetch(server.url('model.onnx'));
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) void chunk;
        bare.push(mb / ((performance.now() - started) / 1000));

        const file = path.join(modelsDir, entry.id, 'model.onnx');
        started = performance.now();
        const hashers = new FileHashers({ algorithm: 'sha256', hex: '', source: 'host' }, SIZE);
        await hashers.updateFromFile(file, SIZE);
        if (hashers.digest().sha256 !== createHash('sha256').update(body).digest('hex'))
          throw new Error('re-hash differs');
        rehash.push(mb / ((performance.now() - started) / 1000));
        fs.rmSync(modelsDir, { recursive: true, force: true });
      }
    } finally {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
    const value = round(median(managed), 1);
    const baseline = round(median(bare), 1);
    return [
      {
        name: 'model_download_mb_per_s',
        value,
        unit: 'MB/s',
        baseline,
        note: '64 MB from 127.0.0.1, hashed while streaming, written, fsynced and renamed; baseline: a bare fetch of the same file that discards the bytes',
      },
      {
        name: 'model_resume_rehash_mb_per_s',
        value: round(median(rehash), 1),
        unit: 'MB/s',
        note: 'SHA-256 of a .part already on disk, before a resumed download continues',
      },
    ];
  },
};
