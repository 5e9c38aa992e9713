/**
 * Every channel name between the renderer and the main side, in one place, grouped by concern (each
 * prefix is one feature's handler group on the main side). Kept free of zod so the sandboxed preload
 * can import it without the schemas.
 */
export const requestChannels = [
  // The app and its library.
  'app:info',
  'library:list',
  'library:item',
  'library:reload',
  // Sessions and the rounds in them, as they are run.
  'session:start',
  'session:get',
  'session:list',
  'session:control',
  'session:event',
  'session:allocation',
  'round:begin',
  'round:end',
  'followup:record',
  'followup:decision',
  'recovery:list',
  // Recording.
  'recording:chunk',
  'recording:finish',
  // Live transcription while a round records (the listening interviewer).
  'live:start',
  'live:frames',
  // Review of a recorded round.
  'review:get',
  'review:reveal',
  'review:save',
  'review:mark',
  'review:queue',
  'review:attempts',
  'review:changes',
  // Measures of a round: speech analysis, transcripts, word metrics.
  'analysis:get',
  'analysis:run',
  'transcript:get',
  'transcript:search',
  'transcription:backfill',
  'transcription:run',
  'words:round',
  'words:trends',
  // Progress, the practise-next schedule and the coach.
  'progress:get',
  'today:get',
  'today:snooze',
  'today:retire',
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
  // Settings, speech models and export.
  'settings:get',
  'settings:update',
  'models:list',
  'models:download',
  'models:cancel',
  'models:remove',
  'export:create',
] as const;
export type RequestChannel = (typeof requestChannels)[number];

/**
 * Channels whose payload carries raw bytes. Over IPC they travel as structured clones; over HTTP the
 * bytes are the request body and the other fields go in the query string.
 */
export const binaryChannels = ['recording:chunk', 'live:frames'] as const satisfies readonly RequestChannel[];
export type BinaryChannel = (typeof binaryChannels)[number];

/**
 * Each binary channel's fields besides `data` (the body), as the query string carries them: text,
 * a number, or bytes as base64url. A field absent from the query is absent from the input (the
 * contract's schema then says what is missing); absent bytes are empty.
 */
export const binaryQueryFields = {
  'recording:chunk': { recordingId: 'string', seq: 'number', offset: 'number', peaks: 'bytes' },
  'live:frames': { recordingId: 'string', seq: 'number', startSample: 'number' },
} as const satisfies Record<BinaryChannel, Record<string, 'string' | 'number' | 'bytes'>>;

export function isBinaryChannel(name: unknown): name is BinaryChannel {
  return typeof name === 'string' && (binaryChannels as readonly string[]).includes(name);
}

/** Main → renderer notifications. */
export const eventChannels = [
  'library:changed',
  'session:changed',
  'analysis:changed',
  'analysis:progress',
  'transcript:changed',
  'transcription:progress',
  'coach:changed',
  'models:progress',
  'models:changed',
  'live:utterance',
  'live:status',
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
