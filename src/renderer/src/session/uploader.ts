/**
 * Sends a recording's chunks to the main side strictly in order. A lost connection is retried with
 * backoff (chunks wait in a small queue); any other failure, such as a full disk, stops the
 * recording and is reported once. Acknowledged chunks are dropped at once.
 */
import type { ApiError } from '../../../shared/contract';
import { api } from '../api/client';

type Bytes = Uint8Array<ArrayBuffer>;

export const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
const RETRY_FOR_MS = 30_000;

export class ChunkUploader {
  private queue: { seq: number; data: Bytes; peaks: Bytes }[] = [];
  private nextSeq = 0;
  private sending: Promise<void> | null = null;
  private failure: ApiError | null = null;
  queuedBytes = 0;

  constructor(
    private readonly recordingId: string,
    private readonly onFailure: (error: ApiError) => void,
    private readonly onSaved: (bytes: number) => void = () => undefined,
  ) {}

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

  private async drain(): Promise<void> {
    while (this.queue.length && !this.failure) {
      const chunk = this.queue[0]!;
      const started = Date.now();
      let delay = 250;
      for (;;) {
        const result = await api.invoke('recording:chunk', { recordingId: this.recordingId, ...chunk });
        if (result.ok) {
          this.onSaved(result.value.bytes);
          break;
        }
        if (result.error.code !== 'disconnected' || Date.now() - started > RETRY_FOR_MS) return this.fail(result.error);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 4000);
      }
      this.queue.shift();
      this.queuedBytes -= chunk.data.byteLength;
    }
  }

  private fail(error: ApiError): void {
    if (this.failure) return;
    this.failure = error;
    this.queue = [];
    this.queuedBytes = 0;
    this.onFailure(error);
  }
}
