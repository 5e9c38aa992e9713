/**
 * Every channel name between the renderer and the main side, in one place.
 * Kept free of zod so the sandboxed preload can import it without the schemas.
 */
export const requestChannels = [
  'app:info',
  'library:list',
  'library:item',
  'library:reload',
  'session:start',
  'session:get',
  'session:list',
  'session:control',
  'session:event',
  'round:begin',
  'round:end',
  'recording:chunk',
  'recording:finish',
  'followup:record',
  'recovery:list',
  'review:get',
  'review:reveal',
  'review:save',
  'review:mark',
  'review:queue',
  'review:attempts',
  'analysis:get',
  'analysis:run',
  'progress:get',
  'export:create',
  'settings:get',
  'settings:update',
  'today:get',
  'today:snooze',
  'today:retire',
  'transcript:get',
  'transcript:search',
  'coach:fatigue',
  'coach:fatigueHistory',
  'coach:rescorePrompt',
  'coach:rescoreAnswer',
  'coach:rescoreDismiss',
  'coach:calibration',
  'coach:retake',
  'coach:actions',
  'coach:actionsGenerate',
  'coach:actionCheck',
  'review:changes',
  'models:list',
  'models:download',
  'models:cancel',
  'models:remove',
  'transcription:backfill',
  'transcription:run',
  'words:round',
  'words:trends',
  'session:allocation',
] as const;
export type RequestChannel = (typeof requestChannels)[number];

/**
 * Channels whose payload carries raw bytes. Over IPC they travel as structured clones; over HTTP the
 * bytes are the request body and the other fields go in the query string.
 */
export const binaryChannels = ['recording:chunk'] as const satisfies readonly RequestChannel[];

export function isBinaryChannel(name: unknown): name is (typeof binaryChannels)[number] {
  return typeof name === 'string' && (binaryChannels as readonly string[]).includes(name);
}

/** Main → renderer notifications. */
export const eventChannels = [
  'library:changed',
  'session:changed',
  'analysis:changed',
  'analysis:progress',
  'transcript:changed',
  'coach:changed',
  'models:progress',
  'models:changed',
  'transcription:progress',
] as const;
export type EventChannel = (typeof eventChannels)[number];

export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && (requestChannels as readonly string[]).includes(name);
}
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (eventChannels as readonly string[]).includes(name);
}

/** 'library:list' → 'libraryList': the named method the preload exposes for a channel. */
export type MethodName<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : C;
export function methodName<C extends string>(channel: C): MethodName<C> {
  return channel.replace(/:(.)/, (_m, c: string) => c.toUpperCase()) as MethodName<C>;
}
