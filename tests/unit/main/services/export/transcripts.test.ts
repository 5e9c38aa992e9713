/**
 * Transcripts travel in exports (format version 2, an optional key an older import leaves out), are
 * restored by import into the store and its search index, and are written into the Markdown
 * report. A hostile transcript is refused naming where it is, and what was saved stays as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownReport, writeExportBundle } from '../../../../../src/main/services/export/export';
import { importExport, ImportRefusedError, readExport } from '../../../../../src/main/services/import';
import { exportedRound, exportFile } from '../../../../../src/shared/export';
import type { RoundTranscript } from '../../../../../src/shared/transcript';
import { webmFixture } from '../../../../support/audio';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: export-words
title: Export words
category: Theory
rounds:
  - questionType: theory
    prompt: Explain dropout.
    budgetSeconds: 60
    expectedPoints: [random units are zeroed]
`;

let webm = '';
beforeAll(() => {
  webm = webmFixture('export-transcript-answer', ['Dropout zeroes random units while training.']).webm;
}, 60_000);

const transcriptOf = (roundId: string): RoundTranscript => ({
  roundId,
  modelId: 'fixture-tiny',
  createdAt: 1_700_000_000_000,
  segments: [
    {
      startMs: 100,
      endMs: 1200,
      text: 'Dropout zeroes *random* units',
      words: [
        { text: 'Dropout', startMs: 100, endMs: 400 },
        { text: 'zeroes', startMs: 400, endMs: 700 },
        { text: '*random*', startMs: 700, endMs: 950 },
        { text: 'units', startMs: 950, endMs: 1200 },
      ],
    },
    { startMs: 1300, endMs: 1900, text: 'while training.', words: [] },
  ],
});

/** A data folder with one transcribed round, exported as a bundle. */
async function exportedBundle() {
  const source = tempDir();
  const app = await makeApp(source, { 'loop.yaml': loop });
  const session = await call(app, 'session:start', { source: { type: 'item', id: 'export-words' } });
  const round = await recordRound(app, session.id, 0, webm);
  app.transcripts.save(transcriptOf(round.id));
  const bundle = path.join(tempDir(), 'bundle');
  const { file } = writeExportBundle(app.db, source, bundle, 'test', 1_700_000_100_000);
  app.close();
  return { bundle, file, roundId: round.id };
}

type Json = { sessions: { rounds: Record<string, unknown>[] }[] };
const jsonOf = (bundle: string) => JSON.parse(fs.readFileSync(path.join(bundle, 'export.json'), 'utf8')) as Json;
const writeJson = (bundle: string, json: unknown) =>
  fs.writeFileSync(path.join(bundle, 'export.json'), JSON.stringify(json));

