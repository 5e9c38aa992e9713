/**
 * The app's services, wired once and served by both transports. Paths, clock and randomness
 * come in as arguments so everything here runs (and is tested) under plain Node.
 */
import type { RequestChannel } from '../../shared/channels';
import type { ParsedInput, RequestOutput } from '../../shared/contract';
import { loadContent, type LoadedContent } from './content/load';
import { planSession } from './content/plan';
import { itemPreview, libraryView } from './content/views';
import { openDatabase, type AppDatabase } from './db/open';
import { NotFoundError } from './errors';
import { EventBus } from './events';
import { dataPaths, type DataPaths } from './paths';
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
import { TranscriptStore } from './transcripts/store';

export type AppOptions = {
  dataDir: string;
  builtinContentDir: string;
  migrationsDir: string;
  transport: 'electron' | 'web';
  version: string;
  now?: () => number;
  random?: () => number;
  nativeBinding?: string;
  /**
   * Browser mode: how long a recording left open by a killed server waits for its page to come back
   * and carry on before it is recovered. 0 (Electron: no page survives a restart) recovers at once.
   */
  resumeGraceMs?: number;
  /** Starts the speech analysis worker: utilityProcess under Electron, child_process.fork otherwise. */
  launchAnalysis?: AnalysisLauncher;
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
  content: () => LoadedContent;
  /** How many recordings a crash had left open and this start recovered. */
  recovered: number;
  close: () => void;
};

export async function createLoopCoach(options: AppOptions): Promise<LoopCoach> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const paths = dataPaths(options.dataDir);
  const { db } = openDatabase({
    file: paths.databaseFile,
    migrationsDir: options.migrationsDir,
    now,
    nativeBinding: options.nativeBinding,
  });
  const events = new EventBus();
  // Late recoveries (browser mode's grace ran out) arrive while the app runs; `analysis` exists by then.
  const recordingService = new RecordingService(db, paths.dataDir, now, options.resumeGraceMs ?? 0, (round) => {
    events.emit('session:changed', { sessionId: round.sessionId });
    analysis.enqueue(round.roundId);
  });
  const recovered = await recordingService.recoverAll();
  const review = new ReviewService(db, () => content, now);
  const runner = new AnalysisRunner(options.launchAnalysis ?? (() => forkAnalysisWorker()));
  const analysis = new AnalysisService(db, paths.dataDir, () => content, events, now, runner);
  const transcripts = new TranscriptStore(db, now);
  const sources = { builtinDir: options.builtinContentDir, userDir: paths.userContentDir };
  let content = await loadContent(sources);

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
    'review:queue': ({ limit }) => review.queue(limit),
    'review:attempts': ({ roundId }) => review.attempts(roundId),
    'analysis:get': ({ roundId }) => analysis.get(roundId),
    'analysis:run': async ({ roundId }) => {
      analysis.enqueue(roundId);
      await analysis.idle();
      return analysis.get(roundId);
    },
    'transcript:get': ({ roundId }) => transcripts.view(roundId),
    'transcript:search': (input) => transcripts.search(input),
    'progress:get': (input) => progressSummary(db, input),
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
    'session:list': ({ limit }) => listSessions(db, limit),
    'settings:get': () => readSettings(db),
    'settings:update': (patch) => updateSettings(db, patch),
  };

  // Recordings a crash left behind, or analysis a shutdown interrupted, are analysed now.
  analysis.enqueueMissing();

  return {
    paths,
    db,
    events,
    handlers,
    recordings: recordingService,
    analysis,
    transcripts,
    content: () => content,
    recovered,
    close: () => {
      analysis.stop();
      recordingService.closeAll();
      db.$client.close();
    },
  };
}
