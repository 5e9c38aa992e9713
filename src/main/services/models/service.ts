/**
 * The model manager: which catalogue models are on this machine, and their downloads (one at a time
 * per model, files in catalogue order). A model is installed only when installed.json exists, written
 * after every file matched its hash. Progress goes out as models:progress (throttled on the injected
 * clock), status changes as models:changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  CatalogueEntry,
  ModelCatalogue,
  ModelError,
  ModelList,
  ModelStatus,
  ModelView,
} from '../../../shared/contract';
import { ConflictError, NotFoundError } from '../infra/errors';
import { makePrivateDir } from '../infra/private-files';
import type { EventBus } from '../infra/events';
import { downloadFile, type Fetch } from './download';
import { ModelDownloadError } from './errors';
import { hashFile, matches, type ExpectedHash } from './hashing';
import { hostHash } from './host-hash';
import { modelDir, readInstalled, writeInstalled, type InstalledModel } from './installed';

export type ModelServiceOptions = {
  modelsDir: string;
  catalogue: ModelCatalogue;
  events: EventBus;
  /** The app's clock (epoch ms): installedAt, and how often progress is sent. */
  now: () => number;
  /** The model transcription uses (setting transcriptionModelId). */
  chosenModelId: () => string | null;
  fetch?: Fetch;
  /** At most one models:progress per model this often, plus one as each file completes. */
  progressEveryMs?: number;
};

type Running = {
  controller: AbortController;
  done: Promise<void>;
  receivedBytes: number;
  totalBytes: number;
};

/**
 * The most bytes a model's files may add up to (issue 22, D8): the catalogue's `sizeBytes`, exactly
 * when every file's size is pinned, and 5 % over it when the size is the host's rounded listing (so a
 * real model a little larger than "≈ 661 MB" still downloads, and a hostile host still cannot fill the disk).
 */
export const SIZE_HEADROOM = 0.05;
export function modelByteBudget(entry: CatalogueEntry): number {
  return entry.files.every((f) => f.bytes !== null)
    ? entry.sizeBytes
    : Math.ceil(entry.sizeBytes * (1 + SIZE_HEADROOM));
}

export class ModelService {
  private readonly running = new Map<string, Running>();
  private readonly errors = new Map<string, ModelError>();

  constructor(private readonly options: ModelServiceOptions) {}

  get catalogue(): ModelCatalogue {
    return this.options.catalogue;
  }

  entry(id: string): CatalogueEntry {
    const entry = this.options.catalogue.find((e) => e.id === id);
    if (!entry) throw new NotFoundError(`No speech model has the id "${id}".`);
    return entry;
  }

  list(): ModelList {
    const chosen = this.options.chosenModelId();
    return { models: this.options.catalogue.map((e) => this.viewOf(e)), chosenModelId: chosen };
  }

  view(id: string): ModelView {
    return this.viewOf(this.entry(id));
  }

  isInstalled(id: string): boolean {
    return readInstalled(this.options.modelsDir, id).state === 'installed';
  }

  /**
   * Refuses choosing a model that is not installed. Only a change is checked: Settings sends every
   * field, and a model removed by hand must not block saving the theme.
   */
  checkChoice(wanted: string | null | undefined): void {
    if (!wanted || wanted === this.options.chosenModelId() || this.isInstalled(wanted)) return;
    const title = this.options.catalogue.find((m) => m.id === wanted)?.title ?? wanted;
    throw new ConflictError(`The model "${title}" is not installed: download it in Settings → Transcription first.`);
  }

  /** Starts or resumes the download; returns at once (whenDone waits for it). */
  download(id: string): ModelView {
    const entry = this.entry(id);
    if (this.running.has(id) || this.isInstalled(id)) return this.viewOf(entry);
    const controller = new AbortController();
    const run: Running = { controller, done: Promise.resolve(), receivedBytes: 0, totalBytes: entry.sizeBytes };
    this.running.set(id, run);
    this.errors.delete(id);
    run.done = this.fetchModel(entry, run)
      .then(() => undefined)
      .catch((error: unknown) => {
        const err =
          error instanceof ModelDownloadError
            ? error
            : new ModelDownloadError(
                'other',
                `The download of ${entry.title} failed: ${(error as Error).message}`,
                null,
              );
        if (err.kind !== 'cancelled') this.errors.set(id, { kind: err.kind, message: err.message, file: err.file });
      })
      .finally(() => {
        this.running.delete(id);
        this.options.events.emit('models:changed', { modelId: id, status: this.statusOf(entry) });
      });
    this.options.events.emit('models:changed', { modelId: id, status: 'downloading' });
    return this.viewOf(entry);
  }

