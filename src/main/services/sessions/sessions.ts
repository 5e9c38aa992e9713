/** Sessions, rounds, follow-ups and events in SQLite. The plan is frozen into the rows at start. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  roundPlan,
  sessionSource,
  type AskedFollowUp,
  type FollowUpMode,
  type ParsedInput,
  type RequestInput,
  type RoundView,
  type SessionSource,
  type SessionView,
  type UnfinishedSession,
} from '../../../shared/contract';
import type { SessionPlan } from '../content/plan';
import type { AppDatabase } from '../db/open';
import { followUps, recordings, rounds, sessionEvents, sessions } from '../db/schema';
import { ConflictError, NotFoundError } from '../infra/errors';
import { afterCursor, newestFirst, toPage } from '../infra/paging';
import { recordingView } from '../recording/recordings';

export function createSession(
  db: AppDatabase,
  plan: SessionPlan,
  source: SessionSource,
  followUpMode: FollowUpMode,
  now: number,
): SessionView {
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(sessions)
      .values({
        id,
        title: plan.title,
        sourceJson: JSON.stringify(source),
        status: 'planned',
        followUpMode,
        createdAt: now,
      })
      .run();
    for (const { answers, ...round } of plan.rounds) {
      tx.insert(rounds)
        .values({
          id: randomUUID(),
          sessionId: id,
          index: round.index,
          planJson: JSON.stringify(round),
          answersJson: JSON.stringify(answers),
          itemId: round.itemId,
          itemRound: round.itemRound,
          category: round.category,
          questionType: round.questionType,
          budgetSeconds: round.budgetSeconds,
          status: 'pending',
        })
        .run();
    }
    tx.insert(sessionEvents).values({ sessionId: id, type: 'session-created', at: now }).run();
  });
  return getSession(db, id);
}

export function roundViews(db: AppDatabase, sessionId: string): RoundView[] {
  const roundRows = db.select().from(rounds).where(eq(rounds.sessionId, sessionId)).orderBy(rounds.index).all();
  if (roundRows.length === 0) return [];
  const ids = roundRows.map((r) => r.id);
  const recordingRows = db.select().from(recordings).where(inArray(recordings.roundId, ids)).all();
  const followUpRows = db
    .select()
    .from(followUps)
    .where(inArray(followUps.roundId, ids))
    .orderBy(asc(followUps.index))
    .all();
  return roundRows.map((r) => {
    const recording = recordingRows.find((rec) => rec.roundId === r.id);
    return {
      ...roundPlan.parse(JSON.parse(r.planJson)),
      id: r.id,
      status: r.status,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      recording: recording ? recordingView(recording) : null,
      askedFollowUps: followUpRows.filter((f) => f.roundId === r.id).map(askedFollowUpView),
    };
  });
}

function askedFollowUpView(row: typeof followUps.$inferSelect): AskedFollowUp {
  return {
    index: row.index,
    text: row.text,
    trigger: row.trigger,
    scheduledMs: row.scheduledMs,
    spokenStartMs: row.spokenStartMs,
    spokenEndMs: row.spokenEndMs,
  };
}

export function getSession(db: AppDatabase, id: string): SessionView {
  const row = db.select().from(sessions).where(eq(sessions.id, id)).get();
  if (!row) throw new NotFoundError(`No session has the id "${id}".`);
  return {
    id: row.id,
    title: row.title,
    source: sessionSource.parse(JSON.parse(row.sourceJson)),
    status: row.status,
    followUpMode: row.followUpMode,
    createdAt: row.createdAt,
    endedAt: row.endedAt,
    rounds: roundViews(db, id),
  };
}

/** Session history, newest first by (creation time, id), one page at a time. */
export function listSessions(db: AppDatabase, { limit, after }: ParsedInput<'session:list'>) {
  const rows = db
    .select({
      id: sessions.id,
      title: sessions.title,
      status: sessions.status,
      createdAt: sessions.createdAt,
      // Qualified by hand: drizzle renders columns unqualified inside a raw subquery.
      roundCount: sql<number>`(SELECT COUNT(*) FROM rounds r WHERE r.session_id = "sessions"."id")`,
    })
    .from(sessions)
    .where(afterCursor(sessions.createdAt, sessions.id, after))
    .orderBy(...newestFirst(sessions.createdAt, sessions.id))
    .limit(limit + 1)
    .all();
  return toPage(
    rows,
    limit,
    (r) => ({ at: r.createdAt, id: r.id }),
    (r) => r,
  );
}

type ControlInput = RequestInput<'session:control'>;
const transitions: Record<ControlInput['action'], { from: SessionView['status'][]; to: SessionView['status'] }> = {
  start: { from: ['planned', 'running'], to: 'running' },
  pause: { from: ['running', 'paused'], to: 'paused' },
  resume: { from: ['paused', 'running'], to: 'running' },
  end: { from: ['planned', 'running', 'paused', 'ended'], to: 'ended' },
  abandon: { from: ['planned', 'running', 'paused', 'abandoned'], to: 'abandoned' },
};

/** Moves a session through its states; repeating an action is harmless (double clicks). */
export function controlSession(db: AppDatabase, input: ControlInput, now: number): void {
  const row = db.select().from(sessions).where(eq(sessions.id, input.sessionId)).get();
  if (!row) throw new NotFoundError(`No session has the id "${input.sessionId}".`);
  const rule = transitions[input.action];
  if (!rule.from.includes(row.status)) {
    throw new ConflictError(`Cannot ${input.action} a session that is ${row.status}.`);
  }
  db.transaction((tx) => {
    const ending = rule.to === 'ended' || rule.to === 'abandoned';
    tx.update(sessions)
      .set({
        status: rule.to,
        ...(input.followUpMode ? { followUpMode: input.followUpMode } : {}),
        ...(ending && row.endedAt === null ? { endedAt: now } : {}),
      })
      .where(eq(sessions.id, row.id))
      .run();
    if (row.status !== rule.to) {
      tx.insert(sessionEvents)
        .values({
          sessionId: row.id,
          type: `session-${input.action}`,
          at: now,
          dataJson: JSON.stringify({ from: row.status }),
        })
        .run();
    }
  });
}

