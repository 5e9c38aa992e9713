import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../../src/main/services/content/load';
import { planSession } from '../../../../../src/main/services/content/plan';
import { roundPlan } from '../../../../../src/shared/contract';
import { builtinContentDir, tempDir, writeFiles } from '../../../../support/temp';

/** A one-round mock in the user's folder, with the given points and follow-ups as YAML lines. */
function mockFile(id: string, points: string[], followUps: string[] = []): string {
  return [
    'kind: mock',
    `id: ${id}`,
    'title: Hash map basics',
    'category: Theory',
    'rounds:',
    '  - questionType: theory',
    '    prompt: How does a hash map store and find its entries?',
    '    budgetSeconds: 300',
    '    expectedPoints:',
    ...points.map((l) => `      ${l}`),
    ...(followUps.length ? ['    followUps:', ...followUps.map((l) => `      ${l}`)] : []),
    '',
  ].join('\n');
}

const cuedPoints = [
  '- text: Keys are hashed to pick a bucket',
  '  cues: ["hash function|hashing", "bucket|slot|index", "why: pick|spread|jump straight"]',
  '  probe: How does the map decide where an entry goes?',
  '- text: Collisions are resolved by chaining or open addressing',
  '  cues: ["collision|clash", "chaining|linked list|open addressing|probing", "why: same bucket|two keys"]',
  '- Explains it without jargon',
];

async function loadMine(files: Record<string, string>) {
  const userDir = tempDir();
  writeFiles(userDir, files);
  return loadContent({ builtinDir: builtinContentDir, userDir });
}

const problemsOf = async (body: string) =>
  (await loadMine({ 'mine.yaml': body })).problems.map((p) => `${p.file} ${p.field}: ${p.message}`);

