/**
 * Loads the content library: built-in files plus the user's own folder. Every bad file becomes a
 * problem naming its file, field and reason; everything else still loads. A built-in file whose
 * bytes match the build's snapshot (snapshot.ts) takes the result parsed at build time; only the
 * others are parsed here, so a start with unchanged built-in content and no files of the user's
 * never loads the YAML parser at all.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatYamlError } from './yaml-error';
import type { z } from 'zod';
import {
  contentFile,
  type CircuitSpec,
  type ItemSpec,
  type QuestionTypesSpec,
  type RubricSpec,
} from '../../../shared/content';
import type { ContentProblem, Origin } from '../../../shared/contract';
import { listContentFiles, MAX_CONTENT_FILE_BYTES } from './files';

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
    const files = await listContentFiles(root);
    fileCount += files.length;
    const snapshot = origin === 'builtin' ? sources.builtinSnapshot : undefined;
    for (const full of files) {
      const file = path.relative(root, full).split(path.sep).join('/');
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

export async function parseContentFile(full: string): Promise<ContentParseResult> {
  const read = await readContentFile(full);
  return read.ok ? parseContentText(read.bytes) : read;
}

export async function readContentFile(
  full: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; problems: FileProblem[] }> {
  try {
    const stat = await fs.stat(full);
    if (stat.size > MAX_CONTENT_FILE_BYTES) {
      return { ok: false, problems: [{ field: '', message: `file is larger than ${MAX_CONTENT_FILE_BYTES} bytes` }] };
    }
    return { ok: true, bytes: await fs.readFile(full) };
  } catch (error) {
    return { ok: false, problems: [{ field: '', message: `cannot read file: ${(error as Error).message}` }] };
  }
}

/** One content file's bytes → its checked data, or every problem in it. */
export async function parseContentText(bytes: Uint8Array): Promise<ContentParseResult> {
  // Loaded on first use: a start whose files all match the snapshot needs no parser.
  const { parseDocument } = await import('yaml');
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const doc = parseDocument(raw, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ field: '', message: formatYamlError(e) })),
    };
  }
  let value: unknown;
  try {
    // maxAliasCount guards against "billion laughs" alias bombs in hand-edited files.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ field: '', message: `YAML could not be read: ${(error as Error).message}` }] };
  }
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
