/**
 * One round's audio: the recorder, its chunk uploader and the server-side recording, stopped and
 * finished exactly once whatever ends it first (next round, unplugged, disk full, leaving the screen).
 */
import type { RecordingView } from '@shared/contract';
import { call } from '../../api/client';
import { microphoneMessages } from '../engine/microphone-problems';
import { RoundRecorder } from './recorder';
import { ChunkUploader } from './uploader';
import { sendWhileLeaving } from './page-exit';

import type { MediaHandlers, MediaLoss, MediaPort } from '../engine/runner-deps';

export type { MediaLoss };

export class RoundMedia implements MediaPort {
  private readonly recorder: RoundRecorder;
  private readonly uploader: ChunkUploader;
  private stopping: Promise<RecordingView | null> | null = null;
  private finishRequested = false;

  constructor(
    stream: MediaStream,
    readonly recording: RecordingView,
    private readonly handlers: MediaHandlers,
  ) {
    this.uploader = new ChunkUploader(recording.id);
    this.uploader.on('status', (status) => {
      if (status.state === 'failed') this.lose({ kind: 'upload', message: status.error.message });
      else handlers.onUploadStatus(status);
    });
    this.recorder = new RoundRecorder(stream, {
      onChunk: (data, peaks) => this.uploader.push(data, peaks),
      onLevel: (rms) => {
        if (!this.stopping) handlers.onLevel(rms);
      },
      onTrackEnded: () => this.lose({ kind: 'unplugged', message: microphoneMessages.unplugged }),
    });
  }

  /** Starts recording; resolves with performance.now() at the start (the round's t0). */
  start(): Promise<number> {
    return this.recorder.start();
  }

  pause(): void {
    this.recorder.pause();
  }

  resume(): void {
    this.recorder.resume();
  }

  /** True until stop() has been called. */
  get open(): boolean {
    return this.stopping === null;
  }

  /** Stops the recorder, saves every chunk, finishes the recording. Safe to call any number of times. */
  stop(): Promise<RecordingView | null> {
    this.stopping ??= (async () => {
      await this.recorder.stop();
      await this.uploader.flush();
      this.finishRequested = true;
      try {
        return await call('recording:finish', { recordingId: this.recording.id });
      } catch (error) {
        // The server finishes it at its next start (recovery); the bytes are on disk.
        console.warn('recording:finish failed', error);
        return null;
      }
    })();
    return this.stopping;
  }

  /** The page is closing: stop the microphone and ask the server to finish, without waiting. */
  abandonForPageExit(): void {
    if (!this.finishRequested) sendWhileLeaving('recording:finish', { recordingId: this.recording.id });
    this.finishRequested = true;
    this.stopping ??= this.recorder.stop().then(() => null);
  }

  private lose(loss: MediaLoss): void {
    if (this.stopping) return;
    void this.stop();
    this.handlers.onLost(loss);
  }
}
