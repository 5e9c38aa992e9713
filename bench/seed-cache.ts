/**
 * Seeded histories cached under bench-results/seeded/ (ignored), so benchmarks and the scale E2E
 * seed 100,000 rounds once, not on every run. A cache entry is named by the round count, the seed
 * and a hash of the seeder and the migrations' names: a new migration seeds again (an edit to one
 * already applied does not, as a released migration never changes).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataPaths } from '../src/main/services/infra/paths';
import { seededRandom, seedHistory } from './seed-history';

const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, 'bench-results', 'seeded');
/** The instant the cached histories end at (their last round starts just before it). */
export const SEEDED_NOW = Date.parse('2026-11-30T21:00:00Z');

function version(): string {
  const hash = crypto.createHash('sha256');
  for (const seeder of ['seed-history.ts', 'seed-transcripts.ts'])
    hash.update(fs.readFileSync(path.join(root, 'bench', seeder)));
  const migrations = path.join(root, 'resources', 'migrations');
  for (const name of fs
    .readdirSync(migrations)
    .filter((n) => n.endsWith('.sql'))
    .sort())
    hash.update(name);
  return hash.digest('hex').slice(0, 10);
}

/** The database file of a cached seeded history (seeding it first if needed). */
export async function seededDatabase(rounds: number, seed = 1): Promise<string> {
  const dir = path.join(cacheDir, `${rounds}-rounds-seed-${seed}-${version()}`);
  const file = dataPaths(dir).databaseFile;
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cacheDir, { recursive: true });
  for (const old of fs.readdirSync(cacheDir).filter((n) => n.startsWith(`${rounds}-rounds-seed-${seed}-`)))
    fs.rmSync(path.join(cacheDir, old), { recursive: true, force: true });
  const work = fs.mkdtempSync(path.join(cacheDir, 'work-'));
  await seedHistory({ dataDir: work, rounds, now: SEEDED_NOW, random: seededRandom(seed) });
  fs.renameSync(work, dir);
  return file;
}

/** A fresh data folder holding a copy of the cached history (the copy is the caller's to change). */
export async function seededDataDir(dataDir: string, rounds: number, seed = 1): Promise<string> {
  const source = await seededDatabase(rounds, seed);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(source, dataPaths(dataDir).databaseFile);
  return dataDir;
}
