/**
 * Export of everything the user has recorded and written, as one JSON document (src/shared/export.ts),
 * a readable Markdown report, and import of such a file into another data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { pointVerdict, roundAnswers, roundPlan, sessionSource } from '../../shared/contract';
import { exportFile, type ExportFile, type ExportedRound } from '../../shared/export';
import { roundMetrics, segment } from '../../shared/metrics';
import type { AppDatabase } from './db/open';
import {
  followUps,
  recordings,
  reviewMarks,
  roundAnalyses,
  roundReviews,
  rounds,
  sessionEvents,
  sessions,
} from './db/schema';
import { insideRoot } from './paths';
import { roundTitle } from '../../shared/round-title';

const parse = (json: string | null) => (json ? (JSON.parse(json) as unknown) : null);

export function buildExport(db: AppDatabase, dataDir: string, appVersion: string, now: number): ExportFile {
  const sessionRows = db.select().from(sessions).orderBy(asc(sessions.createdAt)).all();
  const byRound = <T extends { roundId: string | null }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) if (r.roundId) map.set(r.roundId, [...(map.get(r.roundId) ?? []), r]);
    return map;
  };
  const recordingByRound = new Map(
    db
      .select()
      .from(recordings)
      .all()
      .map((r) => [r.roundId, r]),
  );
  const analysisByRound = new Map(
    db
      .select()
      .from(roundAnalyses)
      .all()
      .map((r) => [r.roundId, r]),
  );
  const reviewByRound = new Map(
    db
      .select()
      .from(roundReviews)
      .all()
      .map((r) => [r.roundId, r]),
  );
  const followUpsByRound = byRound(db.select().from(followUps).orderBy(asc(followUps.index)).all());
  const marksByRound = byRound(db.select().from(reviewMarks).orderBy(asc(reviewMarks.startMs)).all());
  const eventRows = db.select().from(sessionEvents).orderBy(asc(sessionEvents.id)).all();
  const eventsByRound = byRound(eventRows);
  const toEvent = (e: (typeof eventRows)[number]) => ({
    type: e.type,
    at: e.at,
    data: (parse(e.dataJson) ?? {}) as Record<string, unknown>,
  });

  const file: ExportFile = {
    format: 'loop-coach-export',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    appVersion,
    dataDir,
    sessions: sessionRows.map((s) => ({
      id: s.id,
      title: s.title,
      source: sessionSource.parse(JSON.parse(s.sourceJson)),
      status: s.status,
      followUpMode: s.followUpMode,
      createdAt: s.createdAt,
      endedAt: s.endedAt,
      events: eventRows.filter((e) => e.sessionId === s.id && e.roundId === null).map(toEvent),
      rounds: db
        .select()
        .from(rounds)
        .where(eq(rounds.sessionId, s.id))
        .orderBy(asc(rounds.index))
        .all()
        .map((r): ExportedRound => {
          const rec = recordingByRound.get(r.id);
          const analysis = analysisByRound.get(r.id);
          const review = reviewByRound.get(r.id);
          return {
            id: r.id,
            index: r.index,
            plan: roundPlan.parse(JSON.parse(r.planJson)),
            answers: r.answersJson ? roundAnswers.parse(JSON.parse(r.answersJson)) : null,
            status: r.status,
            startedAt: r.startedAt,
            endedAt: r.endedAt,
            recording: rec
              ? {
                  id: rec.id,
                  file: rec.file,
                  peaksFile: rec.peaksFile,
                  absolutePath: path.join(dataDir, rec.file),
                  mimeType: rec.mimeType,
                  status: rec.status,
                  bytes: rec.bytes,
                  durationMs: rec.durationMs,
                  peaksPerSecond: rec.peaksPerSecond,
                  startedAt: rec.startedAt,
                  finishedAt: rec.finishedAt,
                  error: rec.error,
                }
              : null,
            followUps: (followUpsByRound.get(r.id) ?? []).map((f) => ({
              index: f.index,
              text: f.text,
              trigger: f.trigger,
              scheduledMs: f.scheduledMs,
              spokenStartMs: f.spokenStartMs,
              spokenEndMs: f.spokenEndMs,
            })),
            events: (eventsByRound.get(r.id) ?? []).map(toEvent),
            analysis: analysis
              ? {
                  status: analysis.status,
                  segments: segment.array().parse(parse(analysis.segmentsJson) ?? []),
                  metrics: analysis.metricsJson ? roundMetrics.parse(JSON.parse(analysis.metricsJson)) : null,
                  durationMs: analysis.durationMs,
                  analyzedAt: analysis.analyzedAt,
                }
              : null,
            review: review
              ? {
                  scores: { clarity: review.clarity, rigor: review.rigor, speed: review.speed },
                  points: pointVerdict.nullable().array().parse(JSON.parse(review.pointsJson)),
                  behaviour: JSON.parse(review.behaviourJson) as Record<string, boolean>,
                  postmortem: { wentWell: review.wentWell, missed: review.missed, change: review.change },
                  revealedAt: review.revealedAt,
                  scoredAt: review.scoredAt,
                  updatedAt: review.updatedAt,
                }
              : null,
            marks: (marksByRound.get(r.id) ?? []).map((m) => ({
              id: m.id,
              kind: m.kind,
              startMs: m.startMs,
              endMs: m.endMs,
              createdAt: m.createdAt,
            })),
          };
        }),
    })),
  };
  // The format is a contract too: never write a file our own import would refuse.
  return exportFile.parse(file);
}

export type ImportResult = { sessions: number; skipped: number; recordingsCopied: number; recordingsMissing: number };

/** Adds every session of `file` not already present (by id); copies recordings that still exist. */
export function importExport(db: AppDatabase, dataDir: string, raw: unknown): ImportResult {
  const parsed = exportFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Not a Loop Coach export: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const result: ImportResult = { sessions: 0, skipped: 0, recordingsCopied: 0, recordingsMissing: 0 };
  const copies: { from: string; to: string }[] = [];
  db.transaction((tx) => {
    for (const s of parsed.data.sessions) {
      if (tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, s.id)).get()) {
        result.skipped++;
        continue;
      }
      result.sessions++;
      tx.insert(sessions)
        .values({
          id: s.id,
          title: s.title,
          sourceJson: JSON.stringify(s.source),
          status: s.status,
          followUpMode: s.followUpMode,
          createdAt: s.createdAt,
          endedAt: s.endedAt,
        })
        .run();
      for (const e of s.events)
        tx.insert(sessionEvents)
          .values({ sessionId: s.id, type: e.type, at: e.at, dataJson: JSON.stringify(e.data) })
          .run();
      for (const r of s.rounds) {
        tx.insert(rounds)
          .values({
            id: r.id,
            sessionId: s.id,
            index: r.index,
            planJson: JSON.stringify(r.plan),
            answersJson: r.answers ? JSON.stringify(r.answers) : null,
            itemId: r.plan.itemId,
            itemRound: r.plan.itemRound,
            category: r.plan.category,
            questionType: r.plan.questionType,
            budgetSeconds: r.plan.budgetSeconds,
            status: r.status,
            startedAt: r.startedAt,
            endedAt: r.endedAt,
          })
          .run();
        for (const e of r.events)
          tx.insert(sessionEvents)
            .values({ sessionId: s.id, roundId: r.id, type: e.type, at: e.at, dataJson: JSON.stringify(e.data) })
            .run();
        for (const f of r.followUps)
          tx.insert(followUps)
            .values({ roundId: r.id, ...f })
            .run();
        for (const m of r.marks)
          tx.insert(reviewMarks)
            .values({ roundId: r.id, ...m })
            .run();
        if (r.recording) {
          const { absolutePath, ...rec } = r.recording;
          const target = insideRoot(dataDir, rec.file);
          const peaksTarget = insideRoot(dataDir, rec.peaksFile);
          if (!target || !peaksTarget || !rec.file.startsWith('recordings/'))
            throw new Error(`Refusing a recording path outside recordings/: ${rec.file}`);
          tx.insert(recordings)
            .values({ ...rec, roundId: r.id })
            .run();
          if (fs.existsSync(absolutePath)) {
            copies.push({ from: absolutePath, to: target });
            const peaksFrom = path.join(path.dirname(absolutePath), path.basename(rec.peaksFile));
            if (fs.existsSync(peaksFrom)) copies.push({ from: peaksFrom, to: peaksTarget });
            result.recordingsCopied++;
          } else result.recordingsMissing++;
        }
        if (r.analysis) {
          tx.insert(roundAnalyses)
            .values({
              roundId: r.id,
              status: r.analysis.status,
              segmentsJson: JSON.stringify(r.analysis.segments),
              metricsJson: r.analysis.metrics ? JSON.stringify(r.analysis.metrics) : null,
              durationMs: r.analysis.durationMs,
              analyzedAt: r.analysis.analyzedAt,
            })
            .run();
        }
        if (r.review) {
          tx.insert(roundReviews)
            .values({
              roundId: r.id,
              ...r.review.scores,
              pointsJson: JSON.stringify(r.review.points),
              behaviourJson: JSON.stringify(r.review.behaviour),
              ...r.review.postmortem,
              revealedAt: r.review.revealedAt,
              scoredAt: r.review.scoredAt,
              updatedAt: r.review.updatedAt,
            })
            .run();
        }
      }
    }
  });
  for (const { from, to } of copies) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (!fs.existsSync(to)) fs.copyFileSync(from, to);
  }
  return result;
}

