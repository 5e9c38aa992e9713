/**
 * The app's services, wired once and served by both transports. Paths, clock and randomness
 * come in as arguments so everything here runs (and is tested) under plain Node.
 */
import type { RequestChannel } from '../../shared/channels';
import type { ParsedInput, RequestOutput } from '../../shared/contract';
import { loadContent, type LoadedContent } from './content/load';
import { readContentSnapshot } from './content/snapshot';
import { planSession } from './content/plan';
import { itemPreview, libraryView } from './content/views';
import { openDatabase, type AppDatabase } from './db/open';
import { ConflictError, NotFoundError } from './errors';
import { EventBus } from './events';
import { dataPaths, type DataPaths } from './paths';
import { tightenDataFolder } from './private-files';
import { RecordingService } from './recording/recordings';
import { ReviewService } from './review';
import { AnalysisService } from './analysis/analysis';
import { forkAnalysisWorker } from './analysis/fork';
import { AnalysisRunner, type AnalysisLauncher } from './analysis/runner';
import { progressSummary } from './progress-summary';
import { sessionAllocation } from './session-allocation';
import { buildExport, markdownReport } from './export';
import {
  controlSession,
  createSession,
  getSession,
  listSessions,
  listUnfinished,
  markRoundEnded,
  recordEvent,
  recordFollowUp,
  roundView,
} from './sessions';
import { readSettings, updateSettings } from './settings';
import { TodayService } from './schedule/today';
import { TranscriptStore } from './transcripts/store';
import { coachHandlers } from './coach';
import type { ModelCatalogue } from '../../shared/contract';
import { builtinCatalogue } from './models/catalog';
import type { Fetch } from './models/download';
import { ModelService } from './models/service';
import { TranscriptionService } from './transcription/service';
import { RoundWords } from './words/round-words';

export type AppOptions = {
  dataDir: string;
  builtinContentDir: string;
  /** The build's parse of the built-in content (shippedPaths); without it every file is parsed. */
  contentSnapshotFile?: string;
  migrationsDir: string;
  transport: 'electron' | 'web';
  version: string;
  now?: () => number;
  random?: () => number;
  /**
   * Browser mode: how long a recording left open by a killed server waits for its page to come back
   * and carry on before it is recovered. 0 (Electron: no page survives a restart) recovers at once.
   */
  resumeGraceMs?: number;
  /** Starts the speech analysis worker: utilityProcess under Electron, child_process.fork otherwise. */
  launchAnalysis?: AnalysisLauncher;
  /** The speech models offered in Settings → Transcription (tests and `--model-catalog` inject their own). */
  modelCatalog?: ModelCatalogue;
  /** How model files are fetched (the global fetch unless a test passes another). */
  modelFetch?: Fetch;
};

export type Handlers = {
  [C in RequestChannel]: (input: ParsedInput<C>) => RequestOutput<C> | Promise<RequestOutput<C>>;
};

export type LoopCoach = {
  paths: DataPaths;
  db: AppDatabase;
  events: EventBus;
  handlers: Handlers;
  recordings: RecordingService;
  analysis: AnalysisService;
  transcripts: TranscriptStore;
  models: ModelService;
  transcription: TranscriptionService;
  words: RoundWords;
  content: () => LoadedContent;
  /** How many recordings a crash had left open and this start recovered. */
  recovered: number;
  close: () => void;
};

