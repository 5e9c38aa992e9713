/**
 * Sends a recording's chunks to the main side strictly in order. A lost connection is retried with
 * backoff (chunks wait in a small queue); any other failure, such as a full disk, stops the
 * recording and is reported once. Acknowledged chunks are dropped at once.
 *
 * Its state reaches the round through one typed event, `status`: `saving` while chunks go through,
 * `retrying` from the first failed send until the backlog is delivered, `failed` when it gave up.
 */
import type { ApiError } from '../../../shared/contract';
import { api } from '../api/client';

type Bytes = Uint8Array<ArrayBuffer>;

export const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
const RETRY_FOR_MS = 30_000;

export type UploadStatus =
  | { state: 'saving'; unsavedChunks: number }
  /** A send failed; chunks are kept and resent. `sinceMs` is on performance.now()'s clock. */
  | { state: 'retrying'; unsavedChunks: number; sinceMs: number; reason: string }
  | { state: 'failed'; error: ApiError };

export type UploaderEvents = {
  status: UploadStatus;
  /** A chunk was acknowledged; `bytes` is the recording's size on disk after it. */
  saved: { bytes: number };
};

type Listener<K extends keyof UploaderEvents> = (payload: UploaderEvents[K]) => void;

export class ChunkUploader {
  private queue: { seq: number; data: Bytes; peaks: Bytes }[] = [];
  private nextSeq = 0;
  private sending: Promise<void> | null = null;
  private failure: ApiError | null = null;
  private retryingSince: number | null = null;
  private readonly listeners: { [K in keyof UploaderEvents]: Set<Listener<K>> } = {
    status: new Set(),
    saved: new Set(),
  };
  queuedBytes = 0;

  constructor(private readonly recordingId: string) {}

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
    this.queue.push({ seq: this.nextSeq++, data, peaks });
    this.queuedBytes += data.byteLength;
    this.sending ??= this.drain().finally(() => (this.sending = null));
  }

  /** Resolves when every queued chunk is saved (or the upload has failed). */
  async flush(): Promise<void> {
    while (this.sending) await this.sending;
  }

  get failed(): ApiError | null {
    return this.failure;
  }

  private emit<K extends keyof UploaderEvents>(event: K, payload: UploaderEvents[K]): void {
    for (const listener of this.listeners[event] as Set<Listener<K>>) listener(payload);
  }

  private async drain(): Promise<void> {
    while (this.queue.length && !this.failure) {
      const chunk = this.queue[0]!;
      const started = Date.now();
      let delay = 250;
      for (;;) {
        const result = await api.invoke('recording:chunk', { recordingId: this.recordingId, ...chunk });
        if (result.ok) {
          this.emit('saved', { bytes: result.value.bytes });
          break;
        }
        if (result.error.code !== 'disconnected' || Date.now() - started > RETRY_FOR_MS) return this.fail(result.error);
        if (this.retryingSince === null) {
          this.retryingSince = performance.now();
          this.emit('status', {
            state: 'retrying',
            unsavedChunks: this.queue.length,
            sinceMs: this.retryingSince,
            reason: result.error.message,
          });
        }
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 4000);
      }
      this.queue.shift();
      this.queuedBytes -= chunk.data.byteLength;
      if (this.retryingSince !== null && this.queue.length === 0) {
        this.retryingSince = null;
        this.emit('status', { state: 'saving', unsavedChunks: 0 });
      }
    }
  }

  private fail(error: ApiError): void {
    if (this.failure) return;
    this.failure = error;
    this.queue = [];
    this.queuedBytes = 0;
    this.emit('status', { state: 'failed', error });
  }
}
