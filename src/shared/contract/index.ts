/**
 * Assembles the IPC contract from one module per concern: the request map (every channel exactly once,
 * checked against RequestChannel), the event map, and the types inferred from them. Exports exactly the
 * public contract; the per-concern request maps and the shared id schemas stay internal.
 */
import type { z } from 'zod';
import type { EventChannel, MethodName, RequestChannel } from '../channels';
import { allocationRequests } from './allocation';
import { analysisRequests } from './analysis';
import { appRequests } from './app';
import { coachRequests } from './coach';
import type { RequestSchemas } from './common';
import type { ApiResult } from './errors';
import type { eventContract } from './events';
import { libraryRequests } from './library';
import { liveRequests } from './live';
import { modelRequests } from './models';
import { progressRequests } from './progress';
import { recordingRequests } from './recording';
import { reviewRequests } from './review';
import { roundRequests } from './rounds';
import { sessionRequests } from './sessions';
import { settingsRequests } from './settings';
import { todayRequests } from './today';
import { transcriptRequests } from './transcripts';
import { transcriptionRequests } from './transcription';
import { wordsRequests } from './words';

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
  transcriptStatus,
} from '../enums';
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
  TranscriptStatus,
} from '../enums';

export {
  allocationRow,
  sessionAllocation,
  timeAllocationView,
  type AllocationRow,
  type SessionAllocation,
  type TimeAllocationView,
} from './allocation';
export { analysisView, type AnalysisView } from './analysis';
export { appInfo, type AppInfo } from './app';
export {
  actionItemView,
  actionListView,
  calibrationView,
  fatigueSignal,
  rescorePrompt,
  type ActionListView,
  type CalibrationView,
  type FatigueSignal,
  type RescorePrompt,
  type RetakeMeasure,
  type SessionFatigue,
} from './coach';
export { apiError, apiErrorCode, type ApiError, type ApiResult } from './errors';
export { eventContract } from './events';
export {
  circuitSummary,
  contentProblem,
  itemPreview,
  itemSummary,
  libraryView,
  questionTypeView,
  type CircuitSummary,
  type ContentProblem,
  type ItemPreview,
  type ItemSummary,
  type LibraryView,
  type QuestionTypeView,
} from './library';
export {
  areaStat,
  baseline,
  progressAction,
  progressFilter,
  progressSummary,
  weekPoint,
  type AreaStat,
  type Baseline,
  type ProgressAction,
  type ProgressFilter,
  type ProgressSummary,
  type WeekPoint,
} from './progress';
export { MAX_CHUNK_BYTES, MAX_PEAKS_PER_CHUNK, PEAKS_PER_SECOND, recordingView, type RecordingView } from './recording';
export { page, pageCursor, pageInput, type PageCursor } from './paging';
export {
  changeLine,
  followUpDecisionView,
  postmortem,
  reviewMark,
  reviewQueueEntry,
  reviewView,
  rubricView,
  scores,
  scoreValue,
  type ChangeLine,
  type FollowUpDecisionView,
  type ReviewMark,
  type ReviewQueueEntry,
  type ReviewView,
  type RubricView,
  type Scores,
} from './review';
export {
  askedFollowUp,
  followUpPlan,
  roundAnswers,
  roundPlan,
  roundView,
  type AskedFollowUp,
  type RoundAnswers,
  type RoundPlan,
  type RoundView,
} from './rounds';
export {
  sessionEventType,
  sessionListEntry,
  type SessionListEntry,
  sessionSource,
  sessionView,
  unfinishedSession,
  type SessionSource,
  type SessionView,
  type UnfinishedSession,
} from './sessions';
export {
  snippetPart,
  TRANSCRIPT_SEARCH_PAGE_MAX,
  transcriptSearchHit,
  transcriptSearchResult,
  transcriptView,
  type TranscriptSearchHit,
  type TranscriptSearchResult,
  type TranscriptView,
} from './transcripts';
export {
  catalogueEntry,
  catalogueFile,
  checksumSource,
  modelCatalogue,
  modelError,
  modelErrorKind,
  modelFamily,
  modelFileName,
  modelFileRole,
  modelId,
  modelList,
  modelStatus,
  modelUrl,
  modelView,
  sha256Hex,
  type CatalogueEntry,
  type CatalogueFile,
  type ChecksumSource,
  type ModelCatalogue,
  type ModelError,
  type ModelErrorKind,
  type ModelFamily,
  type ModelFileRole,
  type ModelList,
  type ModelStatus,
  type ModelView,
} from './models';
export {
  BACKFILL_MAX,
  backfillResult,
  transcriptionProgress,
  type BackfillResult,
  type TranscriptionProgress,
} from './transcription';
export { roundWordsView, wordTrendWeek, type RoundWordsView, type WordTrendWeek } from './words';
export { defaultSettings, settings, settingsPatch, theme, type Settings } from './settings';
export {
  todayEntry,
  todayReason,
  todayView,
  upcomingEntry,
  type TodayEntry,
  type TodayReason,
  type TodayView,
  type UpcomingEntry,
} from './today';

export {
  LIVE_SAMPLE_RATE,
  MAX_LIVE_FRAME_SAMPLES,
  checkedFollowUpDecision,
  decisionOfReason,
  followUpDecision,
  followUpReason,
  liveFramesInput,
  livePointCoverage,
  liveStartOutput,
  liveStatus,
  liveUnavailableReason,
  liveUtterance,
  type FollowUpDecision,
  type FollowUpReason,
  type LiveFramesInput,
  type LivePointCoverage,
  type LiveStartOutput,
  type LiveStatus,
  type LiveUnavailableReason,
  type LiveUtterance,
} from './live';

/** Request channels: input schema (parsed on the main side) and output schema. */
export const requestContract = {
  ...appRequests,
  ...libraryRequests,
  ...liveRequests,
  ...sessionRequests,
  ...roundRequests,
  ...recordingRequests,
  ...reviewRequests,
  ...analysisRequests,
  ...progressRequests,
  ...settingsRequests,
  ...todayRequests,
  ...transcriptRequests,
  ...coachRequests,
  ...modelRequests,
  ...transcriptionRequests,
  ...wordsRequests,
  ...allocationRequests,
} satisfies Record<RequestChannel, RequestSchemas>;

export type RequestInput<C extends RequestChannel> = z.input<(typeof requestContract)[C]['input']>;
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

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
