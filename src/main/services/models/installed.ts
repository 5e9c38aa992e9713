/**
 * `<data>/models/<modelId>/installed.json`: the record that a model is whole. Written last, after every
 * file's SHA-256 matched; a model without it is not installed. The engine ("asr") reads the same file
 * and re-checks each file's size and hash before loading it (docs/transcription.md, "Models and downloads").
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PRIVATE_FILE_MODE, makePrivateFd } from '../infra/private-files';
import { modelFamily, modelFileName, modelFileRole, modelId, sha256Hex } from '../../../shared/contract';

// The engine configures sherpa-onnx by these; they are the contract's, re-exported where the record is.
export { modelFamily, modelFileRole };
export type { ModelFamily, ModelFileRole } from '../../../shared/contract';

export const INSTALLED_FILE = 'installed.json';

export const installedModel = z
  .object({
    modelId,
    family: modelFamily,
    /** role → file name inside the model's folder. */
    files: z.partialRecord(modelFileRole, modelFileName),
    /** file name → SHA-256 of the bytes that were checked. */
    sha256: z.record(modelFileName, sha256Hex),
    /** file name → size in bytes. */
    bytes: z.record(modelFileName, z.number().int().min(0)),
    /** When the download finished (epoch ms, the app's clock). */
    installedAt: z.number().int().min(0),
  })
  .strict()
  .superRefine((model, ctx) => {
    for (const name of Object.values(model.files)) {
      if (!name) continue;
      if (!(name in model.sha256)) ctx.addIssue({ code: 'custom', message: `${name} has no sha256` });
      if (!(name in model.bytes)) ctx.addIssue({ code: 'custom', message: `${name} has no size` });
    }
  });
export type InstalledModel = z.infer<typeof installedModel>;

/** The folder of one model; null for an id that could name anything but a plain folder in `modelsDir`. */
export function modelDir(modelsDir: string, id: string): string | null {
  if (!modelId.safeParse(id).success) return null;
  const dir = path.join(modelsDir, id);
  return path.dirname(dir) === path.resolve(modelsDir) ? dir : null;
}

export type InstalledRead =
  { state: 'missing' } | { state: 'installed'; model: InstalledModel } | { state: 'invalid'; problem: string };

/**
 * Reads and checks a model's installed.json. An unreadable or hostile record (bad JSON, another model's
 * id, a file name with a path in it, a file missing or of the wrong size) is "invalid": never installed.
 */
export function readInstalled(modelsDir: string, id: string): InstalledRead {
  const dir = modelDir(modelsDir, id);
  if (!dir) return { state: 'invalid', problem: `"${id}" is not a model id` };
  const file = path.join(dir, INSTALLED_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { state: 'missing' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'invalid', problem: `${INSTALLED_FILE} of ${id} is not JSON` };
  }
  const parsed = installedModel.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      state: 'invalid',
      problem: `${INSTALLED_FILE} of ${id}: ${issue.path.join('.') || 'record'}: ${issue.message}`,
    };
  }
  if (parsed.data.modelId !== id)
    return { state: 'invalid', problem: `${INSTALLED_FILE} of ${id} names another model (${parsed.data.modelId})` };
  for (const name of Object.values(parsed.data.files)) {
    if (!name) continue;
    let size: number;
    try {
      size = fs.statSync(path.join(dir, name)).size;
    } catch {
      return { state: 'invalid', problem: `${id}: ${name} is missing` };
    }
    if (size !== parsed.data.bytes[name])
      return { state: 'invalid', problem: `${id}: ${name} has ${size} bytes, not ${parsed.data.bytes[name]}` };
  }
  return { state: 'installed', model: parsed.data };
}

/** Writes installed.json atomically (temp file + rename), so a crash leaves the old state or the new. */
export function writeInstalled(dir: string, model: InstalledModel): void {
  const file = path.join(dir, INSTALLED_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  const handle = fs.openSync(temp, 'w', PRIVATE_FILE_MODE);
  try {
    makePrivateFd(handle);
    fs.writeFileSync(handle, JSON.stringify(installedModel.parse(model), null, 2));
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temp, file);
}
