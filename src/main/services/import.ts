/**
 * Import of an export (src/shared/export.ts) into a data folder. Nothing in the file is trusted as a
 * path: recordings are read only from inside the export bundle, under the names the format allows
 * (recordings/<recording id>.webm), as regular files whose real path stays inside the bundle; they
 * are written where this app itself would put them. All or nothing: a refused file, or any failure
 * on the way, leaves the data folder as it was.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { EXPORT_JSON, EXPORT_VERSION, type ExportFile } from '../../shared/export';
import { anyExportFile } from '../../shared/export-v1';
import { importCoach } from './coach/export';
import type { AppDatabase } from './db/open';
import { checkDecisions, checkIds, checkTranscripts, ImportRefusedError } from './import-checks';
import { insertSession } from './import-rows';
import { itemSchedule, sessions } from './db/schema';
import { insideRoot } from './infra/paths';
import { PRIVATE_DIR_MODE, writePrivate } from './infra/private-files';
import { placeFile, TargetExistsError } from './infra/place-file';
import { recordingFiles } from './recording/paths';

export { ImportRefusedError };

export type ImportResult = { sessions: number; skipped: number; recordingsCopied: number; recordingsMissing: number };

/**
 * The largest export.json an import reads. Checked by size before a byte is read, so a huge (or
 * sparse) file is refused at once instead of filling memory. A transcribed round takes ~40 KB of
 * JSON and an untranscribed one ~4 KB, so this holds years of evening practice; V8 could not even
 * hold a string past ~512 MiB, and parsing one takes several times its size in memory.
 */
export const MAX_EXPORT_JSON_BYTES = 256 * 1024 * 1024;

const header = z.object({ format: z.literal('loop-coach-export'), version: z.number().int() });

/** Parses any readable version into the current one, or refuses naming the first problem. */
export function parseExport(raw: unknown): ExportFile {
  const head = header.safeParse(raw);
  const issue = (error: z.ZodError) => {
    const first = error.issues[0]!;
    return `${first.path.join('.') || 'file'}: ${first.message}`;
  };
  if (!head.success) throw new ImportRefusedError(`Not a Loop Coach export: ${issue(head.error)}`);
  if (head.data.version > EXPORT_VERSION || head.data.version < 1)
    throw new ImportRefusedError(
      `This export is version ${head.data.version}; this app reads versions 1 to ${EXPORT_VERSION}. Update Loop Coach.`,
    );
  const parsed = anyExportFile.safeParse(raw);
  if (!parsed.success) throw new ImportRefusedError(`Not a Loop Coach export: ${issue(parsed.error)}`);
  return parsed.data;
}

/**
 * Reads an export: a bundle folder (its export.json), or an export.json / loose JSON file (its
 * folder is then the bundle). Returns the parsed file and the bundle folder's real path.
 */
export function readExport(input: string): { file: ExportFile; bundleDir: string } {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(input);
  } catch {
    throw new ImportRefusedError(`No export at ${input}.`);
  }
  const jsonFile = stat.isDirectory() ? path.join(input, EXPORT_JSON) : input;
  const jsonStat = stat.isDirectory() ? lstatOrNull(jsonFile) : stat;
  if (!jsonStat) throw new ImportRefusedError(`${input} is a folder without an ${EXPORT_JSON}: not an export bundle.`);
  if (jsonStat.isSymbolicLink())
    throw new ImportRefusedError(`${jsonFile} is a symbolic link; an export holds only real files.`);
  if (!jsonStat.isFile()) throw new ImportRefusedError(`${jsonFile} is not a regular file.`);
  refuseHardLink(jsonFile, jsonStat);
  let raw: unknown;
  const fd = fs.openSync(jsonFile, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    // The size of the file actually opened (not a name swapped after the lstat).
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new ImportRefusedError(`${jsonFile} is not a regular file.`);
    refuseHardLink(jsonFile, opened);
    if (opened.size > MAX_EXPORT_JSON_BYTES)
      throw new ImportRefusedError(
        `${jsonFile} is ${megabytes(opened.size)}; an export.json this app reads is at most ` +
          `${megabytes(MAX_EXPORT_JSON_BYTES)}. Nothing was read or changed.`,
      );
    raw = JSON.parse(fs.readFileSync(fd, 'utf8'));
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    throw new ImportRefusedError(`${jsonFile} is not JSON: ${(error as Error).message}`);
  } finally {
    fs.closeSync(fd);
  }
  return { file: parseExport(raw), bundleDir: fs.realpathSync(path.dirname(jsonFile)) };
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;

/**
 * A file with a second name (a hard link) may be any file of this account's, not one the export
 * wrote: refused like a symbolic link. `cp -r` of the bundle gives every file its own copy.
 */
