/**
 * Issue 22, D2: links and special files in the content folder are named in the Library as skipped,
 * with the reason, and never followed or opened: a FIFO opened for reading would wait for a writer
 * forever, so a load that finishes at all shows it was not opened.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent, readContentFile } from '../../../../../src/main/services/content/load';
import { loopYaml } from '../../../../support/content-files';
import { builtinContentDir, tempDir, writeFiles } from '../../../../support/temp';



const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function listenOn(file: string): Promise<void> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((done) => server.listen(file, done));
}

describe.skipIf(process.platform === 'win32')('special files in the content folder', () => {
  it('are named as skipped with the reason, and the rest loads', async () => {
    const userDir = tempDir();
    const outside = tempDir();
    writeFiles(outside, { 'elsewhere.yaml': loopYaml('outside-loop'), 'folder/inside.yaml': loopYaml('linked-folder-loop') });
    writeFiles(userDir, { 'good.yaml': loopYaml('still-loads'), 'notes.txt': 'not content' });
    fs.symlinkSync(path.join(outside, 'elsewhere.yaml'), path.join(userDir, 'link.yaml'));
    fs.symlinkSync(path.join(outside, 'folder'), path.join(userDir, 'linked-folder'));
    fs.symlinkSync('/etc/hostname', path.join(userDir, 'system-link.yml'));
    fs.symlinkSync(path.join(outside, 'notes.txt'), path.join(userDir, 'link.txt'));
    execFileSync('mkfifo', [path.join(userDir, 'pipe.yaml')]);
    fs.mkdirSync(path.join(userDir, 'folder.yaml'));
    writeFiles(userDir, { 'folder.yaml/hidden-inside.yaml': loopYaml('in-a-yaml-folder') });
    await listenOn(path.join(userDir, 'socket.yaml'));

    const content = await loadContent({ builtinDir: builtinContentDir, userDir });
    const skipped = Object.fromEntries(content.problems.map((p) => [p.file, p.message]));
    expect(skipped).toEqual({
      'folder.yaml': 'skipped: it is a folder named like a content file; rename it to load the files in it',
      'link.yaml': 'skipped: it is a symbolic link, and links are not followed; move or copy what it points to into the content folder',
      'linked-folder': 'skipped: it is a symbolic link, and links are not followed; move or copy what it points to into the content folder',
      'pipe.yaml': 'skipped: it is a named pipe (FIFO), not a file',
      'socket.yaml': 'skipped: it is a socket, not a file',
      'system-link.yml': 'skipped: it is a symbolic link, and links are not followed; move or copy what it points to into the content folder',
    });
    expect(content.problems.every((p) => p.origin === 'user' && p.field === '')).toBe(true);
    expect(content.items.get('still-loads')?.origin).toBe('user');
    for (const id of ['outside-loop', 'linked-folder-loop', 'in-a-yaml-folder']) expect(content.items.has(id)).toBe(false);
  });

  it('are refused when opened directly: a link is not followed and a FIFO does not block', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'real.yaml': loopYaml('real') });
    fs.symlinkSync(path.join(dir, 'real.yaml'), path.join(dir, 'link.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    // As if each had replaced a regular file between the folder listing and the read.
    expect(await readContentFile(path.join(dir, 'link.yaml'))).toEqual({
      ok: false,
      problems: [{ field: '', message: 'skipped: it is a symbolic link, and links are not followed; move or copy what it points to into the content folder' }],
    });
    expect(await readContentFile(path.join(dir, 'pipe.yaml'))).toEqual({
      ok: false,
      problems: [{ field: '', message: 'skipped: it is a named pipe (FIFO), not a file' }],
    });
    expect(await readContentFile('/dev/null')).toEqual({
      ok: false,
      problems: [{ field: '', message: 'skipped: it is a device, not a file' }],
    });
    const real = await readContentFile(path.join(dir, 'real.yaml'));
    expect(real.ok && real.bytes.toString()).toBe(loopYaml('real'));
  });
});