describe('transcripts in export and import', () => {
  it('exports a round transcript, imports it into the store and its search, and writes it in the report', async () => {
    const { bundle, file, roundId } = await exportedBundle();
    expect(file.version).toBe(2);
    const exported = file.sessions[0]!.rounds[0]!;
    const { roundId: _omit, ...expected } = transcriptOf(roundId);
    expect(exported.transcript).toEqual(expected);
    // An older import's round schema does not know the key: the file still reads, without it.
    const older = exportedRound.omit({ transcript: true }).parse(exported);
    expect(older).not.toHaveProperty('transcript');

    const report = markdownReport(file);
    expect(report).toContain('**Round 1 transcript** (times on the recording)');
    expect(report).toContain('> [0:00] Dropout zeroes \\*random\\* units\n>\n> [0:01] while training.');

    const target = tempDir();
    const app = await makeApp(target);
    try {
      const { file: read, bundleDir } = readExport(bundle);
      importExport(app.db, target, read, bundleDir);
      expect(await call(app, 'transcript:get', { roundId })).toEqual({
        roundId,
        status: 'done',
        error: null,
        transcript: transcriptOf(roundId),
      });
      const found = await call(app, 'transcript:search', { query: 'zeroes', offset: 0, limit: 5 });
      expect(found.total).toBe(1);
      expect(found.hits[0]).toMatchObject({ roundId, startMs: 100 });
      // And it exports again the same way.
      const again = writeExportBundle(app.db, target, path.join(tempDir(), 'again'), 'test', 1);
      expect(again.file.sessions[0]!.rounds[0]!.transcript).toEqual(expected);
    } finally {
      app.close();
    }
  });

  it('writes null for a round without a transcript, and an export without the key imports', async () => {
    const source = tempDir();
    const app = await makeApp(source, { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'export-words' } });
    await recordRound(app, session.id, 0, webm);
    const bundle = path.join(tempDir(), 'plain');
    const { file } = writeExportBundle(app.db, source, bundle, 'test', 1);
    app.close();
    expect(file.sessions[0]!.rounds[0]!.transcript).toBeNull();
    const json = jsonOf(bundle);
    delete json.sessions[0]!.rounds[0]!.transcript; // what an app before transcripts wrote
    writeJson(bundle, json);
    const target = tempDir();
    const into = await makeApp(target);
    try {
      const { file: read, bundleDir } = readExport(bundle);
      expect(importExport(into.db, target, read, bundleDir).sessions).toBe(1);
      const roundId = read.sessions[0]!.rounds[0]!.id;
      expect((await call(into, 'transcript:get', { roundId })).status).toBe('none');
    } finally {
      into.close();
    }
  });

  const hostile: [string, (round: Record<string, unknown>) => void, RegExp][] = [
    [
      'a word that ends before it starts',
      (r) => ((r.transcript as { segments: { words: { endMs: number }[] }[] }).segments[0]!.words[1]!.endMs = 10),
      /sessions\.0\.rounds\.0\.transcript\.segments\.0\.words\.1: a word cannot end before it starts/,
    ],
    [
      'words out of time order',
      (r) => {
        const words = (r.transcript as { segments: { words: { startMs: number; endMs: number }[] }[] }).segments[0]!
          .words;
        words.reverse();
      },
      /sessions\.0\.rounds\.0\.transcript\.segments\.0: transcript words must be in time order/,
    ],
    [
      'a segment far past the end of the recording',
      (r) => {
        const t = r.transcript as { segments: { startMs: number; endMs: number }[] };
        t.segments[1]!.startMs = 3_600_000;
        t.segments[1]!.endMs = 3_601_000;
      },
      /sessions\.0\.rounds\.0\.transcript\.segments\.1: ends after the recording/,
    ],
    [
      'a transcript on a round without a recording',
      (r) => (r.recording = null),
      /sessions\.0\.rounds\.0\.transcript: a round without a recording has no transcript/,
    ],
    [
      'a transcript with an unknown key',
      (r) => ((r.transcript as Record<string, unknown>).path = '/etc/passwd'),
      /sessions\.0\.rounds\.0\.transcript: Unrecognized key/,
    ],
  ];

  for (const [what, spoil, message] of hostile)
    it(`refuses ${what}, naming it, and keeps what was saved`, async () => {
      const { bundle, file } = await exportedBundle();
      // The target already holds this session with its transcript: nothing of it may be lost.
      const target = tempDir();
      const app = await makeApp(target);
      try {
        importExport(app.db, target, exportFile.parse(file), bundle);
        const roundId = file.sessions[0]!.rounds[0]!.id;
        const before = await call(app, 'transcript:get', { roundId });
        const json = jsonOf(bundle);
        spoil(json.sessions[0]!.rounds[0]!);
        writeJson(bundle, json);
        let refused: unknown = null;
        try {
          const { file: read, bundleDir } = readExport(bundle);
          importExport(app.db, target, read, bundleDir);
        } catch (error) {
          refused = error;
        }
        expect(refused).toBeInstanceOf(ImportRefusedError);
        expect((refused as Error).message).toMatch(message);
        expect(await call(app, 'transcript:get', { roundId })).toEqual(before);
        expect((await call(app, 'transcript:search', { query: 'dropout', offset: 0, limit: 5 })).total).toBe(1);
      } finally {
        app.close();
      }
    });
});
