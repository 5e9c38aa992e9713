/**
 * Loads the content library: built-in files plus the user's own folder. Every bad file becomes a
 * problem naming its file, field and reason; everything else still loads. A built-in file whose
 * bytes match the build's snapshot (snapshot.ts) takes the result parsed at build time; only the
 * others are parsed here, so a start with unchanged built-in content and no files of the user's
 * never loads the YAML parser at all.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readYaml } from './yaml-read';
import { decodeContentText } from './text';
import type { z } from 'zod';
import {
  contentFile,
  type CircuitSpec,
  type ItemSpec,
  type QuestionTypesSpec,
  type RubricSpec,
} from '../../../shared/content';
import type { ContentProblem, Origin } from '../../../shared/contract';
import { listContentFiles, MAX_CONTENT_FILE_BYTES, SKIP_REASONS, specialFileReason } from './files';

export type { Origin };
export type Located<T> = T & { origin: Origin; file: string };
type QuestionType = QuestionTypesSpec['types'][number];

export type LoadedContent = {
  items: Map<string, Located<ItemSpec>>;
  circuits: Map<string, Located<CircuitSpec>>;
  questionTypes: Map<string, QuestionType>;
  bridges: QuestionTypesSpec['bridges'];
  rubric: RubricSpec | null;
  problems: ContentProblem[];
  fileCount: number;
};

export type ContentSources = {
  builtinDir: string;
  userDir?: string;
  /** The built-in files as the build parsed them (keyed by path relative to builtinDir). */
  builtinSnapshot?: ContentSnapshotFiles;
};

type ParsedFile = { file: string; origin: Origin; data: z.infer<typeof contentFile> };
type FileProblem = Omit<ContentProblem, 'file' | 'origin'>;
export type ContentParseResult = { ok: true; data: z.infer<typeof contentFile> } | { ok: false; problems: FileProblem[] };
/** A file's parse result and the SHA-256 of the bytes it came from. */
export type ContentSnapshotFiles = Record<string, { sha256: string; result: ContentParseResult }>;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function loadContent(sources: ContentSources): Promise<LoadedContent> {
  const problems: ContentProblem[] = [];
  const parsed: ParsedFile[] = [];
  const roots: [Origin, string | undefined][] = [
    ['builtin', sources.builtinDir],
    ['user', sources.userDir],
  ];
  let fileCount = 0;
  for (const [origin, root] of roots) {
    if (!root) continue;
    const { files, skipped } = await listContentFiles(root);
    fileCount += files.length;
    for (const skip of skipped) {
      problems.push({ file: relativeName(root, skip.path), origin, field: '', message: `skipped: ${skip.reason}` });
    }
    const snapshot = origin === 'builtin' ? sources.builtinSnapshot : undefined;
    for (const full of files) {
      const file = relativeName(root, full);
      const read = await readContentFile(full);
      let result: ContentParseResult;
      if (!read.ok) result = read;
      else {
        const known = snapshot && Object.hasOwn(snapshot, file) ? snapshot[file]! : undefined;
        result = known && known.sha256 === sha256(read.bytes) ? known.result : await parseContentText(read.bytes);
      }
      if (result.ok) parsed.push({ file, origin, data: result.data });
      else problems.push(...result.problems.map((p) => ({ ...p, file, origin })));
    }
  }
  return { ...assemble(parsed, problems), fileCount };
}

const relativeName = (root: string, full: string) => path.relative(root, full).split(path.sep).join('/');

export async function parseContentFile(full: string): Promise<ContentParseResult> {
  const read = await readContentFile(full);
  return read.ok ? parseContentText(read.bytes) : read;
}

/**
 * A content file's bytes. Opened without following a link and without blocking (a FIFO put in the
 * file's place after the folder was listed must not hang the load), then checked to be a regular
 * file no larger than the limit, and read no further than the limit.
 */