const s = (ms: number | null | undefined) => (ms == null ? '—' : `${Math.round(ms / 1000)} s`);

export function markdownReport(file: ExportFile): string {
  const lines = [`# Loop Coach report`, '', `Exported ${file.exportedAt} · ${file.sessions.length} sessions`, ''];
  for (const session of [...file.sessions].reverse()) {
    lines.push(
      `## ${session.title}`,
      '',
      `${new Date(session.createdAt).toISOString().slice(0, 16).replace('T', ' ')} · ${session.status}`,
      '',
    );
    lines.push(
      '| # | round | duration | think | talk | overrun | clarity | rigor | speed |',
      '| - | - | - | - | - | - | - | - | - |',
    );
    for (const r of session.rounds) {
      const m = r.analysis?.metrics;
      const sc = r.review?.scores;
      const title = roundTitle(r.plan).replace(/\|/g, '\\|');
      lines.push(
        `| ${r.index + 1} | ${title} | ${s(r.recording?.durationMs)} | ${s(m?.thinkTimeMs)} | ${s(m?.talkTimeMs)} | ${s(m?.overrunMs)} | ${sc?.clarity ?? '—'} | ${sc?.rigor ?? '—'} | ${sc?.speed ?? '—'} |`,
      );
    }
    lines.push('');
    for (const r of session.rounds) {
      const pm = r.review?.postmortem;
      if (!pm || (!pm.wentWell && !pm.missed && !pm.change)) continue;
      lines.push(
        `**Round ${r.index + 1} postmortem**`,
        '',
        `- Went well: ${pm.wentWell || '—'}`,
        `- Missed: ${pm.missed || '—'}`,
        `- Next time: ${pm.change || '—'}`,
        '',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
