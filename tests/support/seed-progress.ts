/**
 * Seeds a data folder with realistic synthetic history for the Progress page and for benchmarks:
 * ended sessions over ~10 weeks, each with recorded rounds (plans shaped like RoundPlan), scored
 * reviews (some with a "what will I change" line) and finished analyses whose metrics are valid
 * RoundMetrics. Deterministic for a given seed; written through the real database (migrations and
 * all) in one transaction, in chunked multi-row inserts, so 10 000 rounds take about a second.
 */
import { seededRandom } from '../../bench/seed-history';
import path from 'node:path';
import { roundPlan, type RoundPlan } from '../../src/shared/contract';
import { roundMetrics, type Flag, type RoundMetrics } from '../../src/shared/metrics';
import { openDatabase } from '../../src/main/services/db/open';
import { dataPaths } from '../../src/main/services/infra/paths';
import { roundAnalyses, roundReviews, rounds, sessions } from '../../src/main/services/db/schema';

const root = path.resolve(__dirname, '..', '..');
const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;

export type SeedOptions = {
  sessions?: number;
  roundsPerSession?: number;
  seed?: number;
  /** Time of the last session (default: now). */
  endAt?: number;
  /** Weeks the sessions are spread over (default 10). */
  weeks?: number;
};

export type SeedResult = {
  sessions: number;
  rounds: number;
  /** The most recent session's id. */
  latestSessionId: string;
  /** Every postmortem change line written, newest first. */
  changes: string[];
  categories: string[];
  questionTypes: string[];
};

type Item = {
  id: string;
  title: string;
  category: string;
  questionType: string;
  budgetSeconds: number;
  prompt: string;
};

/** Built-in items (content/loops, content/mocks), with their real categories, question types and budgets. */
export const seedItems: readonly Item[] = [
  {
    id: 'loop-cross-entropy-vs-mse',
    title: 'Cross-entropy as the loss for logistic regression',
    category: 'Theory',
    questionType: 'derivation',
    budgetSeconds: 480,
    prompt: 'Why is cross-entropy, not mean squared error, the loss for logistic regression?',
  },
  {
    id: 'calibration-probe',
    title: 'What is calibration and how do you fix it?',
    category: 'Theory',
    questionType: 'theory',
    budgetSeconds: 300,
    prompt: 'What does it mean for a classifier to be calibrated, and how would you fix one that is not?',
  },
  {
    id: 'log-sum-exp-trick',
    title: 'Explain the log-sum-exp trick',
    category: 'Theory',
    questionType: 'theory',
    budgetSeconds: 240,
    prompt: 'Explain the log-sum-exp trick and when you need it.',
  },
  {
    id: 'loop-llm-training-memory',
    title: 'Fitting a bigger LLM training run in memory',
    category: 'Systems',
    questionType: 'systems',
    budgetSeconds: 480,
    prompt: 'Your training run no longer fits in GPU memory. Where does the memory go, and what do you do?',
  },
  {
    id: 'loop-masked-softmax',
    title: 'Masked softmax for attention',
    category: 'ML coding',
    questionType: 'implementation',
    budgetSeconds: 1200,
    prompt: 'Implement a numerically stable masked softmax for attention scores.',
  },
  {
    id: 'top-k-top-p-sampling',
    title: 'Top-k and top-p sampling',
    category: 'ML coding',
    questionType: 'implementation',
    budgetSeconds: 1800,
    prompt: 'Implement top-k and top-p sampling from a vector of logits.',
  },
  {
    id: 'lru-cache',
    title: 'LRU cache',
    category: 'Coding',
    questionType: 'implementation',
    budgetSeconds: 1500,
    prompt: 'Design and implement an LRU cache with O(1) get and put.',
  },
  {
    id: 'loop-nan-loss-debugging',
    title: 'Loss turns to NaN partway through training',
    category: 'Debugging',
    questionType: 'debugging',
    budgetSeconds: 480,
    prompt: 'Your loss turns to NaN after a few thousand steps. How do you find out why?',
  },
  {
    id: 'loop-paper-critique',
    title: 'Do you believe this benchmark gain?',
    category: 'Research judgment',
    questionType: 'research-judgment',
    budgetSeconds: 420,
    prompt: 'A paper reports a two-point gain on a benchmark. Do you believe it?',
  },
  {
    id: 'loop-rag-experiment',
    title: 'Retrieval-augmented factual QA, an experiment you design and then defend',
    category: 'Mixed',
    questionType: 'evaluation',
    budgetSeconds: 900,
    prompt: 'Design an experiment to show retrieval improves factual QA.',
  },
  {
    id: 'youtube-recommendations',
    title: 'Design YouTube recommendations',
    category: 'ML system design',
    questionType: 'system-design',
    budgetSeconds: 2700,
    prompt: 'Design the recommendation system for YouTube’s home page.',
  },
  {
    id: 'customer-support-agent',
    title: 'AI support agent for a SaaS business',
    category: 'ML system design',
    questionType: 'system-design',
    budgetSeconds: 2700,
    prompt: 'Design an AI agent that answers support tickets for a SaaS business.',
  },
  {
    id: 'breadth-finetuning-vs-rag',
    title: 'Fine-tuning versus RAG',
    category: 'ML breadth',
    questionType: 'theory',
    budgetSeconds: 180,
    prompt: 'When would you fine-tune a model, and when would you use retrieval instead?',
  },
  {
    id: 'breadth-bm25',
    title: 'What is BM25, conceptually?',
    category: 'ML breadth',
    questionType: 'theory',
    budgetSeconds: 150,
    prompt: 'What is BM25, conceptually?',
  },
  {
    id: 'star-disagreement',
    title: 'STAR story: pushing back on a technical decision',
    category: 'Behavioural',
    questionType: 'behavioural',
    budgetSeconds: 120,
    prompt: 'Tell me about a time you pushed back on a technical decision.',
  },
  {
    id: 'failure-with-real-cost',
    title: 'A real failure that had a cost',
    category: 'Behavioural',
    questionType: 'behavioural',
    budgetSeconds: 240,
    prompt: 'Tell me about a failure of yours that had a real cost.',
  },
  {
    id: 'why-anthropic',
    title: 'Why Anthropic, rather than another frontier lab?',
    category: 'Behavioural',
    questionType: 'motivation',
    budgetSeconds: 180,
    prompt: 'Why Anthropic, rather than another frontier lab?',
  },
];

