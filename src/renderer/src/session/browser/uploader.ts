/**
 * Sends a recording's chunks to the main side strictly in order, each with its sequence number and
 * byte offset. Every chunk is kept until the main side acknowledges it. A send that fails for want
 * of an answer — the server is down, restarting, or hung (no reply within REQUEST_TIMEOUT_MS) — is
 * retried with backoff for as long as it takes, and so is a chunk the main side answered 'busy' (its
 * database locked by another program: nothing was stored): there is no time limit, only the byte cap
 * (MAX_QUEUED_BYTES, about 45 minutes of audio) as the memory guard. Resends are safe: the main
 * side acknowledges a chunk it already holds without writing it again. Any other failure, such as
 * a full disk, stops the recording and is reported once.
 *
 * Its state reaches the round through one typed event, `status`: `saving` while chunks go through,
 * `retrying` from the first failed send until the backlog is delivered, `failed` when it gave up.
 * The state is also mirrored on `<html data-upload-state data-upload-unsaved>` so tests (and
 * anything outside React) can observe it.
 */
import type { ApiError, ApiResult, RequestInput, RequestOutput } from '@shared/contract';
import { api } from '../../api/client';
import type { UploadStatus } from '../engine/runner-deps';

type Bytes = Uint8Array<ArrayBuffer>;

export const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
/** A chunk answer normally takes milliseconds; no answer in this long counts as a failed send. */
export const REQUEST_TIMEOUT_MS = 1500;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 2000;

export type UploaderEvents = {
  status: UploadStatus;
  /** A chunk was acknowledged; `bytes` is the recording's size on disk after it. */
  saved: { bytes: number };
};

type Listener<K extends keyof UploaderEvents> = (payload: UploaderEvents[K]) => void;

type ChunkInvoke = (
  channel: 'recording:chunk',
  input: RequestInput<'recording:chunk'>,
) => Promise<ApiResult<RequestOutput<'recording:chunk'>>>;

export type UploaderOptions = {
  /** The API call (tests inject one); defaults to the app's transport. */
  invoke?: ChunkInvoke;
  requestTimeoutMs?: number;
  /** Where the state is mirrored; defaults to <html>'s dataset when there is a document. */
  publish?: (status: UploadStatus) => void;
};

/** Failures that mean "no answer" or "not now", so the chunk is kept and sent again. */
const isTransient = (error: ApiError) => error.code === 'disconnected' || error.code === 'busy';

export class ChunkUploader {
  private queue: { seq: number; offset: number; data: Bytes; peaks: Bytes }[] = [];
  private nextSeq = 0;
  private nextOffset = 0;
  private sending: Promise<void> | null = null;
  private failure: ApiError | null = null;
  private retrying: { sinceMs: number; reason: string } | null = null;
  private readonly listeners: { [K in keyof UploaderEvents]: Set<Listener<K>> } = {
    status: new Set(),
    saved: new Set(),
  };
  private readonly invoke: ChunkInvoke;
  private readonly requestTimeoutMs: number;
  private readonly publish: (status: UploadStatus) => void;
  queuedBytes = 0;

  constructor(
    private readonly recordingId: string,
    options: UploaderOptions = {},
  ) {
    this.invoke = options.invoke ?? ((channel, input) => api.invoke(channel, input));
    this.requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    this.publish = options.publish ?? publishOnDocument;
    this.publish({ state: 'saving', unsavedChunks: 0 });
  }

  /** Subscribes to one event; returns its unsubscribe. */
  on<K extends keyof UploaderEvents>(event: K, listener: Listener<K>): () => void {
    const set = this.listeners[event] as Set<Listener<K>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  push(data: Bytes, peaks: Bytes): void {
    if (this.failure) return;
    if (this.queuedBytes + data.byteLength > MAX_QUEUED_BYTES) {
      return this.fail({
        code: 'unavailable',
        message: 'Recording stopped: the app could not save audio for too long. What was saved is kept.',
      });
    }
    this.queue.push({ seq: this.nextSeq++, offset: this.nextOffset, data, peaks });
    this.nextOffset += data.byteLength;
    this.queuedBytes += data.byteLength;
    this.publishCount();
    this.sending ??= this.drain().finally(() => (this.sending = null));
  }

  /** How many chunks were handed to push() (for finish, so it can wait for the last ones). */
  get pushedChunks(): number {
    return this.nextSeq;
  }

  /** Resolves when every queued chunk is saved (or the upload has failed). */
  async flush(): Promise<void> {
    while (this.sending) await this.sending;
  }

  get failed(): ApiError | null {
    return this.failure;
  }

  /** Listeners hear transitions only; the mirrored count follows every chunk. */
  private publishCount(): void {
    this.publish(
      this.retrying
        ? { state: 'retrying', unsavedChunks: this.queue.length, ...this.retrying }
        : { state: 'saving', unsavedChunks: this.queue.length },
    );
  }

  private emit<K extends keyof UploaderEvents>(event: K, payload: UploaderEvents[K]): void {
    if (event === 'status') this.publish(payload as UploadStatus);
    for (const listener of this.listeners[event] as Set<Listener<K>>) listener(payload);
  }

  private async drain(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    while (this.queue.length && !this.failure) {
      const chunk = this.queue[0]!;
      const result = await this.send(chunk);
      if (result.ok) {
        this.queue.shift();
        this.queuedBytes -= chunk.data.byteLength;
        delay = FIRST_RETRY_MS;
        this.emit('saved', { bytes: result.value.bytes });
        if (this.retrying && this.queue.length === 0) {
          this.retrying = null;
          this.emit('status', { state: 'saving', unsavedChunks: 0 });
        } else this.publishCount();
        continue;
      }
      if (!isTransient(result.error)) return this.fail(result.error);
      if (!this.retrying) {
        this.retrying = { sinceMs: performance.now(), reason: result.error.message };
        this.emit('status', { state: 'retrying', unsavedChunks: this.queue.length, ...this.retrying });
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    }
  }

  /** One attempt; no answer within the timeout counts as a failed send (a late answer is ignored). */
  private send(chunk: (typeof this.queue)[number]): Promise<ApiResult<RequestOutput<'recording:chunk'>>> {
    return new Promise((resolve) => {
      const timer = setTimeout(
        () =>
          resolve({
            ok: false,
            error: {
              code: 'disconnected',
              message: `Loop Coach's local side did not answer within ${this.requestTimeoutMs / 1000} s.`,
            },
          }),
        this.requestTimeoutMs,
      );
      this.invoke('recording:chunk', { recordingId: this.recordingId, ...chunk }).then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          resolve({ ok: false, error: { code: 'disconnected', message: (error as Error).message } });
        },
      );
    });
  }

  private fail(error: ApiError): void {
    if (this.failure) return;
    this.failure = error;
    this.queue = [];
    this.queuedBytes = 0;
    this.retrying = null;
    this.emit('status', { state: 'failed', error });
  }
}

function publishOnDocument(status: UploadStatus): void {
  if (typeof document === 'undefined') return;
  const data = document.documentElement.dataset;
  data.uploadState = status.state;
  data.uploadUnsaved = String(status.state === 'failed' ? 0 : status.unsavedChunks);
}
