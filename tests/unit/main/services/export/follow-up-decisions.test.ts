/**
 * Follow-up decisions travel in exports (format version 2, a key absent from older files) with the
 * follow-ups they explain, and import restores them for review. An older export still imports, and
 * a hostile decision is refused naming where it is, with what was saved left as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExportBundle } from '../../../../../src/main/services/export/export';
import { importExport, ImportRefusedError, readExport } from '../../../../../src/main/services/import';
import type { FollowUpDecision } from '../../../../../src/shared/contract';
import { exportedRound } from '../../../../../src/shared/export';
import { webmFixture } from '../../../../support/audio';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: export-decisions
title: Export decisions
category: Theory
rounds:
  - questionType: theory
    prompt: Explain why deep sigmoid networks train slowly.
    budgetSeconds: 60
    expectedPoints: [the sigmoid saturates, gradients vanish]
    followUps:
      - { text: What happens to the gradient?, atSeconds: 2 }
      - { text: How would you fix it?, atSeconds: 4 }
`;

const decisions: FollowUpDecision[] = [
  {
    decision: 'skipped',
    reason: 'covered',
    planIndex: 0,
    text: 'What happens to the gradient?',
    pointIndexes: [1],
    atMs: 2000,
    evidenceStartMs: 400,
    evidenceEndMs: 1500,
  },
  {
    decision: 'asked',
    reason: 'not-heard',
    planIndex: 1,
    text: 'How would you fix it?',
    pointIndexes: [0],
    atMs: 4000,
    evidenceStartMs: null,
    evidenceEndMs: null,
  },
];

let webm = '';
beforeAll(() => {
  webm = webmFixture('export-decisions-answer', ['Gradients vanish.', 1, 'Use a ReLU.']).webm;
}, 60_000);

/** A data folder with one recorded round, its asked follow-up and its decisions, exported as a bundle. */
async function exportedBundle() {
  const source = tempDir();
  const app = await makeApp(source, { 'loop.yaml': loop });
  const session = await call(app, 'session:start', { source: { type: 'item', id: 'export-decisions' } });
  const round = await recordRound(app, session.id, 0, webm);
  await call(app, 'followup:record', {
    roundId: round.id,
    index: 1,
    text: 'How would you fix it?',
    trigger: 'scheduled',
    scheduledMs: 4000,
    spokenStartMs: 4100,
    spokenEndMs: 5000,
  });
  for (const decision of decisions) await call(app, 'followup:decision', { roundId: round.id, decision });
  const bundle = path.join(tempDir(), 'bundle');
  const { file } = writeExportBundle(app.db, source, bundle, 'test', 1_700_000_100_000);
  app.close();
  return { bundle, file, roundId: round.id };
}

type Json = { sessions: { rounds: Record<string, unknown>[] }[] };
const jsonOf = (bundle: string) => JSON.parse(fs.readFileSync(path.join(bundle, 'export.json'), 'utf8')) as Json;
const writeJson = (bundle: string, json: unknown) =>
  fs.writeFileSync(path.join(bundle, 'export.json'), JSON.stringify(json));

async function importInto(bundle: string) {
  const target = tempDir();
  const app = await makeApp(target);
  const { file, bundleDir } = readExport(bundle);
  return { app, target, result: importExport(app.db, target, file, bundleDir) };
}

describe('follow-up decisions in export and import', () => {
  it('exports a round’s decisions in time order beside its follow-ups, and import restores them', async () => {
    const { bundle, file, roundId } = await exportedBundle();
    const exported = file.sessions[0]!.rounds[0]!;
    expect(exported.followUps.map((f) => f.text)).toEqual(['How would you fix it?']);
    expect(exported.followUpDecisions).toEqual(decisions);
    expect(jsonOf(bundle).sessions[0]!.rounds[0]!.followUpDecisions).toEqual(decisions);
    // An older import's round schema does not know the key: the file still reads, without it.
    expect(exportedRound.omit({ followUpDecisions: true }).parse(exported)).not.toHaveProperty('followUpDecisions');

    const { app, target } = await importInto(bundle);
    try {
      const view = await call(app, 'review:get', { roundId });
      expect(view.followUpDecisions.map(({ points: _points, ...d }) => d)).toEqual(decisions);
      const again = writeExportBundle(app.db, target, path.join(tempDir(), 'again'), 'test', 1);
      expect(again.file.sessions[0]!.rounds[0]!.followUpDecisions).toEqual(decisions);
    } finally {
      app.close();
    }
  });

  it('imports an export written before decisions (no key) as rounds without them', async () => {
    const { bundle, roundId } = await exportedBundle();
    const json = jsonOf(bundle);
    delete json.sessions[0]!.rounds[0]!.followUpDecisions;
    writeJson(bundle, json);
    const { app, result } = await importInto(bundle);
    try {
      expect(result.sessions).toBe(1);
      const view = await call(app, 'review:get', { roundId });
      expect(view.followUpDecisions).toEqual([]);
      expect(view.round.askedFollowUps).toHaveLength(1);
    } finally {
      app.close();
    }
  });

  const hostile: [string, (round: Record<string, unknown>) => void, RegExp][] = [
    [
      'a reason that explains the other decision',
      (r) => ((r.followUpDecisions as FollowUpDecision[])[0]!.decision = 'asked'),
      /sessions\.0\.rounds\.0\.followUpDecisions\.0\.reason: "covered" is a reason to skip, not to ask/,
    ],
    [
      'a planned follow-up the round does not have',
      (r) => ((r.followUpDecisions as FollowUpDecision[])[1]!.planIndex = 5),
      /sessions\.0\.rounds\.0\.followUpDecisions\.1: Round 1 has 2 planned follow-ups; there is no follow-up 6/,
    ],
    [
      'a point the round does not have',
      (r) => ((r.followUpDecisions as FollowUpDecision[])[0]!.pointIndexes = [9]),
      /sessions\.0\.rounds\.0\.followUpDecisions\.0: Round 1 has 2 expected points; there is no point 10/,
    ],
    [
      'the same decision twice',
      (r) => (r.followUpDecisions as FollowUpDecision[]).push({ ...decisions[0]! }),
      /sessions\.0\.rounds\.0\.followUpDecisions\.2: a second decision on "What happens to the gradient\?"/,
    ],
    [
      'decisions on a round that never began',
      (r) => (r.status = 'pending'),
      /sessions\.0\.rounds\.0\.followUpDecisions\.0: a round that never began has no follow-up decisions/,
    ],
  ];

  for (const [what, spoil, message] of hostile)
    it(`refuses ${what}, naming it, and keeps what was saved`, async () => {
      const { bundle } = await exportedBundle();
      // The target holds a round of its own with a decision: nothing of it may be lost.
      const target = tempDir();
      const app = await makeApp(target, { 'loop.yaml': loop });
      try {
        const own = await call(app, 'session:start', { source: { type: 'item', id: 'export-decisions' } });
        const ownRound = await recordRound(app, own.id, 0, webm);
        await call(app, 'followup:decision', { roundId: ownRound.id, decision: decisions[0]! });
        const sessionsBefore = await call(app, 'session:list', { limit: 10 });
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
        expect(await call(app, 'session:list', { limit: 10 })).toEqual(sessionsBefore);
        expect((await call(app, 'review:get', { roundId: ownRound.id })).followUpDecisions).toHaveLength(1);
      } finally {
        app.close();
      }
    });
});
