/** Drives the services the way the renderer does: start sessions and record rounds from real audio. */
import path from 'node:path';
import { createLoopCoach, type AppOptions, type LoopCoach } from '../../src/main/services/app';
import { dispatch } from '../../src/main/services/infra/dispatch';
import type { RequestChannel } from '../../src/shared/channels';
import type { RequestInput, RequestOutput } from '../../src/shared/contract';
import { chunksOf } from './audio';
import { writeFiles } from './temp-files';

const root = path.resolve(__dirname, '..', '..');

export async function makeApp(
  dataDir: string,
  userContent: Record<string, string> = {},
  now?: () => number,
  /** More options, e.g. a model catalogue. */
  more: Partial<AppOptions> = {},
): Promise<LoopCoach> {
  writeFiles(path.join(dataDir, 'content'), userContent);
  return createLoopCoach({
    dataDir,
    builtinContentDir: path.join(root, 'content'),
    migrationsDir: path.join(root, 'resources', 'migrations'),
    transport: 'web',
    version: 'test',
    now,
    ...more,
  });
}

/** Calls a channel through dispatch (input parsed by the contract) and throws on failure. */
export async function call<C extends RequestChannel>(
  app: LoopCoach,
  channel: C,
  input: RequestInput<C>,
): Promise<RequestOutput<C>> {
  const result = await dispatch(app.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as RequestOutput<C>;
}

/** Records one round from a webm file split into `chunks` pieces and ends it. */
export async function recordRound(app: LoopCoach, sessionId: string, roundIndex: number, webm: string, chunks = 6) {
  const { round, recording } = await call(app, 'round:begin', {
    sessionId,
    roundIndex,
    mimeType: 'audio/webm;codecs=opus',
  });
  for (const [seq, data] of chunksOf(webm, chunks).entries()) {
    await call(app, 'recording:chunk', {
      recordingId: recording.id,
      seq,
      data: data as Uint8Array<ArrayBuffer>,
      peaks: new Uint8Array(50).fill(100),
    });
  }
  await call(app, 'recording:finish', { recordingId: recording.id });
  return call(app, 'round:end', { roundId: round.id, outcome: 'done' });
}

export const oneRoundLoop = `kind: loop\nid: one\ntitle: One round\ncategory: Mixed\nrounds:\n  - questionType: theory\n    prompt: Explain a hash map in a few sentences.\n    budgetSeconds: 60\n    expectedPoints: [buckets]\n`;

/** A one-round loop started and its recording begun, for the child processes that record until something fails. */
export async function beginOneRound(dataDir: string): Promise<{ app: LoopCoach; recordingId: string }> {
  const app = await makeApp(dataDir, { 'one.yaml': oneRoundLoop });
  const session = await call(app, 'session:start', { source: { type: 'item', id: 'one' } });
  const { recording } = await call(app, 'round:begin', {
    sessionId: session.id,
    roundIndex: 0,
    mimeType: 'audio/webm',
  });
  return { app, recordingId: recording.id };
}
