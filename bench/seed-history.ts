/**
 * A year of practice in a data folder: sessions planned from the built-in content by the app's own
 * planSession, rows shaped as the services write them (typed by the drizzle schema, so a new
 * required column fails the type check instead of drifting), and metrics computed by the same
 * computeRoundMetrics that AnalysisService.recompute runs over the stored segments, marks and
 * follow-ups. tests/unit/bench/seed-history.test.ts reads a seeded history back through the services
 * and recomputes its metrics to hold the two together.
 *
 * Rows go in as chunked multi-row inserts, one transaction per ~1,000 rounds: calling the services
 * once per row costs ~10 ms a round in drizzle's query building, 15 minutes for 100,000. No audio
 * files are written (a seeded round's Review page shows its recording as missing). Every choice
 * comes from `random`, ids included, so a seed gives the same history every time.
 */
import path from 'node:path';
import type { SessionSource } from '../src/shared/contract';
import { PEAKS_PER_SECOND } from '../src/shared/contract';
import type { FollowUpMode, MarkKind } from '../src/shared/enums';
import { computeRoundMetrics, type Segment } from '../src/shared/metrics';
import { openDatabase, type AppDatabase } from '../src/main/services/db/open';
import { dataPaths } from '../src/main/services/infra/paths';
import { loadContent, type LoadedContent } from '../src/main/services/content/load';
import { planSession, type SessionPlan } from '../src/main/services/content/plan';
import { recordingFiles } from '../src/main/services/recording/paths';
import {
  followUps as followUpsTable,
  recordings,
  reviewMarks,
  roundAnalyses,
  roundReviews,
  rounds as roundsTable,
  roundTranscripts,
  roundWordMetrics,
  transcriptSegments,
  sessionEvents,
  sessions as sessionsTable,
} from '../src/main/services/db/schema';
import { emptyTranscriptRows, transcriptRows, type TranscriptRows } from './seed-transcripts';

const root = path.resolve(__dirname, '..');
const DAY_MS = 24 * 3600_000;
const YEAR_MS = 365 * DAY_MS;

export type SeedHistoryOptions = {
  dataDir: string;
  /** How many rounds to write (the last session is cut to fit). */
  rounds: number;
  /** Wall-clock ms of the most recent round's start; the history covers the year before it. */
  now: number;
  /** Uniform in [0, 1): every choice of content, timing, score and mark. */
  random: () => number;
  /** Rounds per transaction (default 1,000). */
  batchRounds?: number;
  /**
   * The share of the history, its most recent part, that has transcripts (default 0.01: the candidate
   * chose a speech model lately and every round since was transcribed; 1,000 rounds of a 100,000).
   * Measuring a transcript's words (computeWordMetrics) costs ~25 ms a round, so this sets the cost.
   */
  transcribedShare?: number;
};

export type SeedHistoryResult = { sessions: number; rounds: number };

/** Category difficulty for the synthetic candidate (added to the score), so weakest areas stand out. */
const difficulty: Record<string, number> = {
  'ML system design': -0.9,
  'ML coding': -0.5,
  Debugging: -0.3,
  Systems: -0.2,
  Coding: -0.1,
  Theory: 0.1,
  'ML breadth': 0.3,
  Behavioural: 0.5,
};

const changeLines = [
  'State the core answer in the first sentence, then justify it.',
  'Name one assumption out loud before the first follow-up.',
  'Give a rough number for each memory component before optimising.',
  'Stop at two minutes and ask whether to go deeper.',
  'Name a failure mode and how I would detect it.',
  'Write the simple correct version first, then optimise.',
  'Ask one clarifying question about scale before designing.',
  'Say the complexity before being asked.',
  'Quantify the result of the story, not just the action.',
  'Pause for two seconds instead of filling silence with "so, basically".',
];
const modes: FollowUpMode[] = ['scheduled', 'scheduled', 'jittered', 'at-pause', 'pressure'];

/** Speech from `fromMs` to `toMs`: runs of 1.5–9 s with pauses of 0.3–3.5 s (the VAD's merged segments). */
function speech(random: () => number, fromMs: number, toMs: number): Segment[] {
  const out: Segment[] = [];
  let at = fromMs;
  while (at < toMs - 500) {
    const endMs = Math.min(toMs, at + Math.round(1500 + random() * 7500));
    out.push({ startMs: Math.round(at), endMs: Math.round(endMs) });
    at = endMs + 300 + random() * (random() < 0.1 ? 9000 : 3200);
  }
  return out;
}

