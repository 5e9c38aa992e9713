/**
 * Sandboxed preload: exposes one named, typed method per contract channel and an event subscription.
 * ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, methodName, requestChannels } from '../shared/channels';
import type { PreloadApi } from '../shared/contract';

const methods: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const channel of requestChannels) {
  methods[methodName(channel)] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

const api = {
  ...methods,
  on(channel: string, listener: (payload: unknown) => void) {
    if (!isEventChannel(channel)) throw new Error(`Unknown event channel: ${channel}`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
} as unknown as PreloadApi;

contextBridge.exposeInMainWorld('loopCoach', api);
