/**
 * The built-in content as the build parsed and checked it: `content-snapshot.json` beside the built
 * main process (electron.vite.config.ts writes it). Parsing the 68 YAML files and checking them
 * against the content schemas was the largest part of every start (about half a second of a cold
 * process); with the snapshot a start reads the files, hashes them and parses only those whose
 * bytes changed since the build (a hand-edited built-in file), so what loads is exactly what
 * parsing would give. User content is always parsed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { listContentFiles } from './files';
import { parseContentText, readContentFile, sha256, type ContentParseResult, type ContentSnapshotFiles } from './load';

/**
 * Only the envelope is checked here: each result was made by parseContentText (zod included) in the
 * same build as the code reading it, and is used only for a file whose SHA-256 still matches.
 * Checking every result again would cost the time the snapshot saves.
 */
const contentSnapshot = z.object({
  format: z.literal(1),
  files: z.record(
    z.string(),
    z.object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      result: z.custom<ContentParseResult>(
        (r) => typeof r === 'object' && r !== null && typeof (r as { ok?: unknown }).ok === 'boolean',
        'must be a parse result ({"ok": true|false, …})',
      ),
    }),
  ),
});
export type ContentSnapshot = z.infer<typeof contentSnapshot>;

/** Parses every file under `builtinDir` the way a start would. */
export async function buildContentSnapshot(builtinDir: string): Promise<ContentSnapshot> {
  const files: ContentSnapshotFiles = {};
  for (const full of (await listContentFiles(builtinDir)).files) {
    const read = await readContentFile(full);
    // An unreadable or oversized file is left out: the start reports it as it would without a snapshot.
    if (!read.ok) continue;
    const file = path.relative(builtinDir, full).split(path.sep).join('/');
    files[file] = { sha256: sha256(read.bytes), result: await parseContentText(read.bytes) };
  }
  return { format: 1, files };
}

/**
 * The snapshot at `file`, or null when there is none (a run from source, a build without one) or it
 * cannot be read: then every file is parsed, as before. Never a reason not to start.
 */
export function readContentSnapshot(file: string): ContentSnapshotFiles | null {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = contentSnapshot.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data.files;
    const issue = parsed.error.issues[0];
    console.error(`Ignoring the content snapshot ${file}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'}`);
  } catch (error) {
    console.error(`Ignoring the content snapshot ${file}: ${(error as Error).message}`);
  }
  return null;
}