  /** Resolves when the model's running download (if any) has finished, failed or been cancelled. */
  async whenDone(id: string): Promise<void> {
    await this.running.get(id)?.done;
  }

  async cancel(id: string): Promise<ModelView> {
    const entry = this.entry(id);
    const run = this.running.get(id);
    if (run) {
      run.controller.abort();
      await run.done;
    }
    return this.viewOf(entry);
  }

  /** Deletes the model's folder, after stopping its download. The caller clears the setting. */
  async remove(id: string): Promise<ModelView> {
    const entry = this.entry(id);
    await this.cancel(id);
    const dir = modelDir(this.options.modelsDir, id);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    this.errors.delete(id);
    this.options.events.emit('models:changed', { modelId: id, status: this.statusOf(entry) });
    return this.viewOf(entry);
  }

  /** Stops every download (app shutdown); .part files stay for the next Resume. */
  stopAll(): void {
    for (const run of this.running.values()) run.controller.abort();
  }

  private async fetchModel(entry: CatalogueEntry, run: Running): Promise<void> {
    const dir = modelDir(this.options.modelsDir, entry.id);
    if (!dir) throw new Error(`"${entry.id}" is not a model id`);
    makePrivateDir(this.options.modelsDir);
    makePrivateDir(dir);
    const signal = run.controller.signal;
    const doFetch = this.options.fetch ?? fetch;
    // Sizes as they become known (catalogue, host, response); the rest is the catalogue's estimate.
    const sizes = new Map<string, number>();
    const done = new Map<string, number>();
    for (const file of entry.files) if (file.bytes !== null) sizes.set(file.name, file.bytes);
    const totals = () => {
      const known = [...sizes.values()].reduce((a, b) => a + b, 0);
      const unknown = entry.files.some((f) => !sizes.has(f.name));
      return unknown ? Math.max(known, entry.sizeBytes) : known;
    };
    let lastSent = -Infinity;
    let lastFile = '';
    // A throttled update is sent later, so a download that stalls still shows how far it got.
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const every = this.options.progressEveryMs ?? 100;
    const send = () => {
      if (trailing) clearTimeout(trailing);
      trailing = null;
      lastSent = this.options.now();
      this.options.events.emit('models:progress', {
        modelId: entry.id,
        receivedBytes: run.receivedBytes,
        totalBytes: run.totalBytes,
        file: lastFile,
      });
    };
    const progress = (file: string, inFile: number, force: boolean) => {
      const doneBytes = [...done.entries()].filter(([name]) => name !== file).reduce((a, [, b]) => a + b, 0);
      run.receivedBytes = doneBytes + inFile;
      run.totalBytes = totals();
      lastFile = file;
      if (force || this.options.now() - lastSent >= every) send();
      else
        trailing ??= setTimeout(() => {
          if (this.running.get(entry.id) === run && !signal.aborted) send();
        }, every);
    };
    signal.addEventListener('abort', () => trailing && clearTimeout(trailing), { once: true });

    const record: InstalledModel = {
      modelId: entry.id,
      family: entry.family,
      files: {},
      sha256: {},
      bytes: {},
      installedAt: 0,
    };
    const budget = modelByteBudget(entry);
    for (const file of entry.files) {
      if (signal.aborted) throw new ModelDownloadError('cancelled', 'The download was cancelled.', file.name);
      let url = file.url;
      let expected: ExpectedHash;
      let expectedBytes = file.bytes;
      if (file.sha256) expected = { algorithm: 'sha256', hex: file.sha256, source: 'pinned' };
      else {
        const published = await hostHash(file.url, file.name, signal, doFetch);
        expected = published.expected;
        url = published.url;
        expectedBytes ??= published.bytes;
      }
      if (expectedBytes !== null) sizes.set(file.name, expectedBytes);
      const finalPath = path.join(dir, file.name);
      // A file an earlier attempt finished is kept if it still matches (checked again, never trusted).
      if (fs.existsSync(finalPath)) {
        const digest = await hashFile(finalPath, expected);
        if (matches(expected, digest) === expected.hex) {
          sizes.set(file.name, digest.bytes);
          done.set(file.name, digest.bytes);
          record.files[file.role] = file.name;
          record.sha256[file.name] = digest.sha256;
          record.bytes[file.name] = digest.bytes;
          progress(file.name, digest.bytes, true);
          continue;
        }
        fs.rmSync(finalPath, { force: true });
      }
      const result = await downloadFile({
        url,
        fileName: file.name,
        partPath: `${finalPath}.part`,
        finalPath,
        expected,
        expectedBytes,
        // What the model has left of its budget: a host that sends more (or announces more) is refused.
        maxBytes: Math.min(expectedBytes ?? Infinity, budget - [...done.values()].reduce((a, b) => a + b, 0)),
        signal,
        fetch: doFetch,
        onBytes: (received, total) => {
          if (total !== null) sizes.set(file.name, total);
          progress(file.name, received, false);
        },
      });
      done.set(file.name, result.bytes);
      sizes.set(file.name, result.bytes);
      progress(file.name, result.bytes, true);
      record.files[file.role] = file.name;
      record.sha256[file.name] = result.sha256;
      record.bytes[file.name] = result.bytes;
    }
    if (trailing) clearTimeout(trailing);
    // Last: the record that makes the model installed.
    writeInstalled(dir, { ...record, installedAt: this.options.now() });
  }

