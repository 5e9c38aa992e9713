import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../../src/main/services/content/load';
import { buildContentSnapshot, readContentSnapshot } from '../../../../../src/main/services/content/snapshot';
import { builtinContentDir, tempDir, writeFiles } from '../../../../support/temp';

/** A copy of the built-in content to change files in. */
function copyOfBuiltin(): string {
  const dir = tempDir('loop-coach-builtin-');
  fs.cpSync(builtinContentDir, dir, { recursive: true });
  return dir;
}

const someLoop = 'loops/loop-masked-softmax.yaml';

describe('the build-time content snapshot', () => {
  it('loads exactly what parsing every file gives', async () => {
    const snapshot = await buildContentSnapshot(builtinContentDir);
    const parsed = await loadContent({ builtinDir: builtinContentDir });
    const fromSnapshot = await loadContent({ builtinDir: builtinContentDir, builtinSnapshot: snapshot.files });
    // Through JSON, as a start reads it from disk.
    const fromDisk = await loadContent({
      builtinDir: builtinContentDir,
      builtinSnapshot: JSON.parse(JSON.stringify(snapshot)).files,
    });
    expect(fromSnapshot).toStrictEqual(parsed);
    expect(fromDisk).toEqual(parsed);
    expect(fromDisk.items.size).toBe(parsed.items.size);
  });

  it("takes a file's result from the snapshot while its bytes are unchanged, without parsing it", async () => {
    const snapshot = await buildContentSnapshot(builtinContentDir);
    const entry = snapshot.files[someLoop]!;
    if (!entry.result.ok || entry.result.data.kind !== 'loop') throw new Error(`${someLoop} is not a loop`);
    const id = entry.result.data.id;
    // A result no parse of that file could give: seen only if the snapshot was used.
    const forged = {
      ...entry,
      result: { ok: true as const, data: { ...entry.result.data, title: 'From the snapshot' } },
    };
    const content = await loadContent({
      builtinDir: builtinContentDir,
      builtinSnapshot: { ...snapshot.files, [someLoop]: forged },
    });
    expect(content.items.get(id)?.title).toBe('From the snapshot');
  });

  it('parses a built-in file again once its bytes differ from the build, problems included', async () => {
    const builtinDir = copyOfBuiltin();
    const snapshot = await buildContentSnapshot(builtinDir);
    const file = path.join(builtinDir, someLoop);
    const original = fs.readFileSync(file, 'utf8');
    const id = /^id: (\S+)$/m.exec(original)![1]!;
    fs.writeFileSync(file, original.replace(/^title: .*$/m, 'title: Edited after the build'));
    const edited = await loadContent({ builtinDir, builtinSnapshot: snapshot.files });
    expect(edited.items.get(id)?.title).toBe('Edited after the build');

    fs.writeFileSync(file, original.replace(/^title: .*$/m, 'title: ['));
    const broken = await loadContent({ builtinDir, builtinSnapshot: snapshot.files });
    expect(broken.items.has(id)).toBe(false);
    expect(broken.problems.map((p) => p.file)).toEqual([someLoop]);
    expect(broken.problems[0]!.message).toMatch(/^YAML syntax error at line \d+/);
  });

  it("never applies to the user's own folder, whose files are always parsed", async () => {
    const snapshot = await buildContentSnapshot(builtinContentDir);
    const userDir = tempDir();
    const entry = snapshot.files[someLoop]!;
    writeFiles(userDir, { [someLoop]: fs.readFileSync(path.join(builtinContentDir, someLoop), 'utf8') });
    const content = await loadContent({ builtinDir: builtinContentDir, userDir, builtinSnapshot: snapshot.files });
    // The same bytes under the user's folder clash with the built-in id: it was parsed, not taken.
    expect(entry.result.ok).toBe(true);
    expect(content.problems).toEqual([
      expect.objectContaining({
        file: someLoop,
        origin: 'user',
        field: 'id',
        message: expect.stringMatching(/already used/),
      }),
    ]);
  });

  it('is ignored, with a message, when missing, unreadable JSON or of another shape', async () => {
    const dir = tempDir();
    expect(readContentSnapshot(path.join(dir, 'none.json'))).toBeNull();
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"format": 1, "files": ');
    expect(readContentSnapshot(path.join(dir, 'bad.json'))).toBeNull();
    fs.writeFileSync(path.join(dir, 'shape.json'), JSON.stringify({ format: 1, files: { 'a.yaml': { sha256: 'x' } } }));
    expect(readContentSnapshot(path.join(dir, 'shape.json'))).toBeNull();
    const good = await buildContentSnapshot(builtinContentDir);
    fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(good));
    expect(Object.keys(readContentSnapshot(path.join(dir, 'good.json')) ?? {})).toEqual(Object.keys(good.files));
  });
});
