/** Sends a webm's chunks to a running browser-mode server over HTTP, as the renderer does. */
import { chunksOf } from './audio';
import type { RunningServer } from './web-server';

export async function api(
  server: RunningServer,
  channel: string,
  body: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-loop-coach-token': server.token },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean };
}

/** Streams chunks until the server dies; returns how many were acknowledged. */
export async function streamUntilKilled(
  server: RunningServer,
  recordingId: string,
  webm: string,
  chunkCount: number,
  everyMs: number,
): Promise<number> {
  let acknowledged = 0;
  for (const [seq, data] of chunksOf(webm, chunkCount).entries()) {
    try {
      const response = await fetch(
        `${server.origin}/api/recording:chunk?recordingId=${recordingId}&seq=${seq}&peaks=`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-loop-coach-token': server.token },
          body: data as Uint8Array<ArrayBuffer>,
        },
      );
      const result = (await response.json()) as { ok: boolean };
      if (!result.ok) break;
      acknowledged = seq + 1;
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return acknowledged;
}
