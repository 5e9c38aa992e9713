/**
 * Live listening from outside, over a running browser-mode server, as the renderer's web client does
 * it: JSON requests, live:frames with the PCM as the body and the other fields in the query string,
 * and the server-sent event stream (tests and the bench).
 */
import http from 'node:http';
import type { RunningServer } from './web-server';

type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export async function postFrames(
  server: Pick<RunningServer, 'origin' | 'token'>,
  input: { recordingId: string; seq: number; startSample: number; data: Uint8Array },
  query?: string,
): Promise<Result> {
  const q = query ?? `recordingId=${input.recordingId}&seq=${input.seq}&startSample=${input.startSample}`;
  const response = await fetch(`${server.origin}/api/live:frames?${q}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-loop-coach-token': server.token },
    body: input.data as Uint8Array<ArrayBuffer>,
  });
  return (await response.json()) as Result;
}

export type EventStream = {
  /** Every event so far, with when it arrived (performance.now()). */
  events: { channel: string; payload: unknown; at: number }[];
  until: (
    test: (e: { channel: string; payload: unknown }) => boolean,
  ) => Promise<{ channel: string; payload: unknown; at: number }>;
  close: () => void;
};

/** Opens /api/events and parses its frames as they arrive. */
export function eventStream(server: Pick<RunningServer, 'origin' | 'token'>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: EventStream['events'] = [];
    const waiters: {
      test: (e: EventStream['events'][number]) => boolean;
      resolve: (e: EventStream['events'][number]) => void;
    }[] = [];
    const req = http.get(`${server.origin}/api/events`, { headers: { 'x-loop-coach-token': server.token } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        const at = performance.now();
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const channel = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!channel || data === undefined) continue;
          const event = { channel, payload: JSON.parse(data) as unknown, at };
          events.push(event);
          for (const w of [...waiters])
            if (w.test(event)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(event);
            }
        }
      });
      resolve({
        events,
        until: (test) =>
          new Promise((done) => {
            const found = events.find(test);
            if (found) done(found);
            else waiters.push({ test, resolve: done });
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}
