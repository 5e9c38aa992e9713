/**
 * The renderer's chunk uploader under Node with fake timers and a scripted main side: it keeps every
 * chunk until acknowledged, resends after an outage of any length, treats a hung main side as a
 * failed send, and stops only for real failures or the byte cap.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../../../src/shared/contract';

type ChunkInput = { recordingId: string; seq: number; offset?: number; data: Uint8Array; peaks: Uint8Array };
type Answer = ApiResult<{ bytes: number; chunks: number }>;

/** The scripted main side: `mode` decides how each request is answered. */
const main = {
  mode: 'up' as 'up' | 'down' | 'hung' | 'full' | 'busy',
  stored: [] as { seq: number; offset: number | undefined; bytes: number }[],
  requests: [] as number[],
  hung: [] as ((answer: Answer) => void)[],
  answer(input: ChunkInput): Answer {
    const seq = input.seq;
    if (seq < this.stored.length) return { ok: true, value: { bytes: this.bytes(), chunks: this.stored.length } };
    if (seq > this.stored.length) return { ok: false, error: { code: 'conflict', message: `gap before ${seq}` } };
    this.stored.push({ seq, offset: input.offset, bytes: input.data.byteLength });
    return { ok: true, value: { bytes: this.bytes(), chunks: this.stored.length } };
  },
  bytes() {
    return this.stored.reduce((n, c) => n + c.bytes, 0);
  },
};

vi.mock('../../../../../src/renderer/src/api/client', () => ({
  api: {
    invoke: (_channel: string, input: ChunkInput): Promise<Answer> => {
      main.requests.push(input.seq);
      if (main.mode === 'down')
        return Promise.resolve({ ok: false, error: { code: 'disconnected', message: 'server not answering' } });
      if (main.mode === 'busy')
        return Promise.resolve({ ok: false, error: { code: 'busy', message: 'The database is busy' } });
      if (main.mode === 'full')
        return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'The disk is full' } });
      if (main.mode === 'hung')
        return new Promise<Answer>((resolve) => main.hung.push(() => resolve(main.answer(input))));
      return Promise.resolve(main.answer(input));
    },
  },
}));

const { ChunkUploader, MAX_QUEUED_BYTES } = await import('../../../../../src/renderer/src/session/browser/uploader');

const chunk = (n: number) => new Uint8Array(1000).fill(n % 256);
const peaks = () => new Uint8Array(50);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  main.mode = 'up';
  main.stored = [];
  main.requests = [];
  main.hung = [];
});
afterEach(() => vi.useRealTimers());

function watch(uploader: InstanceType<typeof ChunkUploader>) {
  const states: string[] = [];
  uploader.on('status', (s) => states.push(s.state));
  return states;
}

describe('chunk uploader', () => {
  it('keeps every chunk through a 60 s outage and resends them in order, with their offsets', async () => {
    const uploader = new ChunkUploader('rec');
    const states = watch(uploader);
    for (let i = 0; i < 5; i++) uploader.push(chunk(i), peaks());
    await vi.advanceTimersByTimeAsync(100);
    expect(main.stored.map((c) => c.seq)).toEqual([0, 1, 2, 3, 4]);
    main.mode = 'down';
    // A chunk a second for 60 s while nothing answers.
    for (let i = 5; i < 65; i++) {
      uploader.push(chunk(i), peaks());
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(states).toEqual(['retrying']);
    expect(uploader.failed).toBeNull();
    main.mode = 'up';
    await vi.advanceTimersByTimeAsync(5000);
    await uploader.flush();
    expect(main.stored.map((c) => c.seq)).toEqual(Array.from({ length: 65 }, (_, i) => i));
    expect(main.stored.map((c) => c.offset)).toEqual(Array.from({ length: 65 }, (_, i) => i * 1000));
    expect(states).toEqual(['retrying', 'saving']);
  });

  it('a hung main side counts as a failed send: retrying within 2 s, and a late answer is not a second chunk', async () => {
    const uploader = new ChunkUploader('rec');
    const states = watch(uploader);
    main.mode = 'hung';
    uploader.push(chunk(0), peaks());
    uploader.push(chunk(1), peaks());
    await vi.advanceTimersByTimeAsync(2000);
    expect(states).toEqual(['retrying']);
    // It answers again, and the first (timed-out) request finally lands too.
    main.mode = 'up';
    for (const late of main.hung) late({ ok: true, value: { bytes: 0, chunks: 0 } });
    await vi.advanceTimersByTimeAsync(5000);
    await uploader.flush();
    expect(main.stored.map((c) => c.seq)).toEqual([0, 1]);
    expect(states).toEqual(['retrying', 'saving']);
  });

  it('a full disk stops the upload once, and later chunks are not sent', async () => {
    const uploader = new ChunkUploader('rec');
    const errors: string[] = [];
    uploader.on('status', (s) => s.state === 'failed' && errors.push(s.error.message));
    main.mode = 'full';
    uploader.push(chunk(0), peaks());
    await vi.advanceTimersByTimeAsync(100);
    uploader.push(chunk(1), peaks());
    await vi.advanceTimersByTimeAsync(5000);
    expect(errors).toEqual(['The disk is full']);
    expect(main.requests).toEqual([0]);
  });

  it('a busy database (another program holds its lock) is waited out: the chunks are resent, none lost or doubled', async () => {
    const uploader = new ChunkUploader('rec');
    const states = watch(uploader);
    uploader.push(chunk(0), peaks());
    await vi.advanceTimersByTimeAsync(100);
    main.mode = 'busy';
    for (let i = 1; i < 4; i++) {
      uploader.push(chunk(i), peaks());
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(uploader.failed).toBeNull();
    main.mode = 'up';
    await vi.advanceTimersByTimeAsync(3000);
    expect(main.stored.map((c) => c.seq)).toEqual([0, 1, 2, 3]);
    expect(states).toEqual(['retrying', 'saving']);
  });

  it('the byte cap is the only limit: past it, recording stops with a clear message', async () => {
    const uploader = new ChunkUploader('rec');
    const errors: string[] = [];
    uploader.on('status', (s) => s.state === 'failed' && errors.push(s.error.message));
    main.mode = 'down';
    const big = new Uint8Array(1024 * 1024);
    for (let i = 0; i * big.byteLength <= MAX_QUEUED_BYTES; i++) uploader.push(big, peaks());
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual([expect.stringMatching(/could not save audio for too long/)]);
  });

  it('unsubscribing stops the events', async () => {
    const uploader = new ChunkUploader('rec');
    const saved: number[] = [];
    const off = uploader.on('saved', ({ bytes }) => saved.push(bytes));
    uploader.push(chunk(0), peaks());
    await vi.advanceTimersByTimeAsync(10);
    off();
    uploader.push(chunk(1), peaks());
    await vi.advanceTimersByTimeAsync(10);
    expect(saved).toEqual([1000]);
  });
});
