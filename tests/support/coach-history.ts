/**
 * Hand-made history for the coach's tests: sessions and rounds written row by row into a real
 * database (opened with every migration), with exactly the metrics, scores and postmortems a test names.
 */
import { randomUUID } from 'node:crypto';
import type { AppDatabase } from '../../src/main/services/db/open';
import { recordings, roundAnalyses, roundReviews, rounds, sessions } from '../../src/main/services/db/schema';
import { roundMetrics, type Flag, type RoundMetrics } from '../../src/shared/metrics';

export const DAY = 24 * 3600 * 1000;

export type HandRound = {
  itemId?: string;
  title?: string;
  category?: string;
  questionType?: string;
  startedAt: number;
  thinkTimeMs?: number;
  latencyMs?: number[];
  longPauses?: number;
  overrunMs?: number;
  rambleMs?: number;
  coreAnswerMs?: number;
  flags?: Flag['id'][];
  scores?: { clarity: number | null; rigor: number | null; speed: number | null };
  scoredAt?: number;
  points?: ('covered' | 'missed' | null)[];
  postmortem?: { wentWell?: string; missed?: string; change?: string };
  /** Adds a finalized recording row (no audio file: the services only name it). */
  recorded?: boolean;
  /** No analysis row at all. */
  unanalysed?: boolean;
};

function metricsOf(r: HandRound): RoundMetrics {
  return roundMetrics.parse({
    durationMs: 120_000,
    firstSpeechMs: 5000 + (r.thinkTimeMs ?? 5000),
    talkTimeMs: 60_000,
    speechRatio: 0.6,
    longestRunMs: 20_000,
    pauses: { short: 1, medium: 2, long: r.longPauses ?? 1 },
    thinkTimeMs: r.thinkTimeMs ?? 5000,
    coreAnswerMs: r.coreAnswerMs ?? 30_000,
    followUps: (r.latencyMs ?? []).map((ms, index) => ({ index, responseLatencyMs: ms, answerLengthMs: 10_000 })),
    answeringMs: 110_000,
    overrunMs: r.overrunMs ?? 0,
    rambleMs: r.rambleMs ?? 0,
    phases: { coreAnswerMs: null, assumptionMs: null, failureModeMs: null },
    flags: (r.flags ?? []).map((id) => ({ id, message: id })),
  });
}

/** One session of hand-made rounds; returns the session's and rounds' ids. */
export function addSession(
  db: AppDatabase,
  createdAt: number,
  list: HandRound[],
  title = 'Hand-made loop',
): { sessionId: string; roundIds: string[] } {
  const sessionId = randomUUID();
  db.insert(sessions)
    .values({
      id: sessionId,
      title,
      sourceJson: '{"type":"item","id":"x"}',
      status: 'ended',
      createdAt,
      endedAt: createdAt,
    })
    .run();
  const roundIds = list.map((r, index) => {
    const id = randomUUID();
    const itemId = r.itemId ?? `item-${index}`;
    const plan = {
      index,
      itemId,
      itemRound: 0,
      itemTitle: r.title ?? `Question ${itemId}`,
      category: r.category ?? 'Theory',
      questionType: r.questionType ?? 'theory',
      prompt: `Prompt of ${itemId}`,
      budgetSeconds: 120,
      followUps: [],
    };
    db.insert(rounds)
      .values({
        id,
        sessionId,
        index,
        planJson: JSON.stringify(plan),
        answersJson: JSON.stringify({
          expectedPoints: (r.points ?? []).map((_, i) => `point ${i}`),
          referenceAnswer: null,
        }),
        itemId,
        itemRound: 0,
        category: plan.category,
        questionType: plan.questionType,
        budgetSeconds: 120,
        status: 'done',
        startedAt: r.startedAt,
        endedAt: r.startedAt + 120_000,
      })
      .run();
    if (!r.unanalysed) {
      const metrics = metricsOf(r);
      db.insert(roundAnalyses)
        .values({
          roundId: id,
          status: 'done',
          segmentsJson: '[]',
          metricsJson: JSON.stringify(metrics),
          durationMs: metrics.durationMs,
          analyzedAt: r.startedAt,
        })
        .run();
    }
    if (r.scores || r.postmortem || r.points) {
      const s = r.scores ?? { clarity: null, rigor: null, speed: null };
      const full = s.clarity !== null && s.rigor !== null && s.speed !== null;
      db.insert(roundReviews)
        .values({
          roundId: id,
          ...s,
          pointsJson: JSON.stringify(r.points ?? []),
          wentWell: r.postmortem?.wentWell ?? '',
          missed: r.postmortem?.missed ?? '',
          change: r.postmortem?.change ?? '',
          scoredAt: full ? (r.scoredAt ?? r.startedAt + 600_000) : null,
          updatedAt: r.scoredAt ?? r.startedAt + 600_000,
        })
        .run();
    }
    if (r.recorded) {
      db.insert(recordings)
        .values({
          id: randomUUID(),
          roundId: id,
          file: `recordings/${sessionId}/${id}.webm`,
          peaksFile: `recordings/${sessionId}/${id}.peaks`,
          mimeType: 'audio/webm',
          status: 'finalized',
          bytes: 1000,
          chunks: 1,
          durationMs: 120_000,
          peaksPerSecond: 50,
          startedAt: r.startedAt,
          finishedAt: r.startedAt + 120_000,
        })
        .run();
    }
    return id;
  });
  return { sessionId, roundIds };
}
