/** Real export bundles to import, and the checks every import test shares: nothing changed on refusal. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/main/services/db/open';
import { writeExportBundle } from '../../src/main/services/export/export';
import { importExport, readExport } from '../../src/main/services/import';
import { call, makeApp, recordRound } from './sessions';
import { migrationsDir, tempDir } from './temp';

const mock = `kind: mock
id: import-mock
title: Import mock
category: Theory
rounds:
  - questionType: theory
    prompt: Explain what overfitting is and how you would detect it.
    budgetSeconds: 60
    expectedPoints: [train versus validation gap]
`;

export type Json = {
  version: number;
  sessions: {
    id: string;
    rounds: { id: string; recording: Record<string, unknown> & { id: string } }[];
  }[];
};

/** A real bundle with two sessions of one recorded round each (from the webm file given). */
export async function makeBundle(webm: string): Promise<{ bundle: string; json: Json }> {
  const source = tempDir();
  const app = await makeApp(source, { 'mock.yaml': mock });
  for (let i = 0; i < 2; i++) {
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'import-mock' } });
    await recordRound(app, session.id, 0, webm, 2);
  }
  const bundle = path.join(tempDir(), 'bundle');
  writeExportBundle(app.db, source, bundle, 'test', Date.parse('2026-11-23T18:00:00Z'));
  app.close();
  return { bundle, json: JSON.parse(fs.readFileSync(path.join(bundle, 'export.json'), 'utf8')) as Json };
}

export const writeJson = (bundle: string, json: unknown) =>
  fs.writeFileSync(path.join(bundle, 'export.json'), JSON.stringify(json));

export function openTarget(dataDir: string): AppDatabase {
  return openDatabase({ file: path.join(dataDir, 'loop-coach.db'), migrationsDir, now: Date.now }).db;
}

/** Every file under the data folder but the database, with its bytes, and every row count. */
export function snapshot(dataDir: string, db: AppDatabase) {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.startsWith('loop-coach.db'))
        files[path.relative(dataDir, full)] = fs.readFileSync(full, 'hex');
    }
  };
  walk(dataDir);
  const rows = ['sessions', 'rounds', 'recordings', 'session_events', 'round_analyses'].map(
    (t) => (db.$client.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
  );
  return { files, rows };
}

/** A target data folder that already holds the first session of the bundle. */
export function targetWithFirstSession(bundle: string, json: Json) {
  const dataDir = tempDir();
  const first = path.join(tempDir(), 'first');
  fs.cpSync(bundle, first, { recursive: true });
  writeJson(first, { ...json, sessions: [json.sessions[0]] });
  const db = openTarget(dataDir);
  const { file, bundleDir } = readExport(first);
  expect(importExport(db, dataDir, file, bundleDir)).toMatchObject({ sessions: 1, recordingsCopied: 1 });
  return { dataDir, db };
}

/** The import is refused with `message`, and the data folder (files and rows) is exactly as before. */
export function expectRefused(input: string, dataDir: string, db: AppDatabase, message: RegExp) {
  const before = snapshot(dataDir, db);
  expect(() => {
    const { file, bundleDir } = readExport(input);
    importExport(db, dataDir, file, bundleDir);
  }).toThrow(message);
  expect(snapshot(dataDir, db)).toEqual(before);
}