export async function seedHistory(options: SeedHistoryOptions): Promise<SeedHistoryResult> {
  const { dataDir, now, random } = options;
  const wanted = Math.max(0, Math.floor(options.rounds));
  const content = await loadContent({ builtinDir: path.join(root, 'content') });
  const { db } = openDatabase({
    file: dataPaths(dataDir).databaseFile,
    migrationsDir: path.join(root, 'resources', 'migrations'),
    now: () => now,
  });
  idCounter = 0;
  try {
    const plans = planHistory(content, wanted, random);
    // Sessions spread evenly over the year; with fewer than one a day, each starts in the evening.
    const spacing = YEAR_MS / Math.max(1, plans.length);
    const batch = options.batchRounds ?? 1000;
    let rows = emptyRows();
    let inBatch = 0;
    let written = 0;
    plans.forEach((p, i) => {
      const progress = plans.length > 1 ? i / (plans.length - 1) : 1;
      let startAt = now - YEAR_MS + Math.round(i * spacing);
      if (spacing >= DAY_MS)
        startAt = Math.floor(startAt / DAY_MS) * DAY_MS + Math.round((18 + random() * 4) * 3600_000);
      const transcribed = progress >= 1 - (options.transcribedShare ?? 0.01);
      sessionRows(rows, content, { ...p, startAt: Math.min(startAt, now), progress, transcribed }, random);
      inBatch += p.plan.rounds.length;
      written += p.plan.rounds.length;
      if (inBatch >= batch) {
        insertAll(db, rows);
        rows = emptyRows();
        inBatch = 0;
      }
    });
    if (inBatch > 0) insertAll(db, rows);
    return { sessions: plans.length, rounds: written };
  } finally {
    db.$client.close();
  }
}

/** Session plans from the built-in content until `wanted` rounds: mostly single mocks, some loops and circuits. */
function planHistory(content: LoadedContent, wanted: number, random: () => number) {
  const items = [...content.items.values()].sort((a, b) => a.id.localeCompare(b.id));
  const mocks = items.filter((i) => i.kind === 'mock');
  const loops = items.filter((i) => i.kind === 'loop');
  const circuits = [...content.circuits.values()].sort((a, b) => a.id.localeCompare(b.id));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const plans: { plan: SessionPlan; source: SessionSource }[] = [];
  let total = 0;
  while (total < wanted) {
    const r = random();
    const source: SessionSource =
      r < 0.55
        ? { type: 'item', id: pick(mocks).id }
        : r < 0.85
          ? { type: 'item', id: pick(loops).id }
          : r < 0.93 && circuits.length > 0
            ? { type: 'circuit', id: pick(circuits).id }
            : { type: 'random', category: pick(mocks).category };
    const plan = planSession(content, source, random);
    const rounds = plan.rounds.slice(0, wanted - total);
    plans.push({ plan: { ...plan, rounds }, source });
    total += rounds.length;
  }
  return plans;
}

type Rows = {
  sessions: (typeof sessionsTable.$inferInsert)[];
  rounds: (typeof roundsTable.$inferInsert)[];
  events: (typeof sessionEvents.$inferInsert)[];
  followUps: (typeof followUpsTable.$inferInsert)[];
  recordings: (typeof recordings.$inferInsert)[];
  marks: (typeof reviewMarks.$inferInsert)[];
  reviews: (typeof roundReviews.$inferInsert)[];
  analyses: (typeof roundAnalyses.$inferInsert)[];
} & TranscriptRows;
const emptyRows = (): Rows => ({
  sessions: [],
  rounds: [],
  events: [],
  followUps: [],
  recordings: [],
  marks: [],
  reviews: [],
  analyses: [],
  ...emptyTranscriptRows(),
});

