/** The coach's stored state travels with an export: re-scores and action lists, checked-off state included. */
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../../../src/main/services/export/export';
import { importExport, parseExport } from '../../../../../src/main/services/import';
import { addSession, DAY } from '../../../../support/coach-history';
import { call, makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

describe('coach state in an export', () => {
  it('exports re-scores and action lists and imports them into another data folder', async () => {
    const t = Date.UTC(2026, 10, 1, 18);
    let now = t + 10 * DAY;
    const source = await makeApp(tempDir(), {}, () => now);
    addSession(source.db, t, [
      { startedAt: t, recorded: true, scores: { clarity: 4, rigor: 4, speed: 4 }, postmortem: { change: 'Be brief.' } },
      { startedAt: t + 1, scores: { clarity: 2, rigor: 2, speed: 2 } },
    ]);
    const prompt = await call(source, 'coach:rescorePrompt', {});
    await call(source, 'coach:rescoreAnswer', {
      rescoreId: prompt!.rescoreId,
      scores: { clarity: 3, rigor: 4, speed: 5 },
    });
    now = t + 5 * DAY;
    const list = await call(source, 'coach:actionsGenerate', {});
    await call(source, 'coach:actionCheck', { itemId: list.items[0]!.id, done: true });
    const file = parseExport(JSON.parse(JSON.stringify(buildExport(source.db, 'test', now))));
    source.close();
    expect(file.coach?.rescores).toHaveLength(1);
    expect(file.coach?.actionLists[0]?.items[0]?.doneAt).toBe(now);

    const targetDir = tempDir();
    const target = await makeApp(targetDir, {}, () => now);
    importExport(target.db, targetDir, file, null);
    const calibration = await call(target, 'coach:calibration', {});
    expect(calibration.drift.map((d) => d.meanDiff)).toEqual([-1, 0, 1]);
    const imported = await call(target, 'coach:actions', { weekStartMs: 0 });
    expect(imported?.id).toBe(list.id);
    expect(imported?.items.map((i) => i.text)).toEqual(list.items.map((i) => i.text));
    expect(imported?.items[0]?.doneAt).toBe(now);
    // Importing the same file twice adds nothing.
    importExport(target.db, targetDir, file, null);
    expect(target.db.$client.prepare('SELECT count(*) AS n FROM rescores').get()).toEqual({ n: 1 });
    target.close();
  });
});
