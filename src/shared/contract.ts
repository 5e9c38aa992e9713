/**
 * The IPC contract: a zod schema for the input and output of every request channel and for the
 * payload of every event channel. Both transports (Electron IPC and the local web server) parse
 * inputs with these schemas before any service sees them; all types derive from here.
 */
import { z } from 'zod';
import type { EventChannel, MethodName, RequestChannel } from './channels';
import { slug } from './content';
import {
  analysisStatus,
  followUpMode,
  followUpTrigger,
  markKind,
  origin,
  pointVerdict,
  recordingStatus,
  roundStatus,
  sessionStatus,
} from './enums';
import { roundMetrics, segment } from './metrics';

export {
  analysisStatus,
  followUpMode,
  followUpTrigger,
  markKind,
  origin,
  pointVerdict,
  recordingStatus,
  roundStatus,
  sessionStatus,
} from './enums';
export type {
  AnalysisStatus,
  FollowUpMode,
  FollowUpTrigger,
  MarkKind,
  Origin,
  PointVerdict,
  RecordingStatus,
  RoundStatus,
  SessionStatus,
} from './enums';

export const contentProblem = z.object({
  /** Path of the offending file, relative to its content folder. */
  file: z.string(),
  /** Dotted path of the field at fault, or "" for the whole file. */
  field: z.string(),
  message: z.string(),
  origin,
});
export type ContentProblem = z.infer<typeof contentProblem>;

export const questionTypeView = z.object({
  id: z.string(),
  title: z.string(),
  recognise: z.string(),
  answerShape: z.array(z.string()),
  targetSeconds: z.number().optional(),
});
export type QuestionTypeView = z.infer<typeof questionTypeView>;

export const itemSummary = z.object({
  id: z.string(),
  kind: z.enum(['loop', 'mock']),
  title: z.string(),
  category: z.string(),
  summary: z.string().optional(),
  tags: z.array(z.string()),
  questionTypes: z.array(z.string()),
  roundCount: z.number().int(),
  budgetSeconds: z.number().int(),
  followUpCount: z.number().int(),
  origin,
});
export type ItemSummary = z.infer<typeof itemSummary>;

/** What the library may show before a round: never expected points, follow-up text or answers. */
export const itemPreview = itemSummary.extend({
  source: z.string().optional(),
  rounds: z.array(
    z.object({
      title: z.string().optional(),
      questionType: z.string(),
      prompt: z.string(),
      budgetSeconds: z.number().int(),
      followUpCount: z.number().int(),
    }),
  ),
});
export type ItemPreview = z.infer<typeof itemPreview>;

export const circuitSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  tags: z.array(z.string()),
  origin,
  totalMinutes: z.number(),
  steps: z.array(
    z.object({
      type: z.enum(['round', 'break']),
      label: z.string(),
      minutes: z.number(),
      itemTitles: z.array(z.string()),
    }),
  ),
});
export type CircuitSummary = z.infer<typeof circuitSummary>;

export const libraryView = z.object({
  items: z.array(itemSummary),
  circuits: z.array(circuitSummary),
  categories: z.array(z.string()),
  questionTypes: z.array(questionTypeView),
  problems: z.array(contentProblem),
});
export type LibraryView = z.infer<typeof libraryView>;

export const sessionSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item'), id: slug }),
  z.object({ type: z.literal('circuit'), id: slug }),
  z.object({ type: z.literal('random'), category: z.string().max(80).optional() }),
]);
export type SessionSource = z.infer<typeof sessionSource>;

export const followUpPlan = z.object({ text: z.string(), atSeconds: z.number(), jitterSeconds: z.number() });
export const roundPlan = z.object({
  index: z.number().int(),
  itemId: z.string(),
  /** Which round of the item this is: with itemId, identifies "the same prompt" across sessions. */
  itemRound: z.number().int().default(0),
  itemTitle: z.string(),
  title: z.string().optional(),
  category: z.string(),
  questionType: z.string(),
  prompt: z.string(),
  budgetSeconds: z.number().int(),
  followUps: z.array(followUpPlan),
  /** A timed break before this round (circuits). */
  breakBefore: z.object({ seconds: z.number().int(), label: z.string(), note: z.string().optional() }).optional(),
});
export type RoundPlan = z.infer<typeof roundPlan>;

/** What a round is judged against, frozen at session start and revealed only on request. */
export const roundAnswers = z.object({ expectedPoints: z.array(z.string()), referenceAnswer: z.string().nullable() });
export type RoundAnswers = z.infer<typeof roundAnswers>;

