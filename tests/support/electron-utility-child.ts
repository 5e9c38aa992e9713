/**
 * Loaded first in every child the stand-in's utilityProcess.fork starts (electron-mock.ts), so the
 * child is what Electron's utility process is to the code inside it:
 *
 * - `process.parentPort` is the only channel to the parent: an EventEmitter whose 'message' events
 *   carry `{ data, ports }`, queued until a listener is registered, and whose postMessage answers
 *   (Electron's parentPort docs). Node's own IPC is hidden: `process.send` is gone, as it is in a
 *   utility process, so code that would only talk through it fails here too.
 * - External buffers are refused, as Electron's memory cage refuses them (electron-external-buffers.ts).
 * - The child ends with its parent, as Electron ends utility processes with the app.
 */
import { EventEmitter } from 'node:events';
import { refuseExternalBuffers } from './electron-external-buffers';

refuseExternalBuffers();

type MessageEvent = { data: unknown; ports: unknown[] };

const nodeSend = process.send?.bind(process);
if (!nodeSend) throw new Error('electron-utility-child.ts runs only in a child the stand-in forked.');

class ParentPort extends EventEmitter {
  private readonly queued: MessageEvent[] = [];

  constructor() {
    super();
    this.on('newListener', (event) => {
      if (event !== 'message') return;
      // Delivered after the listener is added (newListener fires before), in arrival order.
      queueMicrotask(() => {
        for (const message of this.queued.splice(0)) this.emit('message', message);
      });
    });
  }

  deliver(data: unknown): void {
    const event: MessageEvent = { data, ports: [] };
    if (this.listenerCount('message') > 0) this.emit('message', event);
    else this.queued.push(event);
  }

  postMessage(message: unknown): void {
    nodeSend!(message as never);
  }
}

const parentPort = new ParentPort();
process.on('message', (data) => parentPort.deliver(data));
process.on('disconnect', () => process.exit(0));
Object.defineProperty(process, 'parentPort', { value: parentPort, enumerable: true });
delete (process as { send?: unknown }).send;