export function markRoundEnded(db: AppDatabase, roundId: string, outcome: 'done' | 'skipped', now: number): string {
  const round = db.select().from(rounds).where(eq(rounds.id, roundId)).get();
  if (!round) throw new NotFoundError(`No round has the id "${roundId}".`);
  if (round.status === 'done' || round.status === 'skipped' || round.status === 'recovered') return round.sessionId;
  db.transaction((tx) => {
    tx.update(rounds)
      .set({ status: outcome, endedAt: now, startedAt: round.startedAt ?? now })
      .where(eq(rounds.id, roundId))
      .run();
    tx.insert(sessionEvents)
      .values({ sessionId: round.sessionId, roundId, type: `round-${outcome}`, at: now })
      .run();
  });
  return round.sessionId;
}

/**
 * Ending or abandoning a session mid-round keeps what was recorded: each recording still being written
 * is finished (by `finishRecording`, which also queues its analysis) and each running round ends done.
 */
export async function closeOpenRounds(
  db: AppDatabase,
  sessionId: string,
  now: () => number,
  finishRecording: (recordingId: string, roundId: string) => Promise<void>,
): Promise<void> {
  for (const round of getSession(db, sessionId).rounds) {
    if (round.recording?.status === 'recording') await finishRecording(round.recording.id, round.id);
    if (round.status === 'running') markRoundEnded(db, round.id, 'done', now());
  }
}

export function roundView(db: AppDatabase, roundId: string): RoundView {
  const round = db.select().from(rounds).where(eq(rounds.id, roundId)).get();
  if (!round) throw new NotFoundError(`No round has the id "${roundId}".`);
  return roundViews(db, round.sessionId).find((r) => r.id === roundId)!;
}

export function recordEvent(db: AppDatabase, input: RequestInput<'session:event'>, now: number): { at: number } {
  const session = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, input.sessionId)).get();
  if (!session) throw new NotFoundError(`No session has the id "${input.sessionId}".`);
  if (input.roundId) {
    const round = db
      .select({ id: rounds.id })
      .from(rounds)
      .where(and(eq(rounds.id, input.roundId), eq(rounds.sessionId, input.sessionId)))
      .get();
    if (!round) throw new NotFoundError('That round is not part of this session.');
  }
  db.insert(sessionEvents)
    .values({
      sessionId: input.sessionId,
      roundId: input.roundId ?? null,
      type: input.type,
      at: now,
      dataJson: JSON.stringify(input.data ?? {}),
    })
    .run();
  return { at: now };
}

/** Stores (or updates, as speaking ends) one asked follow-up. Ad-hoc ones get the next free index. */
export function recordFollowUp(db: AppDatabase, input: RequestInput<'followup:record'>): AskedFollowUp {
  const round = db.select().from(rounds).where(eq(rounds.id, input.roundId)).get();
  if (!round) throw new NotFoundError(`No round has the id "${input.roundId}".`);
  const plan = roundPlan.parse(JSON.parse(round.planJson));
  return db.transaction((tx) => {
    let index = input.index;
    if (index === undefined) {
      const max = tx
        .select({ max: sql<number | null>`MAX(${followUps.index})` })
        .from(followUps)
        .where(eq(followUps.roundId, round.id))
        .get();
      index = Math.max(plan.followUps.length, (max?.max ?? -1) + 1);
    } else if (index >= plan.followUps.length && input.trigger !== 'adhoc') {
      throw new NotFoundError(`Round ${round.index + 1} has no follow-up ${index + 1}.`);
    }
    const values = {
      roundId: round.id,
      index,
      text: input.text,
      trigger: input.trigger,
      scheduledMs: input.scheduledMs,
      spokenStartMs: input.spokenStartMs,
      spokenEndMs: input.spokenEndMs,
    };
    tx.insert(followUps)
      .values(values)
      .onConflictDoUpdate({
        target: [followUps.roundId, followUps.index],
        set: {
          text: values.text,
          trigger: values.trigger,
          scheduledMs: values.scheduledMs,
          spokenStartMs: values.spokenStartMs,
          spokenEndMs: values.spokenEndMs,
        },
      })
      .run();
    const row = tx
      .select()
      .from(followUps)
      .where(and(eq(followUps.roundId, round.id), eq(followUps.index, index)))
      .get()!;
    return askedFollowUpView(row);
  });
}

/** Sessions left running or paused (a crash, a closed window) that the user can resume or close. */
export function listUnfinished(db: AppDatabase): UnfinishedSession[] {
  const open = db
    .select()
    .from(sessions)
    .where(inArray(sessions.status, ['running', 'paused']))
    .orderBy(desc(sessions.createdAt))
    .all();
  return open.map((s) => {
    const views = roundViews(db, s.id);
    const next = views.find((r) => r.status === 'pending' || r.status === 'running');
    return {
      sessionId: s.id,
      title: s.title,
      createdAt: s.createdAt,
      recoveredRounds: views
        .filter((r) => r.status === 'recovered')
        .map((r) => ({
          roundId: r.id,
          index: r.index,
          title: r.title ?? r.itemTitle,
          durationMs: r.recording?.durationMs ?? null,
        })),
      nextRoundIndex: next ? next.index : null,
    };
  });
}