function refuseHardLink(what: string, stat: fs.Stats): void {
  if (stat.nlink > 1)
    throw new ImportRefusedError(
      `${what} is a hard link (${stat.nlink} names for one file); an export holds only ` +
        'files of its own. Copy the folder (cp -r) and import the copy.',
    );
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

/**
 * A file the export names inside the bundle, checked: inside the folder by name, not a symbolic
 * link, a regular file, and with its real path inside the bundle's (no linked folder on the way).
 * Null when the bundle simply lacks it.
 */
function bundleFile(bundleDir: string, name: string): string | null {
  const root = fs.realpathSync(bundleDir);
  const full = insideRoot(root, name);
  if (!full) throw new ImportRefusedError(`The export names ${name}, which is outside the export folder.`);
  const stat = lstatOrNull(full);
  if (!stat) return null;
  if (stat.isSymbolicLink())
    throw new ImportRefusedError(`${name} in the export folder is a symbolic link; an export holds only real files.`);
  if (!stat.isFile()) throw new ImportRefusedError(`${name} in the export folder is not a regular file.`);
  refuseHardLink(`${name} in the export folder`, stat);
  const real = fs.realpathSync(full);
  const rel = path.relative(root, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    throw new ImportRefusedError(`${name} in the export folder resolves to ${real}, outside the export folder.`);
  return full;
}

/** Copies without following a link at the last step, so a file swapped for a link after the check is refused. */
function copyNoFollow(from: string, to: string): void {
  const fd = fs.openSync(from, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.nlink > 1) throw new ImportRefusedError(`${from} changed while it was being imported.`);
    writePrivate(to, fs.readFileSync(fd)); // exclusive: never over an existing file
  } finally {
    fs.closeSync(fd);
  }
}

type StagedFile = { temp: string; target: string };

/**
 * Adds every session of `file` not already present (by id), with the recordings found in
 * `bundleDir` (null: read no files at all). Throws ImportRefusedError, changing nothing, on a
 * hostile or broken export.
 */
export function importExport(
  db: AppDatabase,
  dataDir: string,
  file: ExportFile,
  bundleDir: string | null,
): ImportResult {
  const result: ImportResult = { sessions: 0, skipped: 0, recordingsCopied: 0, recordingsMissing: 0 };
  const present = (id: string) => db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, id)).get();
  const fresh = file.sessions.filter((s) => !present(s.id));

  checkIds(db, file, new Set(fresh.map((s) => s.id)));
  checkTranscripts(file);
  checkDecisions(file);

  // 1. Every named file is checked before anything is written (hostile entries in skipped sessions too).
  const sources = new Map<string, { audio: string | null; peaks: string | null }>();
  for (const s of file.sessions)
    for (const r of s.rounds) {
      const rec = r.recording;
      if (!rec) continue;
      const audio = bundleDir && rec.audioFile ? bundleFile(bundleDir, rec.audioFile) : null;
      const peaks = bundleDir && rec.peaksFile ? bundleFile(bundleDir, rec.peaksFile) : null;
      sources.set(rec.id, { audio, peaks });
    }

  // 2. Copied to temporary names beside their targets: no file of the data folder is touched yet.
  const staged: StagedFile[] = [];
  const placed: string[] = [];
  const madeDirs: string[] = [];
  const undo = () => {
    for (const f of staged) fs.rmSync(f.temp, { force: true });
    for (const target of placed) fs.rmSync(target, { force: true });
    for (const dir of madeDirs.reverse()) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const s of fresh)
      for (const r of s.rounds) {
        if (!r.recording) continue;
        const src = sources.get(r.recording.id)!;
        if (!src.audio) {
          result.recordingsMissing++;
          continue;
        }
        const names = recordingFiles(s.id, r.index, r.id);
        const pairs: [string, string][] = [[src.audio, names.file]];
        if (src.peaks) pairs.push([src.peaks, names.peaksFile]);
        for (const [from, relative] of pairs) {
          const target = insideRoot(dataDir, relative)!;
          const made = fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
          if (made) madeDirs.push(made);
          const temp = `${target}.import-${randomUUID()}`;
          copyNoFollow(from, temp);
          staged.push({ temp, target });
        }
        result.recordingsCopied++;
      }

    // 3. The rows in one transaction; the files take their names just before it commits.
    db.transaction((tx) => {
      for (const s of fresh) {
        result.sessions++;
        insertSession(tx, s);
      }
      // Snoozes and retirements: the newer of the two wins for an item both places know.
      for (const entry of file.schedule)
        tx.insert(itemSchedule)
          .values(entry)
          .onConflictDoUpdate({
            target: itemSchedule.itemId,
            set: { snoozedUntil: entry.snoozedUntil, retiredAt: entry.retiredAt, updatedAt: entry.updatedAt },
            setWhere: sql`${itemSchedule.updatedAt} < ${entry.updatedAt}`,
          })
          .run();
      importCoach(db, file.coach);
      for (const f of staged) {
        try {
          placeFile(f.temp, f.target);
        } catch (error) {
          if (!(error instanceof TargetExistsError)) throw error;
          throw new ImportRefusedError(
            `${path.relative(dataDir, f.target)} is already in this data folder (on a volume that ignores case, ` +
              'possibly under another spelling); it was not replaced, and nothing was imported.',
          );
        }
        placed.push(f.target);
      }
    });
  } catch (error) {
    undo();
    if (error instanceof ImportRefusedError) throw error;
    throw new ImportRefusedError(
      `The export could not be imported, and nothing was changed: ${(error as Error).message}`,
    );
  }
  result.skipped = file.sessions.length - fresh.length;
  return result;
}
