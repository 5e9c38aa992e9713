/**
 * A worker process's side of its channel to Loop Coach, whichever started it: Electron's
 * utilityProcess.fork (messages through process.parentPort, as `{ data }`) or Node's
 * child_process.fork (process.send). Shared by the analysis and live workers.
 */
type ParentPort = {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
};

const parentPort = (process as { parentPort?: ParentPort }).parentPort;

export function sendToParent(message: unknown): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

/** Listens for requests; a worker started on its own (no channel) says so and exits. */
export function listenToParent(onRequest: (raw: unknown) => void, name: string): void {
  if (parentPort) {
    parentPort.on('message', (event) => onRequest(event.data));
  } else if (process.send) {
    process.on('message', onRequest);
    // A forked child outlives a parent killed with SIGKILL unless it leaves when the channel closes.
    process.on('disconnect', () => process.exit(0));
  } else {
    console.error(`The ${name} is started by Loop Coach, not on its own.`);
    process.exit(2);
  }
}
