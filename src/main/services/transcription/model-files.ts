/**
 * Finds an installed model and proves its files are the ones installed before any of them reaches
 * sherpa-onnx: a corrupt `.onnx` aborts the whole worker process and a bad tokens file calls exit,
 * so a file whose size or SHA-256 differs from installed.json is refused here with a message.
 * Hashing a 600 MB encoder takes seconds, so a file's hash is remembered while its size and mtime
 * stay the same.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { INSTALLED_FILE, installedModel, type ModelFamily, type ModelFileRole } from '../models/installed';

/** A model whose every file matched its pinned size and hash: absolute paths by role. */
export type VerifiedModel = {
  modelId: string;
  family: ModelFamily;
  files: Partial<Record<ModelFileRole, string>>;
};

/** The model cannot be used: the message says what is wrong and what to do. */
export class ModelUnusableError extends Error {
  override name = 'ModelUnusableError';
}

const FIX = 'Remove the model and download it again in Settings → Transcription.';

export function modelsDir(dataDir: string): string {
  return path.join(dataDir, 'models');
}

function modelDir(root: string, modelId: string): string {
  // The id names a folder: one plain path segment, never a way out of the models folder.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(modelId) || modelId.includes('..')) {
    throw new ModelUnusableError(`"${modelId}" is not a model id Loop Coach can use.`);
  }
  return path.join(root, modelId);
}

/** True when installed.json exists: the manager writes it last, so a half-downloaded model has none. */
export function isInstalled(dataDir: string, modelId: string): boolean {
  try {
    return fs.existsSync(path.join(modelDir(modelsDir(dataDir), modelId), INSTALLED_FILE));
  } catch {
    return false;
  }
}

type Cached = { size: number; mtimeMs: number; sha256: string };

export class ModelVerifier {
  private readonly hashes = new Map<string, Cached>();

  /** `root` holds one folder per model: `<dataDir>/models` in the app. */
  constructor(private readonly root: string) {}

  async verify(modelId: string): Promise<VerifiedModel> {
    const dir = modelDir(this.root, modelId);
    let raw: string;
    try {
      raw = await fs.promises.readFile(path.join(dir, INSTALLED_FILE), 'utf8');
    } catch {
      throw new ModelUnusableError(
        `The transcription model "${modelId}" is not installed. Download it in Settings → Transcription.`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ModelUnusableError(`The transcription model "${modelId}" has an unreadable ${INSTALLED_FILE}. ${FIX}`);
    }
    const parsed = installedModel.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ModelUnusableError(
        `The transcription model "${modelId}" has an invalid ${INSTALLED_FILE} (${issue?.path.join('.') || 'file'}: ${issue?.message}). ${FIX}`,
      );
    }
    const installed = parsed.data;
    if (installed.modelId !== modelId) {
      throw new ModelUnusableError(
        `The folder of model "${modelId}" holds model "${installed.modelId}" instead. ${FIX}`,
      );
    }
    const files: Partial<Record<ModelFileRole, string>> = {};
    for (const [role, name] of Object.entries(installed.files) as [ModelFileRole, string][]) {
      const expectedSha = installed.sha256[name];
      const expectedBytes = installed.bytes[name];
      if (expectedSha === undefined || expectedBytes === undefined) {
        throw new ModelUnusableError(`The model "${modelId}" has no pinned size and SHA-256 for ${name}. ${FIX}`);
      }
      const file = path.join(dir, name);
      await this.check(modelId, file, name, expectedBytes, expectedSha);
      files[role] = file;
    }
    return { modelId, family: installed.family, files };
  }

  private async check(modelId: string, file: string, name: string, bytes: number, sha256: string): Promise<void> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      throw new ModelUnusableError(`The model "${modelId}" is missing its file ${name}. ${FIX}`);
    }
    if (!stat.isFile()) throw new ModelUnusableError(`The model "${modelId}"'s ${name} is not a file. ${FIX}`);
    if (stat.size !== bytes) {
      throw new ModelUnusableError(
        `The model "${modelId}"'s file ${name} is ${stat.size < bytes ? 'truncated' : 'the wrong size'} ` +
          `(${stat.size} bytes, expected ${bytes}), so it was not loaded. ${FIX}`,
      );
    }
    const cached = this.hashes.get(file);
    const actual =
      cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs ? cached.sha256 : await sha256Of(file);
    this.hashes.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, sha256: actual });
    if (actual !== sha256) {
      throw new ModelUnusableError(
        `The model "${modelId}"'s file ${name} is corrupt (its SHA-256 does not match the one checked at download), ` +
          `so it was not loaded. ${FIX}`,
      );
    }
  }
}

export function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