/** Inserts rows in chunks (SQLite caps the variables in one statement). */
function insertAll(db: AppDatabase, rows: Rows): void {
  const chunked = <T>(list: T[], size: number, insert: (chunk: T[]) => void) => {
    for (let i = 0; i < list.length; i += size) insert(list.slice(i, i + size));
  };
  db.transaction((tx) => {
    chunked(rows.sessions, 300, (c) => tx.insert(sessionsTable).values(c).run());
    chunked(rows.rounds, 200, (c) => tx.insert(roundsTable).values(c).run());
    chunked(rows.events, 400, (c) => tx.insert(sessionEvents).values(c).run());
    chunked(rows.followUps, 300, (c) => tx.insert(followUpsTable).values(c).run());
    chunked(rows.recordings, 200, (c) => tx.insert(recordings).values(c).run());
    chunked(rows.marks, 400, (c) => tx.insert(reviewMarks).values(c).run());
    chunked(rows.reviews, 200, (c) => tx.insert(roundReviews).values(c).run());
    chunked(rows.analyses, 200, (c) => tx.insert(roundAnalyses).values(c).run());
    chunked(rows.transcripts, 200, (c) => tx.insert(roundTranscripts).values(c).run());
    chunked(rows.segments, 500, (c) => tx.insert(transcriptSegments).values(c).run());
    chunked(rows.wordMetrics, 200, (c) => tx.insert(roundWordMetrics).values(c).run());
  });
}

/**
 * A v4-shaped UUID from `random`, so a seed gives the same ids every time; the last 12 digits count
 * up, so ids stay unique whatever the quality of the caller's generator.
 */
