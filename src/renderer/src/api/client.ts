/**
 * The renderer's one API, over whichever transport is present: the Electron preload
 * (window.loopCoach) or, in browser mode, HTTP + server-sent events to the local server.
 */
import { isBinaryChannel, methodName, type EventChannel, type RequestChannel } from '@shared/channels';
import type { ApiResult, EventPayload, LoopCoachApi, PreloadApi, RequestInput, RequestOutput } from '@shared/contract';

declare global {
  interface Window {
    loopCoach?: PreloadApi;
  }
}

function preloadClient(preload: PreloadApi): LoopCoachApi {
  return {
    async invoke(channel, input) {
      try {
        const method = preload[methodName(channel)] as unknown as (input: unknown) => Promise<ApiResult<never>>;
        return await method(input);
      } catch (error) {
        // A rejected invoke means nothing answered on the main side: the same result as a web
        // server that is gone, so callers (the chunk uploader above all) retry the same way.
        const reason = String((error as Error)?.message ?? error).replace(
          /^Error invoking remote method '[^']*': (Error: )?/,
          '',
        );
        return {
          ok: false,
          error: {
            code: 'disconnected',
            message: `Loop Coach's main process is not answering (${reason}). Restart Loop Coach if this lasts; what was saved is kept.`,
          },
        };
      }
    },
    on: (channel, listener) => preload.on(channel, listener),
  };
}

function webClient(): LoopCoachApi {
  let source: EventSource | null = null;
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const ensureSource = (channel: EventChannel) => {
    source ??= new EventSource('/api/events');
    if (!listeners.has(channel)) {
      listeners.set(channel, new Set());
      source.addEventListener(channel, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(channel) ?? []) listener(payload);
      });
    }
    return listeners.get(channel)!;
  };
  return {
    async invoke(channel, input) {
      try {
        const { init, query } = isBinaryChannel(channel)
          ? binaryRequest(input)
          : { init: jsonRequest(input), query: '' };
        const response = await fetch(`/api/${channel}${query}`, init);
        if (response.status === 401) {
          return {
            ok: false,
            error: {
              code: 'unavailable',
              message: 'This browser tab has no access token: open the address `npm run web` printed.',
            },
          };
        }
        return (await response.json()) as ApiResult<never>;
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'disconnected',
            message: `Loop Coach's local server is not answering (${(error as Error).message}). Is \`npm run web\` still running?`,
          },
        };
      }
    },
    on(channel, listener) {
      const set = ensureSource(channel);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}

function jsonRequest(input: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) };
}

/** A binary channel over HTTP: the bytes (`data`) as the body, the other fields in the query string (bytes as base64url). */
function binaryRequest(input: unknown): { init: RequestInit; query: string } {
  const { data, ...rest } = input as { data: Uint8Array } & Record<string, unknown>;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    query.set(name, value instanceof Uint8Array ? base64url(value) : String(value));
  }
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: data as BodyInit,
  };
  return { init, query: `?${query.toString()}` };
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const api: LoopCoachApi = window.loopCoach ? preloadClient(window.loopCoach) : webClient();
export const transport: 'electron' | 'web' = window.loopCoach ? 'electron' : 'web';

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls a channel and throws ApiCallError on failure: convenient in effects and handlers. */
export async function call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>> {
  const result = await api.invoke(channel, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value;
}

export function subscribe<E extends EventChannel>(
  channel: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return api.on(channel, listener);
}