describe('probes in content', () => {
  it('plans each follow-up with the points it probes from 0, and each point with its probe question', async () => {
    const content = await loadMine({
      'mine.yaml': mockFile('probe-mock', cuedPoints, [
        '- text: What happens when two keys land in the same place?',
        '  atSeconds: 150',
        '  probes: [2, 1]',
        '- text: How would you grow the table?',
        '  atSeconds: 220',
      ]),
    });
    expect(content.problems).toEqual([]);
    const [round] = planSession(content, { type: 'item', id: 'probe-mock' }, () => 0).rounds;
    expect(round!.followUps[0]!.probes).toEqual([1, 0]);
    // A follow-up that names no points stays without probes (the adaptive mode never skips it).
    expect(round!.followUps[1]).not.toHaveProperty('probes');
    expect(round!.pointProbes).toEqual(['How does the map decide where an entry goes?', null, null]);
    // The plan is what the session freezes: it survives the contract's parse unchanged.
    const { answers: _answers, ...plan } = round!;
    expect(roundPlan.parse(JSON.parse(JSON.stringify(plan)))).toMatchObject({
      followUps: [{ probes: [1, 0] }, {}],
      pointProbes: ['How does the map decide where an entry goes?', null, null],
    });
  });

  it('keeps the probes when a circuit slot rescales the round', async () => {
    const content = await loadMine({
      'mine.yaml': mockFile('probe-mock', cuedPoints, [
        '- text: What happens when two keys land in the same place?',
        '  atSeconds: 150',
        '  probes: [2]',
      ]),
      'circuit.yaml': [
        'kind: circuit',
        'id: probe-circuit',
        'title: Probe circuit',
        'steps:',
        '  - type: round',
        '    label: Theory',
        '    items: [probe-mock]',
        '    minutes: 10',
        '',
      ].join('\n'),
    });
    const [round] = planSession(content, { type: 'circuit', id: 'probe-circuit' }, () => 0).rounds;
    expect(round!.followUps[0]).toMatchObject({ atSeconds: 300, probes: [1] });
    expect(round!.pointProbes![0]).toBe('How does the map decide where an entry goes?');
  });

  it('still loads files without probes, planning no point probes', async () => {
    const content = await loadContent({ builtinDir: builtinContentDir });
    const mine = await loadMine({ 'mine.yaml': mockFile('plain-mock', ['- Buckets', '- Collisions']) });
    expect(mine.problems).toEqual([]);
    const [round] = planSession(mine, { type: 'item', id: 'plain-mock' }, () => 0).rounds;
    expect(round!.pointProbes).toEqual([null, null]);
    expect(content.problems).toEqual([]);
  });

  it('names the file, round, follow-up and point of a probe reference out of range, repeated or unheard', async () => {
    const problems = await problemsOf(
      mockFile('bad-refs', cuedPoints, [
        '- text: What happens when two keys land in the same place?',
        '  atSeconds: 150',
        '  probes: [2, 4, 2, 3]',
        '- text: How would you grow the table?',
        '  atSeconds: 220',
        '  probes: [0]',
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'mine.yaml rounds.0.followUps.0.probes.1: expected point 4 does not exist: this round has 3 expected points, numbered from 1',
        'mine.yaml rounds.0.followUps.0.probes.2: expected point 2 is listed twice',
        'mine.yaml rounds.0.followUps.0.probes.3: expected point 3 has no cues, so the app cannot hear whether it was covered: give it cues or leave it out of probes',
        'mine.yaml rounds.0.followUps.1.probes.0: expected points are numbered from 1',
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('refuses a probe that is not a question, is too long, or sits on a point without cues', async () => {
    const problems = await problemsOf(
      mockFile('bad-probes', [
        '- text: Keys are hashed to pick a bucket',
        '  cues: ["hash function|hashing", "bucket|slot"]',
        '  probe: Tell me where an entry goes.',
        '- text: Collisions are resolved by chaining',
        '  cues: ["collision|clash", "chaining|linked list"]',
        `  probe: ${'And then what would you do about it when the table fills up '.repeat(3).trim()}?`,
        '- text: Explains it without jargon',
        '  probe: Could you say that in plain words?',
      ]),
    );
    expect(problems).toEqual([
      'mine.yaml rounds.0.expectedPoints.0.probe: a probe must be a question ending with "?"',
      'mine.yaml rounds.0.expectedPoints.1.probe: a probe question is at most 25 words: it is asked aloud mid-answer',
      'mine.yaml rounds.0.expectedPoints.2.probe: expected point 3 has a probe but no cues: the app cannot hear whether it was covered, so give it cues or remove the probe',
    ]);
  });

  it('gives every cued point of the built-in library a short probe, and every probe reference names a cued point', async () => {
    const content = await loadContent({ builtinDir: builtinContentDir });
    expect(content.problems).toEqual([]);
    const rounds = [...content.items.values()].flatMap((item) => item.rounds.map((round, r) => ({ where: `${item.id} round ${r + 1}`, round })));
    const unprobed = rounds.flatMap(({ where, round }) =>
      round.expectedPoints.flatMap((text, p) =>
        round.expectedPointCues[p]!.length > 0 && round.expectedPointProbes[p] === null ? [`${where}: ${text}`] : [],
      ),
    );
    expect(unprobed).toEqual([]);
    for (const { where, round } of rounds) {
      for (const probe of round.expectedPointProbes.filter((q) => q !== null))
        expect(probe.split(/\s+/).length, `${where}: ${probe}`).toBeLessThanOrEqual(20);
      for (const followUp of round.followUps)
        for (const n of followUp.probes ?? []) {
          expect(n, `${where}: ${followUp.text}`).toBeGreaterThanOrEqual(1);
          expect(round.expectedPointCues[n - 1]?.length, `${where}: ${followUp.text} probes point ${n}`).toBeGreaterThan(0);
        }
    }
    // Most follow-ups are about something the points already cover; the rest stay without probes.
    expect(rounds.flatMap(({ round }) => round.followUps).filter((f) => f.probes).length).toBeGreaterThanOrEqual(60);
  });
});
