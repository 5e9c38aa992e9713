/**
 * Issue 22, D1: ids are canonical. Every uuid is lower-cased as the contract parses it, so an export
 * that spells an id of this data folder in upper case names the same session (skipped, never a
 * duplicate), an id used twice in a bundle or already used by another session is refused naming it,
 * and no import ever replaces a file already in the data folder. No case-folding volume can be made
 * here without root (vfat or ext4 casefold need a mount), so the id checks and the exclusive rename
 * are tested themselves; a planted file stands for the existing recording such a volume would find.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src/main/services/infra/dispatch';
import { importExport, readExport } from '../../../../src/main/services/import';
import { placeFile, TargetExistsError } from '../../../../src/main/services/infra/place-file';
import { recordingFiles } from '../../../../src/main/services/recording/paths';
import { webmFixture } from '../../../support/audio';
import {
  expectRefused,
  makeBundle,
  openTarget,
  snapshot,
  targetWithFirstSession,
  writeJson,
} from '../../../support/import-bundle';
import { makeApp } from '../../../support/sessions';
import { tempDir } from '../../../support/temp';

let webm = '';
beforeAll(() => {
  webm = webmFixture('import-answer', ['Overfitting is memorising the training set.']).webm;
}, 60_000);

const upper = (id: string) => id.toUpperCase();

describe('an import spelling ids in another case', () => {
  it('the attack: the first session again with upper-case ids, a new recording id and other bytes — skipped, the recording untouched', async () => {
    const { bundle, json } = await makeBundle(webm);
    const { dataDir, db } = targetWithFirstSession(bundle, json);
    const before = snapshot(dataDir, db);
    const hostile = json.sessions[0]!;
    hostile.id = upper(hostile.id);
    hostile.rounds[0]!.id = upper(hostile.rounds[0]!.id);
    const rec = hostile.rounds[0]!.recording;
    const newId = crypto.randomUUID();
    fs.writeFileSync(path.join(bundle, 'recordings', `${newId}.webm`), 'the attacker’s audio');
    Object.assign(rec, { id: newId, audioFile: `recordings/${newId}.webm`, peaksFile: null });
    writeJson(bundle, { ...json, sessions: [hostile] });
    const { file, bundleDir } = readExport(bundle);
    expect(importExport(db, dataDir, file, bundleDir)).toMatchObject({ sessions: 0, skipped: 1, recordingsCopied: 0 });
    expect(snapshot(dataDir, db)).toEqual(before);
    db.$client.close();
  });

  it('refuses a new session whose round id is an existing round’s in upper case, naming the id', async () => {
    const { bundle, json } = await makeBundle(webm);
    const { dataDir, db } = targetWithFirstSession(bundle, json);
    const taken = json.sessions[0]!.rounds[0]!.id;
    json.sessions[1]!.rounds[0]!.id = upper(taken);
    writeJson(bundle, { ...json, sessions: [json.sessions[1]] });
    expectRefused(
      bundle,
      dataDir,
      db,
      new RegExp(
        `The export's round ${taken} \\(sessions\\.0\\.rounds\\.0\\) is already in this data folder under another session`,
      ),
    );
    db.$client.close();
  });

  it('refuses a bundle that holds one session twice under two spellings, naming the id', async () => {
    const { bundle, json } = await makeBundle(webm);
    const dataDir = tempDir();
    const db = openTarget(dataDir);
    const second = structuredClone(json.sessions[0]!);
    second.id = upper(second.id);
    writeJson(bundle, { ...json, sessions: [json.sessions[0], second] });
    expectRefused(
      bundle,
      dataDir,
      db,
      new RegExp(`the session id ${json.sessions[0]!.id} is used twice \\(sessions\\.0 and sessions\\.1\\)`),
    );
    expect(snapshot(dataDir, db).rows).toEqual([0, 0, 0, 0, 0]);
    db.$client.close();
  });

  it('never replaces a file already at a recording’s place: refused, the file kept, nothing imported', async () => {
    const { bundle, json } = await makeBundle(webm);
    const { dataDir, db } = targetWithFirstSession(bundle, json);
    // What a case-insensitive volume would find at the new recording's name: another file already there.
    const s = json.sessions[1]!;
    const target = path.join(dataDir, recordingFiles(s.id, 0, s.rounds[0]!.id).file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'the user’s own recording');
    expectRefused(bundle, dataDir, db, /recordings\/.*\.webm is already in this data folder .* it was not replaced/);
    expect(fs.readFileSync(target, 'utf8')).toBe('the user’s own recording');
    expect(fs.readdirSync(path.dirname(target))).toEqual([path.basename(target)]);
    db.$client.close();
  });
});

describe('placing a file by an exclusive rename', () => {
  it('refuses a target that exists, keeping both files; places it when free', () => {
    const dir = tempDir();
    const temp = path.join(dir, 'new.tmp');
    const target = path.join(dir, 'round.webm');
    fs.writeFileSync(temp, 'new');
    fs.writeFileSync(target, 'existing');
    expect(() => placeFile(temp, target)).toThrow(TargetExistsError);
    expect(fs.readFileSync(target, 'utf8')).toBe('existing');
    expect(fs.readFileSync(temp, 'utf8')).toBe('new');
    // A dangling link is a name taken too (rename would replace it).
    fs.rmSync(target);
    fs.symlinkSync(path.join(dir, 'nowhere'), target);
    expect(() => placeFile(temp, target)).toThrow(TargetExistsError);
    fs.rmSync(target);
    placeFile(temp, target);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.existsSync(temp)).toBe(false);
    expect(fs.statSync(target).nlink).toBe(1);
  });
});

describe('ids at the contract boundary', () => {
  it('an upper-case session id names the same session through dispatch (IPC and browser mode alike)', async () => {
    const app = await makeApp(tempDir());
    const started = await dispatch(app.handlers, 'session:start', { source: { type: 'random', category: 'Theory' } });
    if (!started.ok) throw new Error(started.error.message);
    const id = (started.value as { id: string }).id;
    const got = await dispatch(app.handlers, 'session:get', { sessionId: upper(id) });
    expect(got).toMatchObject({ ok: true, value: { id } });
    app.close();
  });
});