/** content/question-types.yaml targetSeconds, where a type has one. */
const targetSeconds: Record<string, number> = {
  derivation: 240,
  theory: 180,
  debugging: 300,
  evaluation: 300,
  systems: 300,
  'research-judgment': 300,
  behavioural: 120,
  motivation: 120,
};

/** How hard each category is for the synthetic candidate (added to the score), so weak areas stand out. */
const difficulty: Record<string, number> = {
  'ML system design': -0.9,
  'ML coding': -0.5,
  Debugging: -0.3,
  Systems: -0.2,
  Theory: 0.1,
  'ML breadth': 0.3,
  Behavioural: 0.5,
};

export const seedChangeLines: readonly string[] = [
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

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const fmt = (ms: number) => `${Math.round(ms / 1000)} s`;

/** Metrics a candidate who improves over time (progress 0 → 1) might have produced for this round. */
function syntheticMetrics(random: () => number, item: Item, progress: number, cueMs: number): RoundMetrics {
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const budgetMs = item.budgetSeconds * 1000;
  const answeringMs = Math.round(budgetMs * between(0.7, 1.3 - 0.25 * progress));
  const thinkTimeMs = Math.round(Math.min(answeringMs * 0.3, (16_000 - 9_000 * progress) * between(0.5, 1.5)));
  const followUpCount = item.budgetSeconds >= 240 ? 2 : 1;
  const firstFollowUpAt = Math.round(answeringMs * between(0.4, 0.78 - 0.1 * progress));
  const coreAnswerMs = Math.max(1000, firstFollowUpAt - thinkTimeMs);
  const speechRatio = Math.round(between(0.6, 0.85) * 1000) / 1000;
  const talkTimeMs = Math.round(answeringMs * speechRatio);
  const followUps = Array.from({ length: followUpCount }, (_, index) => ({
    index,
    responseLatencyMs: Math.round(between(500, 3500 - 1500 * progress)),
    answerLengthMs: Math.round(Math.min(answeringMs * 0.3, between(15_000, 110_000 - 40_000 * progress))),
  }));
  const overrunMs = Math.max(0, answeringMs - budgetMs);
  const rambleMs = random() < 0.55 - 0.3 * progress ? Math.round(between(4000, 45_000 - 25_000 * progress)) : 0;
  const mark = (p: number, lo: number, hi: number) => (random() < p ? Math.round(thinkTimeMs + between(lo, hi)) : null);
  const flags: Flag[] = [];
  if (thinkTimeMs > Math.max(10_000, budgetMs * 0.1)) {
    flags.push({ id: 'long-preamble', message: `You took ${fmt(thinkTimeMs)} before saying anything.` });
  }
  if (overrunMs > 0) {
    flags.push({ id: 'over-budget', message: `You ran ${fmt(overrunMs)} over the ${fmt(budgetMs)} budget.` });
  }
  const target = targetSeconds[item.questionType];
  if (target !== undefined && talkTimeMs > target * 1000) {
    flags.push({
      id: 'over-target',
      message: `You talked for ${fmt(talkTimeMs)}; this kind of answer aims for ${fmt(target * 1000)}.`,
    });
  }
  const longReply = followUps.find((f) => f.answerLengthMs > Math.max(90_000, budgetMs * 0.25));
  if (longReply) {
    flags.push({
      id: 'long-follow-up-answer',
      message: `Your answer to follow-up ${longReply.index + 1} ran ${fmt(longReply.answerLengthMs)}.`,
    });
  }
  if (firstFollowUpAt / answeringMs > 0.7) {
    flags.push({
      id: 'front-loaded',
      message: 'Most of the round passed before the first follow-up: get to the core answer sooner.',
    });
  }
  const segments = Math.max(2, Math.round(talkTimeMs / 4000));
  return {
    durationMs: cueMs + answeringMs,
    firstSpeechMs: cueMs + thinkTimeMs,
    talkTimeMs,
    speechRatio,
    longestRunMs: Math.round(Math.min(talkTimeMs, between(15_000, 80_000))),
    pauses: {
      short: Math.round(segments * between(0.2, 0.4)),
      medium: Math.round(segments * between(0.3, 0.5)),
      long: Math.round(segments * between(0.1, 0.3 - 0.1 * progress)),
    },
    thinkTimeMs,
    coreAnswerMs,
    followUps,
    answeringMs,
    overrunMs,
    rambleMs,
    phases: {
      coreAnswerMs: mark(0.7, 5_000, 40_000 - 20_000 * progress),
      assumptionMs: mark(0.5, 20_000, 90_000),
      failureModeMs: mark(0.4, 60_000, Math.max(61_000, answeringMs * 0.8)),
    },
    flags,
  };
}

/** Inserts rows in chunks (SQLite caps the variables in one statement). */
function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => void): void {
  for (let i = 0; i < rows.length; i += size) insert(rows.slice(i, i + size));
}