export const recordingView = z.object({
  id: z.string(),
  roundId: z.string(),
  status: recordingStatus,
  mimeType: z.string(),
  bytes: z.number().int(),
  chunks: z.number().int(),
  /** Decoded duration of the finalized file; null while recording. */
  durationMs: z.number().int().nullable(),
  peaksPerSecond: z.number().int(),
  /** URL paths on the app's own origin (Range-capable), e.g. "/media/recordings/<session>/<round>.webm". */
  mediaUrl: z.string(),
  peaksUrl: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  error: z.string().nullable(),
});
export type RecordingView = z.infer<typeof recordingView>;

export const askedFollowUp = z.object({
  /** Index in the round's plan; ad-hoc follow-ups get indices after the planned ones. */
  index: z.number().int().min(0),
  text: z.string(),
  trigger: followUpTrigger,
  /** Times in ms from the start of the round's recording. */
  scheduledMs: z.number().int().nullable(),
  spokenStartMs: z.number().int().nullable(),
  spokenEndMs: z.number().int().nullable(),
});
export type AskedFollowUp = z.infer<typeof askedFollowUp>;

export const roundView = roundPlan.extend({
  id: z.string(),
  status: roundStatus,
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  recording: recordingView.nullable(),
  askedFollowUps: z.array(askedFollowUp),
});
export type RoundView = z.infer<typeof roundView>;

export const sessionView = z.object({
  id: z.string(),
  title: z.string(),
  source: sessionSource,
  status: sessionStatus,
  followUpMode,
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  rounds: z.array(roundView),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionListEntry = sessionView.pick({ id: true, title: true, status: true, createdAt: true }).extend({
  roundCount: z.number().int(),
});

export const theme = z.enum(['system', 'light', 'dark']);

const settingsShape = {
  theme,
  followUpMode,
  /** A speechSynthesis voice name; null picks the platform's default English voice. */
  voiceName: z.string().max(200).nullable(),
  speechRate: z.number().min(0.5).max(2),
  playbackRate: z.union([z.literal(1), z.literal(1.25), z.literal(1.5), z.literal(2)]),
  blindScoring: z.boolean(),
  focusLayout: z.boolean(),
};
export const settings = z.object(settingsShape);
export type Settings = z.infer<typeof settings>;
/** An update names only the fields it changes (no defaults, so nothing else is reset). */
export const settingsPatch = z.object(settingsShape).partial().strict();
export const defaultSettings: Settings = {
  theme: 'system',
  followUpMode: 'scheduled',
  voiceName: null,
  speechRate: 1,
  playbackRate: 1.5,
  blindScoring: false,
  focusLayout: true,
};

export const appInfo = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'web']),
  dataDir: z.string(),
  databaseFile: z.string(),
  userContentDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const scoreValue = z.number().int().min(1).max(5).nullable();
export const reviewMark = z.object({
  id: z.string(),
  kind: markKind,
  /** Ms from the start of the recording; a ramble is a region, the others are points (endMs null). */
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0).nullable(),
});
export type ReviewMark = z.infer<typeof reviewMark>;

export const postmortem = z.object({
  wentWell: z.string().max(2000),
  missed: z.string().max(2000),
  change: z.string().max(2000),
});

export const rubricView = z.object({
  dimensions: z.array(
    z.object({
      id: z.enum(['clarity', 'rigor', 'speed']),
      title: z.string(),
      question: z.string(),
      levels: z.record(z.string(), z.string()),
    }),
  ),
  behaviourChecklist: z.array(z.object({ id: z.string(), text: z.string() })),
  selfReviewQuestions: z.array(z.string()),
  postmortemPrompts: z.object({ wentWell: z.string(), missed: z.string(), change: z.string() }),
});
export type RubricView = z.infer<typeof rubricView>;

export const scores = z.object({ clarity: scoreValue, rigor: scoreValue, speed: scoreValue });
export type Scores = z.infer<typeof scores>;

