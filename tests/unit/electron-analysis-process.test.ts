/**
 * Speech analysis under Electron: `launchAnalysisUtility` forks the analysis worker as a utility
 * process (the stand-in runs a real Node child behind Electron's UtilityProcess API), and a recorded
 * round is analysed through it end to end, off the main process.
 */
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { launchAnalysisUtility } from '../../src/main/electron/analysis-process';
import { createLoopCoach } from '../../src/main/services/app';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../support/asr-model';
import { webmFixture } from '../support/audio';
import { electronMock } from '../support/electron-mock';
import { call, recordRound } from '../support/sessions';
import { builtinContentDir, migrationsDir, tempDir, writeFiles } from '../support/temp';

vi.mock('electron', () => import('../support/electron-mock'));

const star = `kind: mock
id: star-utility
title: A STAR story
category: Behavioural
rounds:
  - questionType: behavioural
    prompt: Tell me about a time you disagreed with your manager.
    budgetSeconds: 60
    expectedPoints: [situation, action, result]
`;

let answer = '';
beforeAll(() => {
  answer = webmFixture('utility-answer', [
    1,
    'We disagreed about the launch date.',
    1.5,
    'We shipped on time.',
    1,
  ]).webm;
}, 60_000);

beforeEach(() => electronMock.reset());

describe('the analysis utility process', () => {
  it('is refused before the app is ready, as Electron refuses it', () => {
    expect(() => launchAnalysisUtility()).toThrow(/after the app is ready/);
    expect(electronMock.utilityForks()).toEqual([]);
  });

  it('forks the worker script as a named utility process with stderr piped and no Node flags of the parent', () => {
    electronMock.ready();
    const child = launchAnalysisUtility();
    child.kill();
    const [fork] = electronMock.utilityForks();
    expect(electronMock.utilityForks()).toHaveLength(1);
    expect(path.basename(fork!.modulePath)).toMatch(/^(worker\.ts|analysis-worker\.js)$/);
    expect(fork!.options).toMatchObject({
      serviceName: 'Loop Coach speech analysis',
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    expect(child.stderr).not.toBeNull();
  });

  it('analyses a recorded round in the utility process and stores its speech segments', async () => {
    electronMock.ready();
    const dataDir = tempDir();
    writeFiles(path.join(dataDir, 'content'), { 'star.yaml': star });
    const coach = await createLoopCoach({
      dataDir,
      builtinContentDir,
      migrationsDir,
      transport: 'electron',
      version: 'test',
      launchAnalysis: launchAnalysisUtility,
    });
    const session = await call(coach, 'session:start', { source: { type: 'item', id: 'star-utility' } });
    const round = await recordRound(coach, session.id, 0, answer);
    await coach.analysis.idle();
    const view = await call(coach, 'analysis:get', { roundId: round.id });
    coach.close();
    expect(electronMock.utilityForks()).toHaveLength(1);
    expect(view.status).toBe('done');
    expect(view.segments).toHaveLength(2);
    expect(view.segments[0]!.startMs).toBeGreaterThan(500);
  });

  it('transcribes a recorded round in the same utility process, after its analysis', async () => {
    electronMock.ready();
    const dataDir = tempDir();
    writeFiles(path.join(dataDir, 'content'), { 'star.yaml': star });
    installFixtureModel(dataDir);
    const coach = await createLoopCoach({
      dataDir,
      builtinContentDir,
      migrationsDir,
      transport: 'electron',
      version: 'test',
      launchAnalysis: launchAnalysisUtility,
    });
    await call(coach, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
    const session = await call(coach, 'session:start', { source: { type: 'item', id: 'star-utility' } });
    const round = await recordRound(coach, session.id, 0, answer);
    for (let i = 0; i < 3; i++) {
      await coach.analysis.idle();
      await coach.transcription.idle();
    }
    const view = await call(coach, 'transcript:get', { roundId: round.id });
    coach.close();
    expect(electronMock.utilityForks()).toHaveLength(1);
    expect(view.status).toBe('done');
    expect(view.transcript!.segments.map((s) => s.text)).toEqual(['loop coach', 'loop coach']);
  });
});