let idCounter = 0;
function uuid(random: () => number): string {
  let h = '';
  for (let i = 0; i < 20; i++) h += Math.floor(random() * 16).toString(16);
  const v = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const n = (idCounter++).toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${n}`;
}

/**
 * One session's rows, shaped as the services write them: createSession (session, rounds, the
 * session-created event), controlSession (start/end events and status), RecordingService
 * (round-started, the finalized recording), recordEvent (answer-cue), recordFollowUp,
 * markRoundEnded, ReviewService.mark/save/reveal and AnalysisService.recompute (metrics from
 * computeRoundMetrics over the stored segments and the round's timeline).
 */
function sessionRows(
  out: Rows,
  content: LoadedContent,
  s: { plan: SessionPlan; source: SessionSource; startAt: number; progress: number; transcribed: boolean },
  random: () => number,
): void {
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const p = s.progress;
  const mode = modes[Math.floor(random() * modes.length)]!;
  const sessionId = uuid(random);
  out.events.push({ sessionId, type: 'session-created', at: s.startAt });
  out.events.push({ sessionId, type: 'session-start', at: s.startAt + 5000, dataJson: '{"from":"planned"}' });
  let clock = s.startAt + 20_000;
  for (const { answers, ...plan } of s.plan.rounds) {
    const roundId = uuid(random);
    const budgetMs = plan.budgetSeconds * 1000;
    const cueMs = Math.round(between(5000, 16_000));
    const answeringMs = Math.round(budgetMs * between(0.55, 1.3 - 0.25 * p));
    const durationMs = cueMs + answeringMs;
    const startedAt = clock;
    const endedAt = startedAt + durationMs;
    const outcome = random() < 0.03 ? 'skipped' : 'done';
    out.rounds.push({
      id: roundId,
      sessionId,
      index: plan.index,
      planJson: JSON.stringify(plan),
      answersJson: JSON.stringify(answers),
      itemId: plan.itemId,
      itemRound: plan.itemRound,
      category: plan.category,
      questionType: plan.questionType,
      budgetSeconds: plan.budgetSeconds,
      status: outcome,
      startedAt,
      endedAt,
    });
    const files = recordingFiles(sessionId, plan.index, roundId);
    out.recordings.push({
      id: uuid(random),
      roundId,
      file: files.file,
      peaksFile: files.peaksFile,
      mimeType: 'audio/webm;codecs=opus',
      status: 'finalized',
      bytes: Math.round(durationMs * 4),
      chunks: Math.ceil(durationMs / 1000),
      durationMs,
      peaksPerSecond: PEAKS_PER_SECOND,
      startedAt,
      finishedAt: endedAt,
      error: null,
    });
    out.events.push({ sessionId, roundId, type: 'round-started', at: startedAt });
    out.events.push({
      sessionId,
      roundId,
      type: 'answer-cue',
      at: startedAt + cueMs,
      dataJson: JSON.stringify({ ms: cueMs }),
    });
    out.events.push({ sessionId, roundId, type: `round-${outcome}`, at: endedAt });

    // Follow-ups as asked, each spoken for 3–6 s near its planned time.
    const asked: { index: number; text: string; spokenStartMs: number; spokenEndMs: number }[] = [];
    plan.followUps.forEach((f, index) => {
      const startMs = cueMs + Math.round(Math.min(answeringMs * 0.9, f.atSeconds * 1000 * between(0.8, 1.1)));
      if (asked.length && startMs < asked.at(-1)!.spokenEndMs + 5000) return;
      const spokenEndMs = startMs + Math.round(between(3000, 6000));
      asked.push({ index, text: f.text, spokenStartMs: startMs, spokenEndMs });
      out.followUps.push({
        roundId,
        index,
        text: f.text,
        trigger: mode,
        scheduledMs: startMs,
        spokenStartMs: startMs,
        spokenEndMs,
      });
    });
    const thinkMs = Math.round(Math.min(answeringMs * 0.3, (16_000 - 9_000 * p) * between(0.4, 1.6)));
    const segments = speech(random, cueMs + thinkMs, durationMs);

    // Most rounds are reviewed later that evening: marks while listening, then scores and postmortem.
    const marks: { kind: MarkKind; startMs: number; endMs: number | null }[] = [];
    if (random() < 0.9) {
      const reviewedAt = endedAt + Math.round(between(60_000, 3_600_000));
      const after = (lo: number, hi: number) => Math.round(Math.min(durationMs - 1, cueMs + thinkMs + between(lo, hi)));
      if (random() < 0.7) marks.push({ kind: 'core-answer', startMs: after(3000, 40_000 - 20_000 * p), endMs: null });
      if (random() < 0.45) marks.push({ kind: 'assumption', startMs: after(15_000, 90_000), endMs: null });
      if (random() < 0.35)
        marks.push({ kind: 'failure-mode', startMs: after(50_000, Math.max(60_000, answeringMs * 0.8)), endMs: null });
      if (random() < 0.55 - 0.3 * p) {
        const from = after(10_000, Math.max(20_000, answeringMs * 0.7));
        marks.push({
          kind: 'ramble',
          startMs: from,
          endMs: Math.min(durationMs, from + Math.round(between(4000, 45_000 - 25_000 * p))),
        });
      }
      marks.forEach((m, i) => out.marks.push({ id: uuid(random), roundId, ...m, createdAt: reviewedAt + i * 1000 }));
      const base = 2.3 + 1.8 * p + (difficulty[plan.category] ?? 0);
      const score = (x: number) => Math.min(5, Math.max(1, Math.round(x + between(-1, 1))));
      const partly = random() < 0.06;
      const updatedAt = reviewedAt + 120_000;
      out.reviews.push({
        roundId,
        clarity: score(base),
        rigor: partly ? null : score(base - 0.2),
        speed: partly ? null : score(base - (answeringMs > budgetMs ? 0.4 : 0)),
        pointsJson: JSON.stringify(
          answers.expectedPoints.map(() => (random() < 0.5 ? null : random() < 0.7 ? 'covered' : 'missed')),
        ),
        behaviourJson: '{}',
        wentWell: random() < 0.35 ? 'Got to the point quickly.' : '',
        missed: random() < 0.35 ? 'Skipped the edge cases.' : '',
        change: random() < 0.3 ? changeLines[Math.floor(random() * changeLines.length)]! : '',
        revealedAt: random() < 0.5 ? reviewedAt + 30_000 : null,
        scoredAt: partly ? null : updatedAt,
        updatedAt,
      });
    }
    const target = content.questionTypes.get(plan.questionType)?.targetSeconds;
    const metrics = computeRoundMetrics(segments, {
      durationMs,
      answerCueMs: cueMs,
      budgetSeconds: plan.budgetSeconds,
      targetMs: target ? target * 1000 : null,
      followUps: asked,
      marks,
    });
    out.analyses.push({
      roundId,
      status: 'done',
      segmentsJson: JSON.stringify(segments),
      metricsJson: JSON.stringify(metrics),
      durationMs,
      analyzedAt: endedAt + 4000,
      error: null,
    });
    if (s.transcribed)
      transcriptRows(out, { roundId, startedAt, endedAt, answerCueMs: cueMs, speech: segments, followUps: asked });
    clock = endedAt + Math.round(between(20_000, 120_000));
  }
  out.events.push({ sessionId, type: 'session-end', at: clock, dataJson: '{"from":"running"}' });
  out.sessions.push({
    id: sessionId,
    title: s.plan.title,
    sourceJson: JSON.stringify(s.source),
    status: 'ended',
    followUpMode: mode,
    createdAt: s.startAt,
    endedAt: clock,
  });
}

/** mulberry32: a small, fast, deterministic `random` for seedHistory. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
