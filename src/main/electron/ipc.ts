/**
 * Electron IPC transport: every request channel is handled here, the sender is checked in one place,
 * and the same dispatch() as the web server does the work.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { requestChannels } from '../../shared/channels';
import type { LoopCoach } from '../services/app';
import { dispatch } from '../services/infra/dispatch';
import { isAppUrl } from './origin';

/** The app page's main frame only: not a subframe, not a frame that is already gone. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function serveIpc(app: LoopCoach, window: () => BrowserWindow | null): () => void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'bad-input', message: 'Requests are only accepted from the app window.' } };
      }
      return dispatch(app.handlers, channel, input);
    });
  }
  const unsubscribe = app.events.subscribe((channel, payload) => {
    // A closed window's webContents throws on send; the services must not notice.
    const target = window();
    if (target && !target.isDestroyed()) target.webContents.send(channel, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of requestChannels) ipcMain.removeHandler(channel);
  };
}
