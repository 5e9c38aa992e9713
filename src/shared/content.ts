/**
 * The interview content format: loops, mocks, circuits, the rubric and question types.
 * Content lives in human-edited YAML files (one per loop, mock and circuit); these schemas
 * are the single definition of that format. Types are inferred, never written by hand.
 */
import { z } from 'zod';
import { STOPWORDS, normalise } from './words/tokens';

/** Lower-case ids usable in file names and URLs: no dots, slashes or spaces (no traversal). */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes (e.g. "lru-cache")')
  .max(80);

const text = (min = 1) => z.string().trim().min(min);

export const followUpSpec = z.strictObject({
  /** What the interviewer asks, spoken aloud. */
  text: text(3),
  /** Seconds into the round (after the prompt has been spoken) when it is asked. */
  atSeconds: z.number().int().min(0),
  /** Random shift of up to ± this many seconds in jittered mode. */
  jitterSeconds: z.number().min(0).max(120).default(0),
  /**
   * The expected points this follow-up probes, numbered from 1 as listed (people count from 1; the
   * round plan holds them from 0). The adaptive mode skips it when all of them are clearly covered.
   */
  probes: z
    .array(z.number().int('must be a whole point number').min(1, 'expected points are numbered from 1'))
    .min(1, 'list at least one expected point, or leave probes out')
    .optional(),
});
export type FollowUpSpec = z.infer<typeof followUpSpec>;

/**
 * A cue: one idea an answer must say for its expected point to count as covered, as a word or short
 * phrase; alternatives are separated by "|" ("hash map|dictionary"). See docs/content-format.md.
 */
export const cue = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine(
    (c) => c.split('|').every((alt) => normalise(alt).some((w) => !STOPWORDS.has(w))),
    'every alternative of a cue needs a word that is not a function word ("the", "of", "is"…), and no alternative may be empty',
  );

/** Longest probe question, in words: asked aloud mid-answer, it must be short. */
export const PROBE_MAX_WORDS = 25;

/**
 * A point's probe: the short question the adaptive mode asks late in the budget when the point is
 * still not clearly covered. Spoken aloud, so it is a question and does not read out the answer.
 */
export const probeQuestion = z
  .string()
  .trim()
  .min(10, 'a probe question needs at least 10 characters')
  .max(200, 'a probe question is at most 200 characters: it is asked aloud mid-answer')
  .refine((q) => q.endsWith('?'), 'a probe must be a question ending with "?"')
  .refine(
    (q) => q.split(/\s+/).length <= PROBE_MAX_WORDS,
    `a probe question is at most ${PROBE_MAX_WORDS} words: it is asked aloud mid-answer`,
  );

/**
 * An expected point: its checklist line, or the line with the cues the coverage matcher looks for
 * and, optionally, its probe question (which needs cues: see the round's checks).
 */
export const expectedPointSpec = z.union([
  text(2),
  z.strictObject({ text: text(2), cues: z.array(cue).min(1).max(8).optional(), probe: probeQuestion.optional() }),
]);
export type ExpectedPointSpec = z.infer<typeof expectedPointSpec>;

/**
 * What is wrong with the k-th entry (point n, numbered from 1) of a follow-up's probes, if anything:
 * a point that does not exist, one listed twice, or one the matcher cannot hear (no cues).
 */
function probeReferenceProblem(
  points: readonly ExpectedPointSpec[],
  probes: readonly number[],
  n: number,
  k: number,
): string | null {
  // Not a whole number from 1: already reported by the field's own check (refinements still run).
  if (!Number.isInteger(n) || n < 1) return null;
  if (n > points.length)
    return `expected point ${n} does not exist: this round has ${points.length} expected point${points.length === 1 ? '' : 's'}, numbered from 1`;
  if (probes.indexOf(n) < k) return `expected point ${n} is listed twice`;
  const point = points[n - 1]!;
  if (typeof point === 'string' || !point.cues)
    return `expected point ${n} has no cues, so the app cannot hear whether it was covered: give it cues or leave it out of probes`;
  return null;
}

export const roundSpec = z
  .strictObject({
    /** Short label for the round inside its item, e.g. "Coding" in a 15/30/15 mock. */
    title: text().optional(),
    questionType: slug,
    /** Spoken aloud when the round starts; shown on screen. */
    prompt: text(10),
    /** Time budget in seconds for answering, follow-ups included. */
    budgetSeconds: z
      .number()
      .int()
      .min(20)
      .max(4 * 3600),
    /** What a strong answer covers; ticked as covered or missed in review. Each may carry cues. */
    expectedPoints: z.array(expectedPointSpec).min(1),
    followUps: z.array(followUpSpec).default([]),
    /** Markdown. Shown only after the candidate chooses to reveal it. */
    referenceAnswer: text().optional(),
  })
  .superRefine((round, ctx) => {
    round.followUps.forEach((followUp, index) => {
      if (followUp.atSeconds >= round.budgetSeconds) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUps', index, 'atSeconds'],
          message: `must be before the end of the round's budget (${round.budgetSeconds} s)`,
        });
      }
      const previous = round.followUps[index - 1];
      if (previous && followUp.atSeconds < previous.atSeconds) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUps', index, 'atSeconds'],
          message: 'follow-ups must be listed in the order they are asked',
        });
      }
      followUp.probes?.forEach((n, k) => {
        const message = probeReferenceProblem(round.expectedPoints, followUp.probes!, n, k);
        if (message) ctx.addIssue({ code: 'custom', path: ['followUps', index, 'probes', k], message });
      });
    });
    round.expectedPoints.forEach((point, index) => {
      // Adaptive follow-ups stand on what the matcher hears: a point without cues is a rubric check
      // ("fits within two minutes") that no words show, so its probe would be asked every time.
      if (typeof point !== 'string' && point.probe !== undefined && !point.cues)
        ctx.addIssue({
          code: 'custom',
          path: ['expectedPoints', index, 'probe'],
          message: `expected point ${index + 1} has a probe but no cues: the app cannot hear whether it was covered, so give it cues or remove the probe`,
        });
    });
  })
  // Everything downstream sees the checklist lines as before, and the cues beside them.
  .transform(({ expectedPoints, ...round }) => ({
    ...round,
    expectedPoints: expectedPoints.map((p) => (typeof p === 'string' ? p : p.text)),
    /** Cues per expected point, in the same order ([] for a point without cues). */
    expectedPointCues: expectedPoints.map((p) => (typeof p === 'string' ? [] : (p.cues ?? []))),
    /** Probe question per expected point, in the same order (null for a point without one). */
    expectedPointProbes: expectedPoints.map((p) => (typeof p === 'string' ? null : (p.probe ?? null))),
  }));
