/**
 * Records a round chunk by chunk and is SIGKILLed between chunk KILL_AT's file write and its row
 * update (the recording service's fault-injection hook). Prints `recording <id>` and `ack <seq>`
 * after each acknowledged chunk, so the parent knows exactly what was acknowledged.
 */
import { dispatch } from '../../src/main/services/infra/dispatch';
import { chunkPeaks, chunksOf } from './audio';
import { beginOneRound } from './sessions';

const [dataDir, webm, killAt, chunkCount] = process.argv.slice(2) as [string, string, string, string];

async function main() {
  const { app, recordingId } = await beginOneRound(dataDir);
  process.stdout.write(`recording ${recordingId}\n`);
  app.recordings.afterChunkWritten = (_id, seq) => {
    if (seq === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  };
  let offset = 0;
  for (const [seq, data] of chunksOf(webm, Number(chunkCount)).entries()) {
    const result = await dispatch(app.handlers, 'recording:chunk', {
      recordingId,
      seq,
      offset,
      data,
      peaks: chunkPeaks(seq),
    });
    if (!result.ok) throw new Error(result.error.message);
    process.stdout.write(`ack ${seq}\n`);
    offset += data.byteLength;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