export function seedProgress(dataDir: string, options: SeedOptions = {}): SeedResult {
  const sessionCount = options.sessions ?? 200;
  const perSession = options.roundsPerSession ?? 3;
  const random = seededRandom(options.seed ?? 1);
  const weeks = options.weeks ?? 10;
  const endAt = options.endAt ?? Date.now();
  const startAt = endAt - weeks * WEEK_MS;
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const clampScore = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

  const sessionRows: (typeof sessions.$inferInsert)[] = [];
  const roundRows: (typeof rounds.$inferInsert)[] = [];
  const reviewRows: (typeof roundReviews.$inferInsert)[] = [];
  const analysisRows: (typeof roundAnalyses.$inferInsert)[] = [];
  const changes: { at: number; change: string }[] = [];

  for (let s = 0; s < sessionCount; s++) {
    const progress = sessionCount > 1 ? s / (sessionCount - 1) : 1;
    const sessionId = uuid(random);
    // Spread evenly over the weeks, at a plausible hour, the last one `endAt`-ish.
    const createdAt = Math.round(startAt + progress * (endAt - startAt - 3 * 3600_000) - between(0, 6) * 3600_000);
    const items = Array.from({ length: perSession }, () => pick(seedItems));
    const title = perSession === 1 ? items[0]!.title : `Practice set: ${items[0]!.category}`;
    let clock = createdAt + 30_000;
    items.forEach((item, index) => {
      const roundId = uuid(random);
      const cueMs = Math.round(between(6000, 18_000));
      const metrics = roundMetrics.parse(syntheticMetrics(random, item, progress, cueMs));
      const startedAt = clock;
      const endedAt = startedAt + metrics.durationMs;
      clock = endedAt + Math.round(between(30_000, 120_000));
      const plan: RoundPlan = roundPlan.parse({
        index,
        itemId: item.id,
        itemRound: 0,
        itemTitle: item.title,
        category: item.category,
        questionType: item.questionType,
        prompt: item.prompt,
        budgetSeconds: item.budgetSeconds,
        followUps: [],
      } satisfies RoundPlan);
      roundRows.push({
        id: roundId,
        sessionId,
        index,
        planJson: JSON.stringify(plan),
        answersJson: JSON.stringify({ expectedPoints: [], referenceAnswer: null }),
        itemId: item.id,
        itemRound: 0,
        category: item.category,
        questionType: item.questionType,
        budgetSeconds: item.budgetSeconds,
        status: 'done',
        startedAt,
        endedAt,
      });
      analysisRows.push({
        roundId,
        status: 'done',
        segmentsJson: '[]',
        metricsJson: JSON.stringify(metrics),
        durationMs: metrics.durationMs,
        analyzedAt: endedAt + 5000,
        error: null,
      });
      // Most rounds are scored; scores rise with practice and depend on the category.
      if (random() < 0.92) {
        const base = 2.3 + 1.8 * progress + (difficulty[item.category] ?? 0);
        const updatedAt = endedAt + Math.round(between(60_000, 3_600_000));
        const change = random() < 0.3 ? pick(seedChangeLines) : '';
        if (change) changes.push({ at: updatedAt, change });
        reviewRows.push({
          roundId,
          clarity: clampScore(base + between(-1, 1)),
          rigor: clampScore(base - 0.2 + between(-1, 1)),
          speed: clampScore(base - 0.3 * (metrics.overrunMs > 0 ? 1 : 0) + between(-1, 1)),
          wentWell: random() < 0.3 ? 'Got to the point quickly.' : '',
          missed: random() < 0.3 ? 'Skipped the edge cases.' : '',
          change,
          revealedAt: updatedAt - 30_000,
          scoredAt: updatedAt - 10_000,
          updatedAt,
        });
      }
    });
    sessionRows.push({
      id: sessionId,
      title,
      sourceJson: JSON.stringify({ type: 'item', id: items[0]!.id }),
      status: 'ended',
      followUpMode: 'scheduled',
      createdAt,
      endedAt: clock,
    });
  }

  const { db } = openDatabase({
    file: dataPaths(dataDir).databaseFile,
    migrationsDir: path.join(root, 'resources', 'migrations'),
    now: () => endAt,
  });
  try {
    db.transaction((tx) => {
      chunked(sessionRows, 500, (c) => tx.insert(sessions).values(c).run());
      chunked(roundRows, 500, (c) => tx.insert(rounds).values(c).run());
      chunked(reviewRows, 500, (c) => tx.insert(roundReviews).values(c).run());
      chunked(analysisRows, 500, (c) => tx.insert(roundAnalyses).values(c).run());
    });
  } finally {
    db.$client.close();
  }

  return {
    sessions: sessionRows.length,
    rounds: roundRows.length,
    latestSessionId: sessionRows.at(-1)?.id ?? '',
    changes: changes.sort((a, b) => b.at - a.at).map((c) => c.change),
    categories: [...new Set(roundRows.map((r) => r.category))].sort(),
    questionTypes: [...new Set(roundRows.map((r) => r.questionType))].sort(),
  };
}
