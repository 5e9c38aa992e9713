/** The rows of one imported session, written inside the import's transaction (src/main/services/import.ts). */
import type { ExportFile } from '../../shared/export';
import type { AppDatabase } from './db/open';
import {
  followUps,
  recordings,
  reviewMarks,
  roundAnalyses,
  roundReviews,
  rounds,
  roundTranscripts,
  sessionEvents,
  sessions,
  transcriptSegments,
} from './db/schema';
import { recordingFiles } from './recording/paths';
import { insertDecision } from './sessions/follow-up-decisions';

type Tx = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];

export function insertSession(tx: Tx, s: ExportFile['sessions'][number]): void {
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
    for (const d of r.followUpDecisions) insertDecision(tx, r.id, d);
    for (const m of r.marks)
      tx.insert(reviewMarks)
        .values({ roundId: r.id, ...m })
        .run();
    if (r.recording) {
      const { audioFile: _audio, peaksFile: _peaks, ...rec } = r.recording;
      // Where this app puts a round's recording, from the validated ids: never a path from the file.
      tx.insert(recordings)
        .values({ ...rec, ...recordingFiles(s.id, r.index, r.id), roundId: r.id })
        .run();
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
    if (r.transcript) {
      const text = r.transcript.segments.map((seg) => seg.text.trim()).filter(Boolean);
      tx.insert(roundTranscripts)
        .values({
          roundId: r.id,
          modelId: r.transcript.modelId,
          status: 'done',
          segmentsJson: JSON.stringify(r.transcript.segments),
          wordCount: text.reduce((n, t) => n + t.split(/\s+/).length, 0),
          createdAt: r.transcript.createdAt,
          updatedAt: r.transcript.createdAt,
        })
        .run();
      // Its rows feed the search index (triggers keep the FTS table in step), as TranscriptStore.save does.
      for (const seg of r.transcript.segments)
        if (seg.text.trim())
          tx.insert(transcriptSegments)
            .values({ roundId: r.id, startMs: seg.startMs, endMs: seg.endMs, text: seg.text })
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
