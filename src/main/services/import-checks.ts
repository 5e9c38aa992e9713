/**
 * What an export's schema cannot see, checked before an import writes anything: ids unique within
 * the bundle and not already used by another session of the data folder, and transcripts on their
 * recording's timeline, follow-up decisions that fit their round. Each refusal names the id or the
 * place in the file.
 */
import { inArray } from 'drizzle-orm';
import type { ExportFile } from '../../shared/export';
import type { AppDatabase } from './db/open';
import { recordings, reviewMarks, rounds } from './db/schema';
import { decisionProblem } from './sessions/follow-up-decisions';

/** The export was refused: the message names what was wrong. Nothing was changed. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

type IdKind = 'session' | 'round' | 'recording' | 'mark';
type IdUse = { kind: IdKind; id: string; where: string; sessionId: string };

/** Every id the export's sessions carry, with where it is in the file. */
function idUses(file: ExportFile): IdUse[] {
  const uses: IdUse[] = [];
  file.sessions.forEach((s, si) => {
    const use = (kind: IdKind, id: string, where: string) => uses.push({ kind, id, where, sessionId: s.id });
    use('session', s.id, `sessions.${si}`);
    s.rounds.forEach((r, ri) => {
      const where = `sessions.${si}.rounds.${ri}`;
      use('round', r.id, where);
      if (r.recording) use('recording', r.recording.id, `${where}.recording`);
      r.marks.forEach((m, mi) => use('mark', m.id, `${where}.marks.${mi}`));
    });
  });
  return uses;
}

/**
 * Ids are canonical (lower case) once parsed, and so is every id this app stores (migration 0014
 * lower-cased any an older import had written), so comparing them is comparing case-insensitively.
 * Refuses an id used twice within the bundle, or — in a session not already present — one the data
 * folder already holds: a row under a second session would otherwise be written, and its recording
 * placed on the path of the one already there.
 */
export function checkIds(db: AppDatabase, file: ExportFile, freshSessions: ReadonlySet<string>): void {
  const uses = idUses(file);
  const seen = new Map<string, IdUse>();
  for (const use of uses) {
    const key = `${use.kind} ${use.id}`;
    const first = seen.get(key);
    if (first)
      throw new ImportRefusedError(
        `Not a Loop Coach export: the ${use.kind} id ${use.id} is used twice (${first.where} and ${use.where}); ` +
          'each id names one thing.',
      );
    seen.set(key, use);
  }
  // A fresh session's own id is absent by definition; its rounds, recording and marks are checked.
  const tables = { round: rounds, recording: recordings, mark: reviewMarks } as const;
  for (const kind of ['round', 'recording', 'mark'] as const) {
    const ofKind = uses.filter((u) => u.kind === kind && freshSessions.has(u.sessionId));
    for (let i = 0; i < ofKind.length; i += 500) {
      const batch = ofKind.slice(i, i + 500);
      const table = tables[kind];
      const taken = db
        .select({ id: table.id })
        .from(table)
        .where(
          inArray(
            table.id,
            batch.map((u) => u.id),
          ),
        )
        .all();
      if (taken.length) {
        const use = batch.find((u) => u.id === taken[0]!.id)!;
        throw new ImportRefusedError(
          `The export's ${kind} ${use.id} (${use.where}) is already in this data folder under another session; ` +
            'nothing was imported.',
        );
      }
    }
  }
}

/** Slack for a transcript's last segment past the recording's stored length (encoder rounding). */
const TRANSCRIPT_SLACK_MS = 2000;

/**
 * What the schema cannot see: a transcript belongs to a round's recording and lies on its timeline.
 * Refuses naming the round, before anything is written.
 */
export function checkTranscripts(file: ExportFile): void {
  file.sessions.forEach((s, si) =>
    s.rounds.forEach((r, ri) => {
      if (!r.transcript) return;
      const where = `sessions.${si}.rounds.${ri}.transcript`;
      if (!r.recording)
        throw new ImportRefusedError(
          `Not a Loop Coach export: ${where}: a round without a recording has no transcript.`,
        );
      const limit = r.recording.durationMs;
      if (limit === null) return;
      const late = r.transcript.segments.findIndex(
        (seg) =>
          seg.endMs > limit + TRANSCRIPT_SLACK_MS || seg.words.some((w) => w.endMs > limit + TRANSCRIPT_SLACK_MS),
      );
      if (late >= 0)
        throw new ImportRefusedError(
          `Not a Loop Coach export: ${where}.segments.${late}: ends after the recording (${limit} ms long).`,
        );
    }),
  );
}

/**
 * What the schema cannot see in a round's follow-up decisions: the round began, the planned follow-up
 * and the probed points exist, and no decision is there twice (the store keeps one per follow-up and
 * moment). Refuses naming where it is, before anything is written.
 */
export function checkDecisions(file: ExportFile): void {
  file.sessions.forEach((s, si) =>
    s.rounds.forEach((r, ri) => {
      const seen = new Set<string>();
      r.followUpDecisions.forEach((d, di) => {
        const where = `sessions.${si}.rounds.${ri}.followUpDecisions.${di}`;
        const problem =
          r.status === 'pending'
            ? 'a round that never began has no follow-up decisions.'
            : decisionProblem(d, r.plan, r.answers ? r.answers.expectedPoints.length : null);
        if (problem) throw new ImportRefusedError(`Not a Loop Coach export: ${where}: ${problem}`);
        const key = JSON.stringify([d.atMs, d.planIndex, d.text]);
        if (seen.has(key))
          throw new ImportRefusedError(
            `Not a Loop Coach export: ${where}: a second decision on "${d.text}" at ${d.atMs} ms; each is stored once.`,
          );
        seen.add(key);
      });
    }),
  );
}
