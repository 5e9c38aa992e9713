import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loopSpec } from '../../../../../src/shared/content';
import { roundAnswers } from '../../../../../src/shared/contract';
import { loadContent } from '../../../../../src/main/services/content/load';
import { planSession } from '../../../../../src/main/services/content/plan';
import { loadHeldoutSet, loadLabelledSet, scoreSet } from '../../../../../bench/coverage-set';

const builtinDir = path.resolve(__dirname, '../../../../../content');

const loopWith = (expectedPoints: unknown[]) => ({
  kind: 'loop',
  id: 'cue-loop',
  title: 'Cue loop',
  category: 'Theory',
  rounds: [{ questionType: 'theory', prompt: 'Explain a hash map please.', budgetSeconds: 60, expectedPoints }],
});

describe('cues in content', () => {
  it('accepts a point with cues beside plain points, and keeps the checklist lines as strings', () => {
    const loop = loopSpec.parse(
      loopWith(['Buckets', { text: 'Collisions by chaining', cues: ['collision', 'chain|linked list'] }]),
    );
    expect(loop.rounds[0]!.expectedPoints).toEqual(['Buckets', 'Collisions by chaining']);
    expect(loop.rounds[0]!.expectedPointCues).toEqual([[], ['collision', 'chain|linked list']]);
  });

  it('rejects a cue that is only function words, naming the field', () => {
    const result = loopSpec.safeParse(loopWith([{ text: 'Collisions by chaining', cues: ['collision', 'the|of it'] }]));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe('rounds.0.expectedPoints.0.cues.1');
    expect(result.error!.issues[0]!.message).toContain('needs a word that is not a function word');
  });

  it('rejects a point with an empty cue list or an unknown field', () => {
    expect(loopSpec.safeParse(loopWith([{ text: 'Buckets', cues: [] }])).success).toBe(false);
    expect(loopSpec.safeParse(loopWith([{ text: 'Buckets', cue: ['bucket'] }])).success).toBe(false);
  });

  it('gives cues to every built-in point except those no word can show (length, what not to say)', async () => {
    const content = await loadContent({ builtinDir });
    expect(content.problems).toEqual([]);
    const uncued = [...content.items.values()].flatMap((item) =>
      item.rounds.flatMap((round) => round.expectedPoints.filter((_, i) => round.expectedPointCues[i]!.length === 0)),
    );
    expect(uncued.sort()).toEqual(
      [
        'Answers stay concise, without rambling',
        'Avoids fake weaknesses, blaming others, and unquantified learning opportunities',
        'Fits within two minutes spoken',
        'Fits within two minutes spoken',
        'No complaints about the company, the manager or burnout',
        'Forward-looking, with no criticism of other companies',
        'No generic praise and no criticism of other labs',
      ].sort(),
    );
  });

  it('freezes the cues into the round answers at session start, and old answers without them still parse', async () => {
    const content = await loadContent({ builtinDir });
    const plan = planSession(content, { type: 'item', id: 'lru-cache' }, () => 0);
    const answers = plan.rounds[0]!.answers;
    expect(answers.expectedPointCues[4]![0]).toBe('sentinel|dummy');
    expect(answers.expectedPointCues).toHaveLength(answers.expectedPoints.length);
    expect(roundAnswers.parse({ expectedPoints: ['a'], referenceAnswer: null }).expectedPointCues).toEqual([]);
  });
});

describe('the labelled coverage set', () => {
  it('has at least 40 answers of every kind, across question types, with a held-out part', async () => {
    const content = await loadContent({ builtinDir });
    const set = loadLabelledSet();
    expect(set.length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.map((a) => a.kind))).toEqual(new Set(['paraphrased', 'partial', 'wrong', 'off-topic']));
    expect(new Set(set.map((a) => a.id)).size).toBe(set.length);
    const types = new Set(set.map((a) => content.items.get(a.item)!.rounds[a.round]!.questionType));
    expect(types.size).toBeGreaterThanOrEqual(8);
    expect(set.filter((a) => a.split === 'held-out').length).toBeGreaterThanOrEqual(15);
  });

  it('is scored per answer and point: a point heard against its label is a false positive', async () => {
    const content = await loadContent({ builtinDir });
    const [answer] = loadLabelledSet(undefined, content).filter((a) => a.id === 'lru-wrong');
    const labels = answer!.labels.map(() => 'absent' as const);
    const mislabelled = { ...answer!, text: 'Both get and put run in constant time.', labels };
    const { score } = scoreSet([mislabelled], content);
    expect(score).toMatchObject({ tp: 0, fp: 1, fn: 0, tn: 5, precision: 0 });
  });

  it('reads the blind sets: one label per point, rounds from 1', () => {
    const dev = loadHeldoutSet('dev');
    expect(dev.length).toBeGreaterThanOrEqual(30);
    for (const a of dev) expect(a.round).toBeGreaterThanOrEqual(0);
    expect(new Set(dev.flatMap((a) => a.labels))).toEqual(new Set(['covered', 'mentioned', 'absent']));
  });
});
