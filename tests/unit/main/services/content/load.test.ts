import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../../src/main/services/content/load';
import { builtinContentDir, tempDir, writeFiles } from '../../../../support/temp';

const userLoop = `kind: loop
id: my-own-loop
title: My own loop
category: Coding
rounds:
  - questionType: implementation
    prompt: Implement a ring buffer with push and pop, and tell me its complexity.
    budgetSeconds: 300
    expectedPoints: [fixed capacity array, head and tail indices]
    followUps:
      - { text: What happens when it is full?, atSeconds: 120, jitterSeconds: 5 }
`;

describe('built-in content', () => {
  it('loads with no problems and covers the whole seed library', async () => {
    const content = await loadContent({ builtinDir: builtinContentDir });
    expect(content.problems).toEqual([]);
    const items = [...content.items.values()];
    expect(items.filter((i) => i.kind === 'loop').length).toBeGreaterThanOrEqual(8);
    expect(items.filter((i) => i.kind === 'mock').length).toBeGreaterThanOrEqual(20);
    expect(content.circuits.size).toBeGreaterThanOrEqual(3);
    expect(content.rubric?.dimensions.map((d) => d.id).sort()).toEqual(['clarity', 'rigor', 'speed']);
    for (const type of ['derivation', 'implementation', 'debugging', 'evaluation', 'systems', 'behavioural']) {
      expect(content.questionTypes.has(type)).toBe(true);
    }
  });

  it('gives every round a budget, expected points and follow-ups inside the budget', async () => {
    const content = await loadContent({ builtinDir: builtinContentDir });
    for (const item of content.items.values()) {
      for (const round of item.rounds) {
        expect(round.expectedPoints.length, item.id).toBeGreaterThan(0);
        expect(round.followUps.length, item.id).toBeGreaterThan(0);
        for (const f of round.followUps) expect(f.atSeconds, item.id).toBeLessThan(round.budgetSeconds);
      }
    }
  });
});

describe('user content', () => {
  it("loads the user's own items beside the built-in ones", async () => {
    const userDir = tempDir();
    writeFiles(userDir, { 'mine/ring-buffer.yaml': userLoop });
    const content = await loadContent({ builtinDir: builtinContentDir, userDir });
    expect(content.problems).toEqual([]);
    expect(content.items.get('my-own-loop')?.origin).toBe('user');
    expect(content.items.get('my-own-loop')?.file).toBe('mine/ring-buffer.yaml');
  });

  it('reports every bad file with its file, field and reason, and still loads everything else', async () => {
    const userDir = tempDir();
    writeFiles(userDir, {
      'good.yaml': userLoop,
      'syntax.yaml': 'kind: mock\nid: [unclosed\n',
      'not-a-map.yml': '- just\n- a list\n',
      'unknown-kind.yaml': 'kind: recipe\nid: x\n',
      'missing-budget.yaml': userLoop
        .replace('id: my-own-loop', 'id: missing-budget')
        .replace('    budgetSeconds: 300\n', ''),
      'late-follow-up.yaml': userLoop
        .replace('id: my-own-loop', 'id: late')
        .replace('atSeconds: 120', 'atSeconds: 900'),
      'typo-field.yaml': userLoop.replace('id: my-own-loop', 'id: typo').replace('followUps:', 'folowUps:'),
      'bad-type.yaml': userLoop.replace('id: my-own-loop', 'id: bad-type').replace('implementation', 'juggling'),
      'zz-duplicate.yaml': userLoop,
      'bad-id.yaml': userLoop.replace('id: my-own-loop', 'id: ../../etc/passwd'),
      'circuit.yaml':
        'kind: circuit\nid: my-circuit\ntitle: Broken circuit\nsteps:\n  - { type: round, label: Coding, items: [no-such-item], minutes: 30 }\n',
      'notes.txt': 'ignored: not YAML',
    });
    const content = await loadContent({ builtinDir: builtinContentDir, userDir });
    const byFile = (file: string) => content.problems.filter((p) => p.file === file);
    expect(content.items.get('my-own-loop')?.origin).toBe('user');
    expect(byFile('syntax.yaml')[0]).toMatchObject({
      field: '',
      origin: 'user',
      message: expect.stringMatching(/YAML syntax/),
    });
    expect(byFile('not-a-map.yml')[0]?.message).toMatch(/mapping/);
    expect(byFile('unknown-kind.yaml')[0]?.field).toBe('kind');
    expect(byFile('missing-budget.yaml')[0]?.field).toBe('rounds.0.budgetSeconds');
    expect(byFile('late-follow-up.yaml')[0]).toMatchObject({
      field: 'rounds.0.followUps.0.atSeconds',
      message: expect.stringMatching(/budget/),
    });
    expect(byFile('typo-field.yaml')[0]?.message).toMatch(/folowUps/);
    expect(byFile('bad-type.yaml')[0]).toMatchObject({
      field: 'rounds.0.questionType',
      message: expect.stringMatching(/juggling/),
    });
    expect(byFile('zz-duplicate.yaml')[0]).toMatchObject({
      field: 'id',
      message: expect.stringMatching(/already used by your file good.yaml/),
    });
    expect(byFile('bad-id.yaml')[0]?.field).toBe('id');
    expect(byFile('circuit.yaml')[0]).toMatchObject({
      field: 'steps.0.items.0',
      message: expect.stringMatching(/no-such-item/),
    });
    expect(content.problems.some((p) => p.file === 'notes.txt')).toBe(false);
    // The built-in library is unaffected.
    expect([...content.items.values()].filter((i) => i.origin === 'builtin').length).toBeGreaterThanOrEqual(28);
  });

  it('refuses a user rubric but keeps the built-in one', async () => {
    const userDir = tempDir();
    writeFiles(userDir, { 'rubric.yaml': 'kind: rubric\ndimensions: []\n' });
    const content = await loadContent({ builtinDir: builtinContentDir, userDir });
    // The built-in rubric (three dimensions), not the user's empty one.
    expect(content.rubric?.dimensions.map((d) => d.id).sort()).toEqual(['clarity', 'rigor', 'speed']);
    expect(content.problems.length).toBeGreaterThan(0);
    expect(content.problems.every((p) => p.file === 'rubric.yaml')).toBe(true);
  });

  it('treats a missing user folder as empty', async () => {
    const content = await loadContent({ builtinDir: builtinContentDir, userDir: '/nonexistent/loop-coach/content' });
    expect(content.problems).toEqual([]);
  });
});
