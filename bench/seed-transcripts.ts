/**
 * Transcripts for seeded rounds, as TranscriptStore.save writes them: a round_transcripts row
 * (status done, the segments as JSON with a time for every word), one transcript_segments row per
 * stretch of speech (the FTS5 index is kept by the migration's triggers, as for a real save), and
 * the round's word metrics as RoundWords.store measures them (computeWordMetrics over the same
 * segments, answer cue and follow-ups, shaped by the same wordMetricsRow). The words come from a
 * bank of answer sentences with fillers and hedges mixed in, spoken at 115–175 words a minute
 * across the VAD segments, and the reply after a follow-up often takes up its terms.
 *
 * Each round's words are drawn from a generator seeded by its (seeded) id, not from the history's
 * own stream, so adding transcripts leaves every other seeded row as it was.
 */
import type { Segment } from '../src/shared/metrics';
import type { TranscriptSegment, TranscriptWord } from '../src/shared/transcript';
import { computeWordMetrics } from '../src/shared/words';
import { wordMetricsRow } from '../src/main/services/words/round-words';
import type { roundTranscripts, roundWordMetrics, transcriptSegments } from '../src/main/services/db/schema';

/** The model id seeded transcripts carry (no such model is installed; nothing re-runs them). */
export const SEEDED_MODEL_ID = 'seeded-history';

export type TranscriptRows = {
  transcripts: (typeof roundTranscripts.$inferInsert)[];
  segments: (typeof transcriptSegments.$inferInsert)[];
  wordMetrics: (typeof roundWordMetrics.$inferInsert)[];
};
export const emptyTranscriptRows = (): TranscriptRows => ({ transcripts: [], segments: [], wordMetrics: [] });

const sentences = [
  'A hash map stores each key in a bucket chosen by its hash.',
  'When the load factor passes three quarters the table doubles and rehashes every key.',
  'Collisions share a bucket, so a lookup scans a short list.',
  'I would start with the simplest correct version and measure it.',
  'The bottleneck here is the database write path, not the cache.',
  'We can shard by user id with consistent hashing so a new node moves few keys.',
  'The cache uses least recently used eviction with a time to live on each entry.',
  'For the model I would begin with logistic regression as a baseline.',
  'The gradient vanishes in deep sigmoid networks, which is why residual connections help.',
  'Batch normalisation keeps the activations in a stable range during training.',
  'I would hold out a validation set by time so the evaluation matches production.',
  'Precision matters more than recall here because a false alarm costs a human review.',
  'The feature store serves the same features online and offline to avoid training skew.',
  'Latency at the ninety ninth percentile is what the user feels.',
  'A queue between the services absorbs bursts and lets the consumers scale on their own.',
  'The complexity is linear in the number of edges and the memory is linear in the nodes.',
  'I would write a failing test that reproduces the bug before changing anything.',
  'The race happens when two workers read the same row before either writes it.',
  'A lock or a compare and swap on the version column removes the race.',
  'Attention lets every token weigh every other token, which is quadratic in the sequence length.',
  'For the embedding table I would estimate the memory first: rows times dimensions times four bytes.',
  'The trade off is freshness against cost, so I would recompute the index every hour.',
  'Monitoring would alert on the drift of the input distribution, not only on accuracy.',
  'In that project I owned the migration and I told the team about the risk early.',
  'The result was a forty percent drop in the time to first response.',
  'What I would do differently is ask for the data volume before designing anything.',
  'My manager disagreed, so I wrote down both options with their costs and we picked one together.',
  'The binary search keeps the invariant that the answer lies between low and high.',
  'Dynamic programming works because the subproblems overlap and the optimal answer is built from them.',
  'Regularisation adds a penalty on the weights, so the model prefers simpler explanations.',
];
const fillers = ['um', 'uh', 'basically', 'you know', 'like', 'sort of', 'i mean', 'actually'];
const hedges = ['I think', 'maybe', 'probably', 'I guess'];
const takeUp = ['So for', 'On the', 'Right, the', 'For'];

/** mulberry32 seeded by a round id's first eight hex digits. */
function roundRandom(roundId: string): () => number {
  let a = parseInt(roundId.slice(0, 8), 16) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type TranscribedRound = {
  roundId: string;
  /** Epoch ms. */
  startedAt: number;
  endedAt: number;
  /** On the recording's timeline (ms), like everything below. */
  answerCueMs: number;
  speech: readonly Segment[];
  followUps: readonly { index: number; text: string; spokenStartMs: number; spokenEndMs: number }[];
};

/** The words a candidate says over the round's speech, one transcript segment per VAD segment. */
export function seededTranscript(round: TranscribedRound): TranscriptSegment[] {
  const random = roundRandom(round.roundId);
  const msPerWord = 60_000 / (115 + random() * 60);
  const fillerShare = 0.01 + random() * 0.06;
  let sentence: string[] = [];
  const nextWord = (): string => {
    if (!sentence.length) {
      sentence = sentences[Math.floor(random() * sentences.length)]!.split(' ');
      if (random() < 0.12) sentence = [...hedges[Math.floor(random() * hedges.length)]!.split(' '), ...sentence];
    }
    if (random() < fillerShare) return fillers[Math.floor(random() * fillers.length)]!;
    return sentence.shift()!;
  };
  const asked = [...round.followUps].sort((a, b) => a.spokenEndMs - b.spokenEndMs);
  let nextFollowUp = 0;
  return round.speech.map((s) => {
    const count = Math.max(1, Math.round((s.endMs - s.startMs) / msPerWord));
    const texts: string[] = [];
    // The first reply after a follow-up often opens with its terms (what the uptake metric reads).
    while (nextFollowUp < asked.length && asked[nextFollowUp]!.spokenEndMs <= s.startMs) {
      const terms = asked[nextFollowUp]!.text.split(/\s+/).filter((w) => w.length > 4);
      if (random() < 0.65 && terms.length)
        texts.push(...takeUp[Math.floor(random() * takeUp.length)]!.split(' '), ...terms.slice(0, 2));
      nextFollowUp++;
    }
    while (texts.length < count) texts.push(...nextWord().split(' '));
    const step = (s.endMs - s.startMs) / texts.length;
    const words: TranscriptWord[] = texts.map((text, i) => ({
      text,
      startMs: Math.round(s.startMs + i * step),
      endMs: Math.round(s.startMs + (i + 0.85) * step),
    }));
    return { startMs: s.startMs, endMs: s.endMs, text: texts.join(' '), words };
  });
}

/** The rows TranscriptStore.save and RoundWords.store write for one round. */
export function transcriptRows(out: TranscriptRows, round: TranscribedRound): void {
  const segments = seededTranscript(round);
  const savedAt = round.endedAt + 30_000;
  out.transcripts.push({
    roundId: round.roundId,
    modelId: SEEDED_MODEL_ID,
    status: 'done',
    segmentsJson: JSON.stringify(segments),
    wordCount: segments.reduce((n, s) => n + s.words.length, 0),
    createdAt: savedAt,
    updatedAt: savedAt,
  });
  for (const s of segments)
    out.segments.push({ roundId: round.roundId, startMs: s.startMs, endMs: s.endMs, text: s.text });
  const metrics = computeWordMetrics({
    segments,
    answerCueMs: round.answerCueMs,
    followUps: round.followUps.map((f) => ({ ...f })),
  });
  out.wordMetrics.push({ roundId: round.roundId, ...wordMetricsRow(metrics, round.startedAt, savedAt) });
}
