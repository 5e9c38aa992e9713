/**
 * The composition root: builds the services once (paths, clock and randomness come in as arguments, so
 * everything runs and is tested under plain Node) and composes each feature's handler group into the
 * one table both transports serve.
 */
import type { ModelCatalogue } from '../../shared/contract';
import { AnalysisService } from './analysis/analysis';
import { forkAnalysisWorker } from './analysis/fork';
import { analysisHandlers } from './analysis/handlers';
import { AnalysisRunner, type AnalysisLauncher } from './analysis/runner';
import { appHandlers } from './app-info';
import { coachHandlers } from './coach';
import { libraryHandlers } from './content/handlers';
import { liveHandlers } from './live/handlers';
import { forkLiveWorker, type LiveLauncher } from './live/process';
import { LiveService } from './live/service';
import { ContentLibrary } from './content/library';
import { loadContent, type LoadedContent } from './content/load';
import { readContentSnapshot } from './content/snapshot';
import { openDatabase, type AppDatabase } from './db/open';
import { exportHandlers } from './export/handlers';
import { EventBus } from './infra/events';
import type { Handlers } from './infra/handlers';
import { dataPaths, type DataPaths } from './infra/paths';
import { tightenDataFolder } from './infra/private-files';
import { builtinCatalogue } from './models/catalog';
import type { Fetch } from './models/download';
import { modelHandlers } from './models/handlers';
import { ModelService } from './models/service';
import { progressHandlers } from './progress/handlers';
import { recordingHandlers } from './recording/handlers';
import { RecordingService } from './recording/recordings';
import { reviewHandlers } from './review/handlers';
import { ReviewService } from './review/review';
import { todayHandlers } from './schedule/handlers';
import { TodayService } from './schedule/today';
import { sessionHandlers } from './sessions/handlers';
import { settingsHandlers } from './settings/handlers';
import { readSettings } from './settings/settings';
import { transcriptionHandlers } from './transcription/handlers';
import { TranscriptionService } from './transcription/service';
import { transcriptHandlers } from './transcripts/handlers';
import { TranscriptStore } from './transcripts/store';
import { wordsHandlers } from './words/handlers';
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
  /** Starts the live transcription worker: utilityProcess under Electron, child_process.fork otherwise. */
  launchLive?: LiveLauncher;
  /**
   * Test-only: a JSON of a fixture audio's known utterances that replaces the live recognizer call
   * (LOOP_COACH_LIVE_RECOGNIZER; a packaged app never passes it). docs/transcription.md, "Live".
   */
  liveRecognizer?: string | null;
  /** The speech models offered in Settings → Transcription (tests and `--model-catalog` inject their own). */
  modelCatalog?: ModelCatalogue;
  /** How model files are fetched (the global fetch unless a test passes another). */
  modelFetch?: Fetch;
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
  live: LiveService;
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
  const library = new ContentLibrary(loaded, sources, events);
  const content = library.current;
  const review = new ReviewService(db, content, now);
  const runner = new AnalysisRunner(options.launchAnalysis ?? (() => forkAnalysisWorker()));
  const analysis = new AnalysisService(db, paths.dataDir, content, events, now, runner);
  const words = new RoundWords(db, content, now);
  const transcripts = new TranscriptStore(db, now, (t) => {
    try {
      words.store(t);
    } catch (error) {
      // The transcript is saved; storeMissing() measures it on the next start.
      console.error(`Word metrics of round ${t.roundId} were not stored: ${(error as Error).message}`);
    }
  });
  const today = new TodayService(db, content, now);
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
  events.on('analysis:changed', ({ roundId, status }) => {
    if (status === 'done') transcription.onAnalysed(roundId);
  });

  const live = new LiveService({
    db,
    events,
    transcripts,
    transcription,
    coverageInputs: (roundId) => words.coverageInputs(roundId),
    launch: options.launchLive ?? (() => forkLiveWorker()),
    standIn: options.liveRecognizer ?? null,
    now,
  });

  // Each feature's handler group takes the part of this it needs.
  const ctx = {
    version: options.version,
    transport: options.transport,
    db,
    events,
    now,
    random,
    paths,
    library,
    recordings: recordingService,
    analysis,
    review,
    transcripts,
    transcription,
    words,
    today,
    models,
    live,
  };
  const handlers = {
    ...appHandlers(ctx),
    ...libraryHandlers(ctx),
    ...liveHandlers(ctx),
    ...sessionHandlers(ctx),
    ...recordingHandlers(ctx),
    ...reviewHandlers(ctx),
    ...analysisHandlers(ctx),
    ...transcriptHandlers(ctx),
    ...transcriptionHandlers(ctx),
    ...wordsHandlers(ctx),
    ...progressHandlers(ctx),
    ...exportHandlers(ctx),
    ...settingsHandlers(ctx),
    ...modelHandlers(ctx),
    ...todayHandlers(ctx),
    ...coachHandlers(ctx),
  } satisfies Handlers;

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
    live,
    content,
    recovered,
    close: () => {
      live.stop();
      transcription.stop();
      analysis.stop();
      models.stopAll();
      recordingService.closeAll();
      db.$client.close();
    },
  };
}