export async function readContentFile(
  full: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; problems: FileProblem[] }> {
  const refuse = (message: string) => ({ ok: false as const, problems: [{ field: '', message }] });
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(full, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (!stat.isFile()) return refuse(`skipped: ${specialFileReason(stat)}`);
    if (stat.size > MAX_CONTENT_FILE_BYTES) return refuse(`file is larger than ${MAX_CONTENT_FILE_BYTES} bytes`);
    const bytes = Buffer.alloc(MAX_CONTENT_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      // Grown since the stat: refused as if it had been that large.
      if (length > MAX_CONTENT_FILE_BYTES) return refuse(`file is larger than ${MAX_CONTENT_FILE_BYTES} bytes`);
    }
    return { ok: true, bytes: bytes.subarray(0, length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // O_NOFOLLOW on a link: ELOOP on Linux and macOS, EMLINK on FreeBSD.
    if (code === 'ELOOP' || code === 'EMLINK') return refuse(`skipped: ${SKIP_REASONS.link}`);
    return refuse(`cannot read file: ${(error as Error).message}`);
  } finally {
    await handle?.close();
  }
}

/** One content file's bytes → its checked data, or every problem in it. */
export async function parseContentText(bytes: Uint8Array): Promise<ContentParseResult> {
  const text = decodeContentText(bytes);
  if (!text.ok) return { ok: false, problems: [{ field: '', message: text.message }] };
  const read = await readYaml(text.text);
  if (!read.ok) return read;
  const value = read.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ field: '', message: 'the file must hold a YAML mapping with a "kind" field' }] };
  }
  const result = contentFile.safeParse(value);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    };
  }
  return { ok: true, data: result.data };
}

function assemble(parsed: ParsedFile[], problems: ContentProblem[]): Omit<LoadedContent, 'fileCount'> {
  const items = new Map<string, Located<ItemSpec>>();
  const circuits = new Map<string, Located<CircuitSpec>>();
  const questionTypes = new Map<string, QuestionType>();
  const bridges: QuestionTypesSpec['bridges'] = [];
  let rubric: RubricSpec | null = null;
  const idOwner = new Map<string, string>();
  const report = (p: ParsedFile, field: string, message: string) =>
    problems.push({ file: p.file, origin: p.origin, field, message });

  // Question types and the rubric first: items are checked against them.
  for (const p of parsed) {
    if (p.data.kind === 'question-types') {
      p.data.types.forEach((type, i) => {
        if (questionTypes.has(type.id)) report(p, `types.${i}.id`, `question type "${type.id}" is defined twice`);
        else questionTypes.set(type.id, type);
      });
      bridges.push(...p.data.bridges);
    } else if (p.data.kind === 'rubric') {
      if (p.origin === 'user') report(p, 'kind', 'the rubric can only be changed in the built-in content');
      else if (rubric) report(p, 'kind', 'a second rubric file was found; only one is allowed');
      else rubric = p.data;
    }
  }
  const claimId = (p: ParsedFile, id: string): boolean => {
    const owner = idOwner.get(id);
    if (owner) {
      report(p, 'id', `id "${id}" is already used by ${owner}`);
      return false;
    }
    idOwner.set(id, `${p.origin === 'user' ? 'your' : 'built-in'} file ${p.file}`);
    return true;
  };
  for (const p of parsed) {
    const data = p.data;
    if (data.kind !== 'loop' && data.kind !== 'mock') continue;
    const unknown = data.rounds.findIndex((r) => !questionTypes.has(r.questionType));
    if (unknown >= 0) {
      const known = [...questionTypes.keys()].join(', ');
      report(p, `rounds.${unknown}.questionType`, `unknown question type "${data.rounds[unknown]!.questionType}" (known: ${known})`);
      continue;
    }
    if (claimId(p, data.id)) items.set(data.id, { ...data, origin: p.origin, file: p.file });
  }
  for (const p of parsed) {
    const data = p.data;
    if (data.kind !== 'circuit') continue;
    let broken = false;
    data.steps.forEach((step, s) => {
      if (step.type !== 'round') return;
      step.items.forEach((id, i) => {
        if (!items.has(id)) {
          report(p, `steps.${s}.items.${i}`, `no loop or mock has the id "${id}"`);
          broken = true;
        }
      });
    });
    if (!data.steps.some((s) => s.type === 'round')) {
      report(p, 'steps', 'a circuit needs at least one round');
      broken = true;
    }
    if (!broken && claimId(p, data.id)) circuits.set(data.id, { ...data, origin: p.origin, file: p.file });
  }
  return { items, circuits, questionTypes, bridges, rubric, problems };
}
