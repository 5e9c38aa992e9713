/**
 * Best-effort requests while the page is going away (pagehide): in browser mode a beacon, which the
 * browser still delivers after the tab closes; in Electron the IPC call itself.
 */
import type { RequestChannel } from '@shared/channels';
import type { RequestInput } from '@shared/contract';
import { api, transport } from '../../api/client';

export function sendWhileLeaving<C extends RequestChannel>(channel: C, input: RequestInput<C>): void {
  if (transport === 'web' && typeof navigator.sendBeacon === 'function') {
    const body = new Blob([JSON.stringify(input)], { type: 'application/json' });
    if (navigator.sendBeacon(`/api/${channel}`, body)) return;
  }
  void api.invoke(channel, input).catch(() => undefined);
}