  private statusOf(entry: CatalogueEntry): ModelStatus {
    if (this.running.has(entry.id)) return 'downloading';
    if (this.isInstalled(entry.id)) return 'installed';
    return this.bytesOnDisk(entry) > 0 ? 'partial' : 'available';
  }

  /** Bytes of the catalogue's files (finished or .part) in the model's folder. */
  private bytesOnDisk(entry: CatalogueEntry): number {
    const dir = modelDir(this.options.modelsDir, entry.id);
    if (!dir) return 0;
    let sum = 0;
    for (const file of entry.files)
      for (const name of [file.name, `${file.name}.part`]) {
        try {
          sum += fs.statSync(path.join(dir, name)).size;
        } catch {
          // not there
        }
      }
    return sum;
  }

  private viewOf(entry: CatalogueEntry): ModelView {
    const run = this.running.get(entry.id);
    const installed = readInstalled(this.options.modelsDir, entry.id);
    const status = this.statusOf(entry);
    const knownTotal = entry.files.every((f) => f.bytes !== null)
      ? entry.files.reduce((a, f) => a + (f.bytes ?? 0), 0)
      : entry.sizeBytes;
    let receivedBytes: number;
    let totalBytes: number;
    if (run) {
      receivedBytes = run.receivedBytes;
      totalBytes = run.totalBytes;
    } else if (installed.state === 'installed') {
      totalBytes = receivedBytes = Object.values(installed.model.bytes).reduce((a, b) => a + b, 0);
    } else {
      receivedBytes = this.bytesOnDisk(entry);
      totalBytes = Math.max(knownTotal, receivedBytes);
    }
    const error =
      this.errors.get(entry.id) ??
      (installed.state === 'invalid' && !run
        ? {
            kind: 'other' as const,
            message: `Not installed: ${installed.problem}. Remove it and download it again.`,
            file: null,
          }
        : null);
    return {
      id: entry.id,
      title: entry.title,
      family: entry.family,
      licence: entry.licence,
      sizeBytes: entry.sizeBytes,
      languages: entry.languages,
      timestamps: entry.timestamps,
      hesitations: entry.hesitations,
      summary: entry.summary,
      recommended: entry.recommended,
      homepage: entry.homepage ?? null,
      checksumSource: entry.checksumSource,
      status,
      receivedBytes,
      totalBytes,
      error,
      chosen: this.options.chosenModelId() === entry.id,
    };
  }
}