export const reviewView = z.object({
  session: z.object({ id: z.string(), title: z.string(), createdAt: z.number() }),
  round: roundView,
  roundCount: z.number().int(),
  revealed: z.boolean(),
  /** Null until the candidate reveals them. */
  answers: roundAnswers.nullable(),
  expectedPointCount: z.number().int(),
  rubric: rubricView.nullable(),
  scores,
  /** Per expected point (by index): covered, missed, or not yet ticked. */
  points: z.array(pointVerdict.nullable()),
  behaviour: z.record(z.string(), z.boolean()),
  postmortem,
  marks: z.array(reviewMark),
  scoredAt: z.number().nullable(),
  updatedAt: z.number().nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const reviewQueueEntry = z.object({
  roundId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  roundIndex: z.number().int(),
  title: z.string(),
  category: z.string(),
  questionType: z.string(),
  startedAt: z.number().nullable(),
  durationMs: z.number().int().nullable(),
  scores,
});
export type ReviewQueueEntry = z.infer<typeof reviewQueueEntry>;

export const analysisView = z.object({
  roundId: z.string(),
  status: z.enum(['none', ...analysisStatus.options]),
  segments: z.array(segment),
  metrics: roundMetrics.nullable(),
  /** The user's own medians for this question type, from earlier rounds. */
  baselines: z.object({
    thinkTimeMs: z.number().nullable(),
    talkTimeMs: z.number().nullable(),
    coreAnswerMs: z.number().nullable(),
    longestRunMs: z.number().nullable(),
  }),
  error: z.string().nullable(),
});
export type AnalysisView = z.infer<typeof analysisView>;

export const progressRound = z.object({
  roundId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  title: z.string(),
  startedAt: z.number(),
  category: z.string(),
  questionType: z.string(),
  budgetSeconds: z.number().int(),
  scores,
  metrics: roundMetrics.nullable(),
});
export type ProgressRound = z.infer<typeof progressRound>;

export const progressView = z.object({
  rounds: z.array(progressRound),
  actions: z.array(z.object({ roundId: z.string(), at: z.number(), title: z.string(), change: z.string() })),
});
export type ProgressView = z.infer<typeof progressView>;

const none = z.object({}).strict();
const sessionId = z.string().uuid();
const roundId = z.string().uuid();
const recordingId = z.string().uuid();
const msFromStart = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);

/** Session events the runner records, each with the time it happened. */
export const sessionEventType = z.enum([
  'prompt-spoken',
  'answer-cue',
  'paused',
  'resumed',
  'break-started',
  'break-ended',
  'round-reset-screen',
  'mic-silent',
  'mic-error',
  'voice-missing',
  'speech-error',
  'window-closing',
]);

export const unfinishedSession = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.number(),
  recoveredRounds: z.array(
    z.object({
      roundId: z.string(),
      index: z.number().int(),
      title: z.string(),
      durationMs: z.number().int().nullable(),
    }),
  ),
  nextRoundIndex: z.number().int().nullable(),
});
export type UnfinishedSession = z.infer<typeof unfinishedSession>;

/** Waveform peaks the renderer computes while recording, per second of audio. */
export const PEAKS_PER_SECOND = 50;
export const MAX_CHUNK_BYTES = 1024 * 1024;
export const MAX_PEAKS_PER_CHUNK = 2000;