export type RoundSpec = z.infer<typeof roundSpec>;

const itemBase = {
  id: slug,
  title: text(3),
  /** Display category, e.g. "Coding", "ML system design", "Behavioural". */
  category: text(2),
  /** One or two sentences shown in the library; never gives the answer away. */
  summary: text().optional(),
  tags: z.array(slug).default([]),
  /** Where the question was first seen, e.g. "Seed loop 3". */
  source: text().optional(),
};

/** A loop: one or more rounds run back to back (a single prompt with follow-ups is a 1-round loop). */
export const loopSpec = z.strictObject({ kind: z.literal('loop'), ...itemBase, rounds: z.array(roundSpec).min(1) });
/** A mock: a single interview question from the mock library, with its reference answer. */
export const mockSpec = z.strictObject({ kind: z.literal('mock'), ...itemBase, rounds: z.array(roundSpec).length(1) });
export type LoopSpec = z.infer<typeof loopSpec>;
export type MockSpec = z.infer<typeof mockSpec>;
export type ItemSpec = LoopSpec | MockSpec;

export const circuitStep = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('round'),
    label: text(2),
    /** Ids of loops or mocks played in this slot; their rounds share the slot's minutes. */
    items: z.array(slug).min(1),
    minutes: z.number().positive().max(240),
  }),
  z.strictObject({
    type: z.literal('break'),
    label: text(2).default('Break'),
    minutes: z.number().positive().max(120),
    note: text().optional(),
  }),
]);
export type CircuitStep = z.infer<typeof circuitStep>;

/** A circuit: an ordered onsite-style sequence of rounds and timed breaks. */
export const circuitSpec = z.strictObject({
  kind: z.literal('circuit'),
  id: slug,
  title: text(3),
  summary: text().optional(),
  tags: z.array(slug).default([]),
  steps: z.array(circuitStep).min(1),
});
export type CircuitSpec = z.infer<typeof circuitSpec>;

export const scoreDimensionIds = ['clarity', 'rigor', 'speed'] as const;
export const scoreDimensionId = z.enum(scoreDimensionIds);
export type ScoreDimensionId = z.infer<typeof scoreDimensionId>;

export const rubricSpec = z.strictObject({
  kind: z.literal('rubric'),
  dimensions: z
    .array(
      z.strictObject({
        id: scoreDimensionId,
        title: text(2),
        /** The question this score answers, e.g. "Could a listener follow you?" */
        question: text(5),
        /** Descriptor for each score 1–5. */
        levels: z.strictObject({ 1: text(3), 2: text(3), 3: text(3), 4: text(3), 5: text(3) }),
      }),
    )
    .length(3)
    .refine((dims) => new Set(dims.map((d) => d.id)).size === 3, 'clarity, rigor and speed must each appear once'),
  /** The interview behaviour checklist, ticked in review. */
  behaviourChecklist: z.array(z.strictObject({ id: slug, text: text(3) })).min(1),
  /** Questions to say out loud after a round. */
  selfReviewQuestions: z.array(text(5)).min(1),
  /** The three postmortem lines. */
  postmortemPrompts: z.strictObject({ wentWell: text(3), missed: text(3), change: text(3) }),
});
export type RubricSpec = z.infer<typeof rubricSpec>;

export const questionTypesSpec = z.strictObject({
  kind: z.literal('question-types'),
  types: z
    .array(
      z.strictObject({
        id: slug,
        title: text(2),
        /** Cues that tell the candidate which type a question is. */
        recognise: text(5),
        /** The answer shape: ordered steps a strong answer follows. */
        answerShape: z.array(text(3)).min(2),
        /** Spoken length a strong answer aims for (e.g. a STAR story ≤ 120 s). */
        targetSeconds: z.number().int().positive().optional(),
      }),
    )
    .min(1),
  /** Links between topics worth mentioning, e.g. "cross-entropy ↔ MLE". */
  bridges: z.array(z.strictObject({ from: text(2), to: text(2), why: text(5) })).default([]),
});
export type QuestionTypesSpec = z.infer<typeof questionTypesSpec>;

/** Any content file, told apart by its `kind`. */
export const contentFile = z.discriminatedUnion('kind', [
  loopSpec,
  mockSpec,
  circuitSpec,
  rubricSpec,
  questionTypesSpec,
]);
export type ContentFile = z.infer<typeof contentFile>;