export async function createLoopCoach(options: AppOptions): Promise<LoopCoach> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const paths = dataPaths(options.dataDir);
  tightenDataFolder(paths.dataDir, paths.databaseFile);
  const { db } = openDatabase({
    file: paths.databaseFile,
    migrationsDir: options.migrationsDir,
    now,
  });
  const events = new EventBus();
  // Late recoveries (browser mode's grace ran out) arrive while the app runs; `analysis` exists by then.
  const recordingService = new RecordingService(db, paths.dataDir, now, options.resumeGraceMs ?? 0, (round) => {
    events.emit('session:changed', { sessionId: round.sessionId });
    analysis.enqueue(round.roundId);
  });
  const builtinSnapshot = options.contentSnapshotFile ? readContentSnapshot(options.contentSnapshotFile) : null;
  const sources = {
    builtinDir: options.builtinContentDir,
    userDir: paths.userContentDir,
    ...(builtinSnapshot ? { builtinSnapshot } : {}),
  };
  // Recovery and the content's file reads overlap; neither needs the other.
  const [recovered, loaded] = await Promise.all([recordingService.recoverAll(), loadContent(sources)]);
  let content = loaded;
  const review = new ReviewService(db, () => content, now);
  const runner = new AnalysisRunner(options.launchAnalysis ?? (() => forkAnalysisWorker()));
  const analysis = new AnalysisService(db, paths.dataDir, () => content, events, now, runner);
  const words = new RoundWords(db, () => content, now);
  const transcripts = new TranscriptStore(db, now, (t) => {
    try {
      words.store(t);
    } catch (error) {
      // The transcript is saved; storeMissing() measures it on the next start.
      console.error(`Word metrics of round ${t.roundId} were not stored: ${(error as Error).message}`);
    }
  });
  const today = new TodayService(db, () => content, now);
  const models = new ModelService({
    modelsDir: paths.modelsDir,
    catalogue: options.modelCatalog ?? builtinCatalogue,
    events,
    now,
    fetch: options.modelFetch,
    chosenModelId: () => readSettings(db).transcriptionModelId,
  });
  const transcription = new TranscriptionService(
    db,
    paths.dataDir,
    transcripts,
    events,
    runner,
    () => readSettings(db).transcriptionModelId,
    now,
  );
  // A new round is transcribed once its analysis is done (the speech segments are the model's chunks).
  events.subscribe((channel, payload) => {
    if (channel !== 'analysis:changed') return;
    const { roundId, status } = payload as { roundId: string; status: string };
    if (status === 'done') transcription.onAnalysed(roundId);
  });

  const reload = async () => {
    content = await loadContent(sources);
    events.emit('library:changed', { problems: content.problems.length });
    return libraryView(content);
  };

  const handlers: Handlers = {
    'app:info': () => ({
      version: options.version,
      transport: options.transport,
      dataDir: paths.dataDir,
      databaseFile: paths.databaseFile,
      userContentDir: paths.userContentDir,
    }),
    'library:list': () => libraryView(content),
    'library:reload': reload,
    'library:item': ({ id }) => {
      const item = content.items.get(id);
      if (!item) throw new NotFoundError(`No loop or mock has the id "${id}".`);
      return itemPreview(item);
    },
    'session:start': ({ source }) => {
      const plan = planSession(content, source, random);
      const session = createSession(db, plan, source, readSettings(db).followUpMode, now());
      events.emit('session:changed', { sessionId: session.id });
      return session;
    },
    'session:control': async (input) => {
      if (input.action === 'end' || input.action === 'abandon') {
        // Ending mid-round keeps what was recorded: finalize it before closing the session.
        for (const round of getSession(db, input.sessionId).rounds) {
          if (round.recording?.status === 'recording') {
            await recordingService.finish(round.recording.id);
            analysis.enqueue(round.id);
          }
          if (round.status === 'running') markRoundEnded(db, round.id, 'done', now());
        }
      }
      controlSession(db, input, now());
      events.emit('session:changed', { sessionId: input.sessionId });
      return getSession(db, input.sessionId);
    },
    'session:event': (input) => recordEvent(db, input, now()),
    'round:begin': ({ sessionId, roundIndex, mimeType }) => {
      const { roundId, recording } = recordingService.beginRound(sessionId, roundIndex, mimeType);
      return { round: roundView(db, roundId), recording };
    },
    'round:end': async ({ roundId, outcome }) => {
      const round = roundView(db, roundId);
      if (round.recording?.status === 'recording') {
        await recordingService.finish(round.recording.id);
        analysis.enqueue(roundId);
      }
      const sessionId = markRoundEnded(db, roundId, outcome, now());
      events.emit('session:changed', { sessionId });
      return roundView(db, roundId);
    },
    'recording:chunk': ({ recordingId, seq, offset, data, peaks }) =>
      recordingService.appendChunk(recordingId, seq, data, peaks, offset),
    'recording:finish': async ({ recordingId, chunks }) => {
      const finished = await recordingService.finish(recordingId, 'finalized', chunks);
      if (finished.status !== 'failed') analysis.enqueue(finished.roundId);
      return finished;
    },
    'followup:record': (input) => recordFollowUp(db, input),
    'recovery:list': () => listUnfinished(db),
    'review:get': ({ roundId }) => review.get(roundId),
    'review:reveal': ({ roundId }) => review.reveal(roundId),
    'review:save': (input) => review.save(input),
    'review:mark': (input) => {
      const marks = review.mark(input);
      analysis.recompute(input.roundId);
      return marks;
    },
    'review:queue': (input) => review.queue(input),
    'review:attempts': (input) => review.attempts(input),
    'review:changes': (input) => review.changes(input),
    'analysis:get': ({ roundId }) => analysis.get(roundId),
    'analysis:run': async ({ roundId }) => {
      analysis.enqueue(roundId);
      await analysis.idle();
      return analysis.get(roundId);
    },
    'transcript:get': ({ roundId }) => transcripts.view(roundId),
    'transcript:search': (input) => transcripts.search(input),
    'progress:get': (input) => progressSummary(db, input),
    'transcription:backfill': ({ limit }) => transcription.backfillOlder(limit),
    'transcription:run': ({ roundId }) => transcription.run(roundId),
    'words:round': ({ roundId }) => words.view(roundId),
    'words:trends': (input) => words.trends(input),
    'export:create': ({ format }) => {
      const file = buildExport(db, options.version, now());
      const stamp = file.exportedAt.slice(0, 10);
      return format === 'json'
        ? {
            fileName: `loop-coach-${stamp}.json`,
            mimeType: 'application/json',
            content: JSON.stringify(file, null, 2),
            sessions: file.sessions.length,
          }
        : {
            fileName: `loop-coach-${stamp}.md`,
            mimeType: 'text/markdown',
            content: markdownReport(file),
            sessions: file.sessions.length,
          };
    },
    'session:get': ({ sessionId }) => getSession(db, sessionId),
    'session:allocation': ({ sessionId }) => sessionAllocation(db, sessionId),
    'session:list': (input) => listSessions(db, input),
    'settings:get': () => readSettings(db),
    'settings:update': (patch) => {
      const wanted = patch.transcriptionModelId;
      // Only a change is checked: the renderer sends every field, and a model removed by hand must
      // not block saving the theme.
      if (wanted && wanted !== readSettings(db).transcriptionModelId && !models.isInstalled(wanted)) {
        const title = models.catalogue.find((m) => m.id === wanted)?.title ?? wanted;
        throw new ConflictError(
          `The model "${title}" is not installed: download it in Settings → Transcription first.`,
        );
      }
      return updateSettings(db, patch);
    },
    'models:list': () => models.list(),
    'models:download': ({ modelId }) => models.download(modelId),
    'models:cancel': ({ modelId }) => models.cancel(modelId),
    'models:remove': async ({ modelId }) => {
      const removed = await models.remove(modelId);
      if (readSettings(db).transcriptionModelId === modelId) updateSettings(db, { transcriptionModelId: null });
      return { ...removed, chosen: false };
    },
    'today:get': () => today.get(),
    'today:snooze': ({ itemId, days }) => today.snooze(itemId, days),
    'today:retire': ({ itemId, retired }) => today.retire(itemId, retired),
    ...coachHandlers(db, events, now),
  };

  // Recordings a crash left behind, or analysis a shutdown interrupted, are analysed now.
  analysis.enqueueMissing();
  transcription.resumeInterrupted();
  // Transcripts imported, or saved before word metrics were stored, are measured now.
  words.storeMissing();

  return {
    paths,
    db,
    events,
    handlers,
    recordings: recordingService,
    analysis,
    transcripts,
    models,
    transcription,
    words,
    content: () => content,
    recovered,
    close: () => {
      transcription.stop();
      analysis.stop();
      models.stopAll();
      recordingService.closeAll();
      db.$client.close();
    },
  };
}