/** Request channels: input schema (parsed on the main side) and output schema. */
export const requestContract = {
  'app:info': { input: none, output: appInfo },
  'library:list': { input: none, output: libraryView },
  'library:item': { input: z.object({ id: slug }).strict(), output: itemPreview },
  'library:reload': { input: none, output: libraryView },
  'session:start': { input: z.object({ source: sessionSource }).strict(), output: sessionView },
  'session:get': { input: z.object({ sessionId }).strict(), output: sessionView },
  'session:list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(sessionListEntry),
  },
  'session:control': {
    input: z
      .object({
        sessionId,
        action: z.enum(['start', 'pause', 'resume', 'end', 'abandon']),
        followUpMode: followUpMode.optional(),
      })
      .strict(),
    output: sessionView,
  },
  'session:event': {
    input: z
      .object({
        sessionId,
        roundId: roundId.optional(),
        type: sessionEventType,
        data: z
          .record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
          .optional(),
      })
      .strict(),
    output: z.object({ at: z.number() }),
  },
  /** Starts (or, when already started, returns) a round and its recording: double clicks never duplicate. */
  'round:begin': {
    input: z
      .object({
        sessionId,
        roundIndex: z.number().int().min(0).max(999),
        mimeType: z
          .string()
          .regex(/^audio\/[\w.+-]+(;\s*codecs=[\w.+-]+)?$/)
          .max(60),
      })
      .strict(),
    output: z.object({ round: roundView, recording: recordingView }),
  },
  'round:end': {
    input: z.object({ roundId, outcome: z.enum(['done', 'skipped']) }).strict(),
    output: roundView,
  },
  'recording:chunk': {
    input: z
      .object({
        recordingId,
        seq: z.number().int().min(0),
        /**
         * Where this chunk starts in the recording's audio bytes. When given, the append is positional:
         * a chunk already stored is acknowledged only if its bytes match, and one that does not start
         * where the stored audio ends is refused. The renderer always sends it.
         */
        offset: z.number().int().min(0).optional(),
        data: z
          .instanceof(Uint8Array)
          .refine((d) => d.byteLength <= MAX_CHUNK_BYTES, `a chunk is at most ${MAX_CHUNK_BYTES} bytes`),
        /** Waveform peaks for this chunk's audio, 0–255, at the recording's peaksPerSecond. */
        peaks: z
          .instanceof(Uint8Array)
          .refine((p) => p.byteLength <= MAX_PEAKS_PER_CHUNK, `at most ${MAX_PEAKS_PER_CHUNK} peaks a chunk`),
      })
      .strict(),
    output: z.object({ bytes: z.number().int(), chunks: z.number().int() }),
  },
  'recording:finish': {
    input: z
      .object({
        recordingId,
        /**
         * How many chunks the page produced. Finish waits (a few seconds at most) for any of them
         * still on their way, so a page that finishes while its uploader drains loses nothing.
         */
        chunks: z.number().int().min(0).optional(),
      })
      .strict(),
    output: recordingView,
  },
  'followup:record': {
    input: z
      .object({
        roundId,
        /** Omit for an ad-hoc follow-up typed by a partner. */
        index: z.number().int().min(0).max(999).optional(),
        text: z.string().trim().min(1).max(1000),
        trigger: followUpTrigger,
        scheduledMs: msFromStart.nullable(),
        spokenStartMs: msFromStart.nullable(),
        spokenEndMs: msFromStart.nullable(),
      })
      .strict(),
    output: askedFollowUp,
  },
  'recovery:list': { input: none, output: z.array(unfinishedSession) },
  'review:get': { input: z.object({ roundId }).strict(), output: reviewView },
  'review:reveal': { input: z.object({ roundId }).strict(), output: reviewView },
  /** Saves whatever the candidate changed; every field is optional so saving happens as they go. */
  'review:save': {
    input: z
      .object({
        roundId,
        scores: scores.partial().strict().optional(),
        /** Sparse: { "2": "missed" } ticks expected point 3. */
        points: z.record(z.string().regex(/^\d{1,3}$/), pointVerdict.nullable()).optional(),
        behaviour: z.record(slug, z.boolean()).optional(),
        postmortem: postmortem.partial().strict().optional(),
      })
      .strict(),
    output: reviewView,
  },
  'review:mark': {
    input: z.discriminatedUnion('action', [
      z
        .object({
          action: z.literal('add'),
          roundId,
          kind: markKind,
          startMs: msFromStart,
          endMs: msFromStart.nullable(),
        })
        .strict(),
      z
        .object({
          action: z.literal('update'),
          roundId,
          markId: z.string().uuid(),
          startMs: msFromStart,
          endMs: msFromStart.nullable(),
        })
        .strict(),
      z.object({ action: z.literal('remove'), roundId, markId: z.string().uuid() }).strict(),
    ]),
    output: z.array(reviewMark),
  },
  /** Recorded rounds not yet scored, across sessions, newest first. */
  'review:queue': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(reviewQueueEntry),
  },
  'review:attempts': { input: z.object({ roundId }).strict(), output: z.array(reviewQueueEntry) },
  'analysis:get': { input: z.object({ roundId }).strict(), output: analysisView },
  /** Runs speech analysis again (e.g. after a failure). */
  'analysis:run': { input: z.object({ roundId }).strict(), output: analysisView },
  /** The export as a file the renderer offers for download. */
  'export:create': {
    input: z.object({ format: z.enum(['json', 'markdown']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), sessions: z.number().int() }),
  },
  'progress:get': {
    input: z
      .object({
        sinceMs: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(50_000).default(20_000),
      })
      .strict(),
    output: progressView,
  },
  'settings:get': { input: none, output: settings },
  'settings:update': { input: settingsPatch, output: settings },
} satisfies Record<RequestChannel, { input: z.ZodType; output: z.ZodType }>;

export const eventContract = {
  'library:changed': z.object({ problems: z.number().int() }),
  'analysis:changed': z.object({ roundId: z.string(), status: analysisStatus }),
  /** How far the running analysis has read the round's audio (0..1); sent every 1 % or so. */
  'analysis:progress': z.object({ roundId: z.string(), fraction: z.number().min(0).max(1) }),
  'session:changed': z.object({ sessionId }),
} satisfies Record<EventChannel, z.ZodType>;

export type RequestInput<C extends RequestChannel> = z.input<(typeof requestContract)[C]['input']>;
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

/** Errors cross the transport as data, never as thrown objects with stacks. */
/** 'disconnected' is made by the renderer's transport when the main side does not answer. */
export const apiErrorCode = z.enum(['bad-input', 'not-found', 'conflict', 'unavailable', 'disconnected', 'internal']);
export const apiError = z.object({ code: apiErrorCode, message: z.string() });
export type ApiError = z.infer<typeof apiError>;
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload exposes as `window.loopCoach`: one named method per channel, plus events. */
export type PreloadApi = {
  [C in RequestChannel as MethodName<C>]: (input: RequestInput<C>) => Promise<ApiResult<RequestOutput<C>>>;
} & {
  /** Returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The renderer-facing API, identical over both transports. */
export type LoopCoachApi = {
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<ApiResult<RequestOutput<C>>>;
  /** Returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
};
