/** Run under `ulimit -f`: records chunks until the file-size limit hits, then finishes. Prints a JSON report. */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../src/main/services/infra/dispatch';
import { chunksOf } from './audio';
import { beginOneRound } from './sessions';

const [dataDir, webm] = process.argv.slice(2) as [string, string];
async function main() {
  const { app, recordingId } = await beginOneRound(dataDir);
  // Real audio first, then 256 KB chunks until the 4 MB file-size limit is hit part-way.
  const chunks = [...chunksOf(webm, 4), ...Array.from({ length: 24 }, () => new Uint8Array(256 * 1024).fill(7))];
  let error: unknown = null;
  let written = 0;
  let offset = 0;
  // What the row counts and what the .part file holds, right after the write that hit the limit.
  let atError: { rowBytes: number; partBytes: number } | null = null;
  for (const [seq, data] of chunks.entries()) {
    const result = await dispatch(app.handlers, 'recording:chunk', {
      recordingId,
      seq,
      offset,
      data,
      peaks: new Uint8Array(10),
    });
    if (!result.ok) {
      error = result.error;
      const row = app.db.$client.prepare('SELECT bytes, file FROM recordings WHERE id = ?').get(recordingId) as {
        bytes: number;
        file: string;
      };
      atError = { rowBytes: row.bytes, partBytes: fs.statSync(path.join(dataDir, `${row.file}.part`)).size };
      break;
    }
    written = (result.value as { bytes: number }).bytes;
    offset += data.byteLength;
  }
  const finished = await dispatch(app.handlers, 'recording:finish', { recordingId });
  app.close();
  console.log(JSON.stringify({ error, written, atError, finished: finished.ok ? finished.value : finished.error }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
