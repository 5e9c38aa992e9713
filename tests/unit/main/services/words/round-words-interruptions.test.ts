/**
 * words:round counts the interruptions the answer had already made unnecessary (real SQLite, a
 * recorded round, its transcript and follow-ups as the session records them), in any follow-up mode:
 * null before the round has a transcript, then the follow-ups asked after their points were clearly
 * covered. The plan's `probes` are written into the stored plan (the round plan is the contract; the
 * content format that fills it belongs to the content side).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../../../../../src/shared/transcript';
import { webmFixture } from '../../../../support/audio';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: interruptions-app
title: Interruptions app
category: Design
rounds:
  - questionType: system-design
    prompt: Design an LRU cache.
    budgetSeconds: 120
    expectedPoints:
      - text: Hash map from key to node combined with a doubly linked list
        cues: [hash map|dictionary, linked list, "why: find the node|pointer|move to front"]
      - text: Evict from the tail when full
        cues: [evict, tail|least recently]
    followUps:
      - { text: How do you find the node to move?, atSeconds: 10 }
      - { text: What do you evict?, atSeconds: 20 }
`;

let webm = '';
beforeAll(() => {
  webm = webmFixture('interruptions-answer', ['I keep a dictionary and a linked list.']).webm;
}, 60_000);

function timed(startMs: number, text: string): TranscriptSegment {
  const words = text
    .split(' ')
    .map((w, i) => ({ text: w, startMs: startMs + i * 300, endMs: startMs + (i + 1) * 300 }));
  return { startMs, endMs: words.at(-1)!.endMs, text, words };
}

describe('words:round unnecessary interruptions', () => {
  it('is null without a transcript, then counts follow-ups asked after their points were clearly covered', async () => {
    const app = await makeApp(tempDir(), { 'loop.yaml': loop });
    expect((await call(app, 'library:list', {})).problems).toEqual([]);
    await call(app, 'settings:update', { followUpMode: 'jittered' });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'interruptions-app' } });
    const round = await recordRound(app, session.id, 0, webm);
    app.db.$client
      .prepare(
        "UPDATE rounds SET plan_json = json_set(plan_json, '$.followUps[0].probes', json('[0]'), '$.followUps[1].probes', json('[1]')) WHERE id = ?",
      )
      .run(round.id);
    for (const [index, spokenStartMs] of [10_000, 20_000].entries())
      await call(app, 'followup:record', {
        roundId: round.id,
        index,
        text: round.followUps[index]!.text,
        trigger: 'jittered',
        scheduledMs: spokenStartMs,
        spokenStartMs,
        spokenEndMs: spokenStartMs + 1500,
      });
    expect((await call(app, 'words:round', { roundId: round.id })).unnecessaryInterruptions).toBeNull();

    // Point 1 clearly covered before the first follow-up; point 2 never covered.
    app.transcripts.save({
      roundId: round.id,
      modelId: 'fixture-tiny',
      createdAt: 1,
      segments: [
        timed(1000, 'I keep a dictionary from key to node and a linked list, so the map finds the node at once.'),
      ],
    });
    const view = await call(app, 'words:round', { roundId: round.id });
    expect(view.unnecessaryInterruptions).toBe(1);
    // Not revealed: the count says nothing of the points, and the suggestions stay hidden.
    expect(view.coverage).toBeNull();
    app.close();
  });
});
