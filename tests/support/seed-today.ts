/**
 * Hand-made practice histories for "Today": an app on a clock the test moves, and `practise()`, which
 * starts a session through the real services (session:start, review:save, session:control) at a
 * chosen time and marks its rounds done with the scores, missed points, overrun and flags asked for.
 * There is no audio: the rounds' times are set in the database and a finished speech analysis row
 * carries the overrun and flags, as the analysis worker would have written it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createLoopCoach, type LoopCoach } from '../../src/main/services/app';
import { roundAnalyses, rounds } from '../../src/main/services/db/schema';
import { roundAnswers, type SessionSource } from '../../src/shared/contract';
import type { FlagId } from '../../src/shared/enums';
import { roundMetrics } from '../../src/shared/metrics';
import { call } from './sessions';
import { writeFiles } from './temp-files';

// Not from ./temp, which registers vitest hooks: the E2E specs seed with this module too.
const root = path.resolve(__dirname, '..', '..');
const builtinContentDir = path.join(root, 'content');
const migrationsDir = path.join(root, 'resources', 'migrations');

export const DAY = 24 * 3600 * 1000;
export const HOUR = 3600 * 1000;

export type Clock = { now: number };

/** A one-round mock in `category` with `points` expected points. */
export function mockYaml(
  id: string,
  category: string,
  questionType = 'theory',
  points = 4,
  budgetSeconds = 120,
): string {
  return `kind: mock
id: ${id}
title: ${id.replace(/-/g, ' ')}
category: ${category}
rounds:
  - questionType: ${questionType}
    prompt: Explain ${id.replace(/-/g, ' ')} in your own words.
    budgetSeconds: ${budgetSeconds}
    expectedPoints: [${Array.from({ length: points }, (_, i) => `point ${i + 1}`).join(', ')}]
`;
}

/**
 * An app whose library is only `files` (plus the built-in question types and rubric), so the test
 * knows every item and category; or, with `builtin: true`, the built-in library with `files` added.
 */
export async function todayApp(
  dataDir: string,
  files: Record<string, string>,
  clock: Clock,
  options: { builtin?: boolean } = {},
): Promise<LoopCoach> {
  let contentDir = builtinContentDir;
  if (options.builtin) writeFiles(path.join(dataDir, 'content'), files);
  else {
    contentDir = path.join(dataDir, 'builtin-content');
    fs.mkdirSync(contentDir, { recursive: true });
    for (const f of ['question-types.yaml', 'rubric.yaml'])
      fs.copyFileSync(path.join(builtinContentDir, f), path.join(contentDir, f));
    writeFiles(contentDir, files);
  }
  return createLoopCoach({
    dataDir,
    builtinContentDir: contentDir,
    migrationsDir,
    transport: 'web',
    version: 'test',
    now: () => clock.now,
  });
}

export type Outcome = {
  /** Clarity, rigor, speed (1–5); omitted: left unscored. */
  scores?: [number, number, number];
  /** How many expected points to tick "missed" (the rest "covered"). */
  missed?: number;
  overrunMs?: number;
  flags?: FlagId[];
};

/** Aced: all fives, nothing missed, within budget. */
export const aced: Outcome = { scores: [5, 5, 5], missed: 0 };
/** Missed: low scores and most expected points missed. */
export const weak: Outcome = { scores: [2, 2, 2], missed: 3 };

function metricsJson(overrunMs: number, flags: FlagId[], budgetMs: number): string {
  return JSON.stringify(
    roundMetrics.parse({
      durationMs: budgetMs + overrunMs + 2000,
      firstSpeechMs: 3000,
      talkTimeMs: budgetMs / 2,
      speechRatio: 0.5,
      longestRunMs: 10_000,
      pauses: { short: 1, medium: 1, long: 0 },
      thinkTimeMs: 1000,
      coreAnswerMs: 5000,
      followUps: [],
      answeringMs: budgetMs + overrunMs,
      overrunMs,
      rambleMs: 0,
      phases: { coreAnswerMs: null, assumptionMs: null, failureModeMs: null },
      flags: flags.map((id) => ({ id, message: `flag ${id}` })),
    }),
  );
}

/** Practises `source` at time `at` (the clock is left there) with the same outcome for every round. */
export async function practise(
  app: LoopCoach,
  clock: Clock,
  source: SessionSource,
  at: number,
  outcome: Outcome = {},
): Promise<string> {
  clock.now = at;
  const session = await call(app, 'session:start', { source });
  await call(app, 'session:control', { sessionId: session.id, action: 'start' });
  for (const round of session.rounds) {
    const { answersJson } = app.db
      .select({ answersJson: rounds.answersJson })
      .from(rounds)
      .where(eq(rounds.id, round.id))
      .get()!;
    const expected = roundAnswers.parse(JSON.parse(answersJson!)).expectedPoints.length;
    app.db
      .update(rounds)
      .set({ status: 'done', startedAt: at, endedAt: at + round.budgetSeconds * 1000 })
      .where(eq(rounds.id, round.id))
      .run();
    const points = Object.fromEntries(
      Array.from({ length: expected }, (_, i) => [
        String(i),
        i < (outcome.missed ?? 0) ? ('missed' as const) : ('covered' as const),
      ]),
    );
    const [clarity, rigor, speed] = outcome.scores ?? [null, null, null];
    await call(app, 'review:save', {
      roundId: round.id,
      ...(outcome.scores ? { scores: { clarity, rigor, speed } } : {}),
      ...(outcome.missed !== undefined ? { points } : {}),
    });
    app.db
      .insert(roundAnalyses)
      .values({
        roundId: round.id,
        status: 'done',
        segmentsJson: '[]',
        metricsJson: metricsJson(outcome.overrunMs ?? 0, outcome.flags ?? [], round.budgetSeconds * 1000),
        durationMs: round.budgetSeconds * 1000,
        analyzedAt: at,
      })
      .run();
  }
  await call(app, 'session:control', { sessionId: session.id, action: 'end' });
  return session.id;
}
