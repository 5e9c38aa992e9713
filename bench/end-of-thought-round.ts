/**
 * The end-of-thought bench's round, run in its own process by bench/end-of-thought.ts (the engine
 * imports '@shared/…', which this process resolves with the renderer's tsconfig): prints the delays,
 * in ms, from each pause qualifying as the end of a thought to the follow-up's speech `start`, as JSON
 * (the listening modes ask into the pause with no chime first).
 */
import { defaultEndOfThought } from '../src/renderer/src/session/engine/end-of-thought';
import { makeRunner, makeSession } from '../tests/unit/renderer/session/engine/runner-world';

const FOLLOW_UPS = 20;
/** Seconds between follow-ups; each is due while the candidate is still talking. */
const SPACING = 5;
const FIRST = 3;
const LEVEL_MS = 50;
const WORDS_AFTER_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Delays = { speech: number[] };

async function measure(): Promise<Delays> {
  const followUps = Array.from({ length: FOLLOW_UPS }, (_, i) => ({
    text: `Follow-up number ${i + 1}, why?`,
    atSeconds: FIRST + i * SPACING,
  }));
  const h = makeRunner(makeSession([{ budgetSeconds: 600, followUps }], 'at-pause'), {
    live: { listening: true, modelId: 'bench' },
  });
  h.runner.attach();
  void h.runner.beginSession();
  while (h.runner.getState().phase !== 'answering') await sleep(20);
  const media = h.media[0]!;
  const live = h.lives[0]!;
  const cue = h.runner.getState().answerCueMs!;
  const roundMs = () => performance.now() - media.startedAt;
  // Talks from 1 s before each follow-up is due to 1 s after it, then is quiet for 3 s.
  const talking = (ms: number) => {
    const s = (ms - cue) / 1000 - FIRST + 1;
    return s >= 0 && s % SPACING < 2 && s < FOLLOW_UPS * SPACING;
  };
  const qualifiedAt: number[] = [];
  let wasTalking = false;
  let n = 0;
  const level = setInterval(() => {
    const now = roundMs();
    const loud = talking(now);
    if (wasTalking && !loud) {
      // The runner's tracker starts the silence at this reading: the pause qualifies a think time later.
      qualifiedAt.push(performance.now() + defaultEndOfThought.thinkTimeMs);
      const endMs = Math.round(now);
      const utterance = { n: n++, startMs: endMs - 2000, endMs, text: 'That is how I would do it.' };
      setTimeout(() => live.utterance({ ...utterance, words: [], coverage: [] }), WORDS_AFTER_MS);
    }
    wasTalking = loud;
    media.handlers.onLevel(loud ? 0.2 : 0.0005);
  }, LEVEL_MS);
  const busy = setInterval(() => {
    const until = performance.now() + 15;
    while (performance.now() < until);
  }, 100);
  try {
    const last = `Follow-up number ${FOLLOW_UPS}, why?`;
    const deadline = performance.now() + (FIRST + FOLLOW_UPS * SPACING + 30) * 1000;
    while (!h.synth.started().some((e) => e.text === last)) {
      if (performance.now() > deadline) throw new Error('end-of-thought bench: the last follow-up was never spoken');
      await sleep(100);
    }
  } finally {
    clearInterval(level);
    clearInterval(busy);
    h.runner.detach();
  }
  const speech = followUps.map((f, i) => {
    const start = h.synth.started().find((e) => e.text === f.text);
    if (!start) throw new Error(`end-of-thought bench: "${f.text}" was never spoken`);
    return start.at - qualifiedAt[i]!;
  });
  // The listening modes ask into the pause: no chime comes first.
  const chimes = h.cues.filter((c) => c.kind === 'follow-up').length;
  if (chimes !== 0) throw new Error(`end-of-thought bench: ${chimes} chimes before follow-ups asked into a pause`);
  return { speech };
}

measure().then(
  (delays) => {
    process.stdout.write(JSON.stringify(delays));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
