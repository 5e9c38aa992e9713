import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFile } from '../../../../../src/shared/export';
import { recordingFiles } from '../../../../../src/main/services/recording/paths';
import { webmFixture } from '../../../../support/audio';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { repoRoot, tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: export-loop
title: Export loop
category: Theory
rounds:
  - questionType: theory
    prompt: Explain the bias variance trade off in two minutes.
    budgetSeconds: 120
    expectedPoints: [bias, variance]
    followUps: [{ text: Where does regularisation fit?, atSeconds: 60 }]
    referenceAnswer: Error splits into bias, variance and noise.
`;

function npmScript(script: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', `${script}.ts`), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

let webm = '';
beforeAll(() => {
  webm = webmFixture('export-answer', [
    'Bias is error from wrong assumptions.',
    1,
    'Variance is sensitivity to the sample.',
  ]).webm;
}, 60_000);

/** Comparable view of an export: when it was written is dropped. */
const comparable = (file: unknown) => exportFile.parse(file).sessions;

describe('export and import', () => {
  it('exports every session and round with recordings, follow-ups, analysis and review; import restores it elsewhere', async () => {
    const source = tempDir();
    const app = await makeApp(source, { 'loop.yaml': loop });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'export-loop' } });
    const round = await recordRound(app, session.id, 0, webm);
    await call(app, 'followup:record', {
      roundId: round.id,
      index: 0,
      text: 'Where does regularisation fit?',
      trigger: 'scheduled',
      scheduledMs: 4000,
      spokenStartMs: 4100,
      spokenEndMs: 5600,
    });
    await app.analysis.idle();
    await call(app, 'review:reveal', { roundId: round.id });
    await call(app, 'review:save', {
      roundId: round.id,
      scores: { clarity: 4, rigor: 3, speed: 5 },
      points: { '1': 'missed' },
      postmortem: { change: 'Name the noise term.' },
    });
    await call(app, 'review:mark', { action: 'add', roundId: round.id, kind: 'ramble', startMs: 500, endMs: 1500 });
    await call(app, 'session:control', { sessionId: session.id, action: 'end' });
    const inApp = await call(app, 'export:create', { format: 'json' });
    expect(inApp.fileName).toMatch(/^loop-coach-\d{4}-\d\d-\d\d\.json$/);
    app.close();

    const out = path.join(tempDir(), 'my-export');
    const md = path.join(path.dirname(out), 'report.md');
    const exported = npmScript('export', ['--data-dir', source, '--out', out, '--markdown', md]);
    expect(exported.status, exported.stderr).toBe(0);
    const json: unknown = JSON.parse(fs.readFileSync(path.join(out, 'export.json'), 'utf8'));
    const file = exportFile.parse(json);
    expect(file.version).toBe(2);
    expect(JSON.stringify(json)).not.toContain(source); // no path of the exporting machine
    const r = file.sessions[0]!.rounds[0]!;
    expect(r.plan.prompt).toMatch(/bias variance/);
    const recordingId = r.recording!.id;
    expect(r.recording).toMatchObject({
      status: 'finalized',
      durationMs: expect.any(Number),
      audioFile: `recordings/${recordingId}.webm`,
      peaksFile: `recordings/${recordingId}.peaks`,
    });
    const stored = recordingFiles(file.sessions[0]!.id, r.index, r.id);
    const audio = fs.readFileSync(path.join(source, stored.file));
    expect(fs.readFileSync(path.join(out, r.recording!.audioFile!)).equals(audio)).toBe(true);
    expect(r.analysis?.segments[0]).toEqual({ startMs: expect.any(Number), endMs: expect.any(Number) });
    expect(r.followUps[0]).toMatchObject({ scheduledMs: 4000, spokenStartMs: 4100 });
    expect(r.analysis?.segments.length).toBeGreaterThan(0);
    expect(r.analysis?.metrics?.rambleMs).toBe(1000);
    expect(r.review).toMatchObject({
      scores: { clarity: 4, rigor: 3, speed: 5 },
      points: [null, 'missed'],
      postmortem: { change: 'Name the noise term.' },
    });
    expect(fs.readFileSync(md, 'utf8')).toContain('Next time: Name the noise term.');

    const target = tempDir();
    const imported = npmScript('import', ['--data-dir', target, '--in', out]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 1 sessions (0 already present); copied 1 recordings');
    expect(fs.readFileSync(path.join(target, stored.file)).equals(audio)).toBe(true);
    expect(fs.existsSync(path.join(target, stored.peaksFile))).toBe(true);
    const again = npmScript('import', ['--data-dir', target, '--in', path.join(out, 'export.json')]);
    expect(again.stdout).toContain('Imported 0 sessions (1 already present)');

    const reexport = path.join(tempDir(), 'again');
    expect(npmScript('export', ['--data-dir', target, '--out', reexport]).status).toBe(0);
    expect(comparable(JSON.parse(fs.readFileSync(path.join(reexport, 'export.json'), 'utf8')))).toEqual(
      comparable(json),
    );
  });

  it('refuses a file that is not an export, naming what is wrong', () => {
    const bad = path.join(tempDir(), 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'something-else' }));
    const result = npmScript('import', ['--data-dir', tempDir(), '--in', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Not a Loop Coach export: format/);
  });
});
