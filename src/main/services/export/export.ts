/**
 * Export of everything the user has recorded and written: the JSON document (src/shared/export.ts),
 * an export bundle (that document plus the audio, in one folder) and a readable Markdown report.
 * Import is in ../import.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq, isNotNull } from 'drizzle-orm';
import {
  pointVerdict,
  roundAnswers,
  roundPlan,
  sessionSource,
  type ParsedInput,
  type RequestOutput,
} from '../../../shared/contract';
import {
  bundleFiles,
  EXPORT_JSON,
  EXPORT_VERSION,
  exportFile,
  type ExportFile,
  type ExportedRound,
  type ExportedTranscript,
} from '../../../shared/export';
import { transcriptSegment } from '../../../shared/transcript';
import { roundMetrics, segment } from '../../../shared/metrics';
import { exportCoach } from '../coach/export';
import type { AppDatabase } from '../db/open';
import {
  followUps,
  itemSchedule,
  recordings,
  reviewMarks,
  roundAnalyses,
  roundReviews,
  rounds,
  roundTranscripts,
  sessionEvents,
  sessions,
} from '../db/schema';
import { insideRoot } from '../infra/paths';
import { decisionsByRound } from '../sessions/follow-up-decisions';
import { copyPrivate, makePrivateDir, writePrivate } from '../infra/private-files';
import { roundTitle } from '../../../shared/round-title';

const parse = (json: string | null) => (json ? (JSON.parse(json) as unknown) : null);

/** Which of a recording's files an export carries (none, for the in-app download). */
export type BundledFiles = (recordingId: string) => { audio: boolean; peaks: boolean };
const noFiles: BundledFiles = () => ({ audio: false, peaks: false });

export function buildExport(db: AppDatabase, appVersion: string, now: number, bundled = noFiles): ExportFile {
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
  // Only saved segments travel: pending/running/failed are this machine's engine state, not data.
  const transcriptByRound = new Map(
    db
      .select()
      .from(roundTranscripts)
      .where(isNotNull(roundTranscripts.segmentsJson))
      .all()
      .map((t): [string, ExportedTranscript] => [
        t.roundId,
        {
          modelId: t.modelId,
          createdAt: t.createdAt,
          segments: transcriptSegment.array().parse(JSON.parse(t.segmentsJson!)),
        },
      ]),
  );
  const decisions = decisionsByRound(db);
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
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    appVersion,
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
          const files = rec ? bundled(rec.id) : null;
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
                  mimeType: rec.mimeType,
                  status: rec.status,
                  bytes: rec.bytes,
                  durationMs: rec.durationMs,
                  peaksPerSecond: rec.peaksPerSecond,
                  startedAt: rec.startedAt,
                  finishedAt: rec.finishedAt,
                  error: rec.error,
                  audioFile: files?.audio ? bundleFiles(rec.id).audioFile : null,
                  peaksFile: files?.peaks ? bundleFiles(rec.id).peaksFile : null,
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
            transcript: transcriptByRound.get(r.id) ?? null,
            followUpDecisions: decisions.get(r.id) ?? [],
          };
        }),
    })),
    schedule: db.select().from(itemSchedule).orderBy(asc(itemSchedule.itemId)).all(),
    coach: exportCoach(db),
  };
  // The format is a contract too: never write a file our own import would refuse.
  return exportFile.parse(file);
}

/** A regular file (not a link, not a folder) at this path, or null. */
function regularFile(full: string | null): string | null {
  if (!full) return null;
  try {
    return fs.lstatSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

/**
 * Writes an export bundle: `outDir/recordings/<recording id>.webm` and `.peaks` for every recording
 * whose files are in the data folder, then `outDir/export.json` last, so a bundle that has its
 * export.json is complete. `outDir` must not exist yet, or be empty.
 */
export function writeExportBundle(
  db: AppDatabase,
  dataDir: string,
  outDir: string,
  appVersion: string,
  now: number,
): { file: ExportFile; recordings: number } {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0)
    throw new Error(`${outDir} is not empty: an export goes into a new (or empty) folder.`);
  // The bundle holds every answer: private like the data folder (0700 folders, 0600 files).
  makePrivateDir(outDir);
  makePrivateDir(path.join(outDir, 'recordings'));
  const copied = new Map<string, { audio: boolean; peaks: boolean }>();
  for (const rec of db.select().from(recordings).all()) {
    // Only the data folder's own recordings/ is read, and never a file still being written (.part).
    const audio = regularFile(insideRoot(path.join(dataDir, 'recordings'), rec.file.replace(/^recordings\//, '')));
    const peaks = regularFile(insideRoot(path.join(dataDir, 'recordings'), rec.peaksFile.replace(/^recordings\//, '')));
    const names = bundleFiles(rec.id);
    if (audio) copyPrivate(audio, path.join(outDir, names.audioFile));
    if (audio && peaks) copyPrivate(peaks, path.join(outDir, names.peaksFile));
    copied.set(rec.id, { audio: audio !== null, peaks: audio !== null && peaks !== null });
  }
  const file = buildExport(db, appVersion, now, (id) => copied.get(id) ?? { audio: false, peaks: false });
  writePrivate(path.join(outDir, EXPORT_JSON), `${JSON.stringify(file, null, 2)}\n`);
  return { file, recordings: [...copied.values()].filter((c) => c.audio).length };
}

const s = (ms: number | null | undefined) => (ms == null ? '—' : `${Math.round(ms / 1000)} s`);

/** The in-app download: everything as JSON or as the Markdown report, named by the export's date. */
export function exportDownload(
  db: AppDatabase,
  appVersion: string,
  now: number,
  format: ParsedInput<'export:create'>['format'],
): RequestOutput<'export:create'> {
  const file = buildExport(db, appVersion, now);
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
}

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
    for (const r of session.rounds) {
      if (!r.transcript) continue;
      const spoken = r.transcript.segments.filter((seg) => seg.text.trim());
      lines.push(`**Round ${r.index + 1} transcript** (times on the recording)`, '');
      if (spoken.length === 0) lines.push('_No words were heard._');
      spoken.forEach((seg, i) => {
        if (i > 0) lines.push('>');
        lines.push(`> [${clock(seg.startMs)}] ${escapeMarkdown(seg.text)}`);
      });
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Spoken text on one line, with anything Markdown would read as markup escaped. */
function escapeMarkdown(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
