/**
 * When a silence ends the candidate's thought (docs/follow-ups.md, "Time to think"): the moment the
 * "at the next pause" and adaptive modes may ask. A pure function of the silence so far, the round
 * clock and the live words (the latest utterance), so it is tested under fake timers.
 *
 * - A silence shorter than the think time never ends a thought.
 * - A silence of the long limit always does.
 * - Between the two, with live words: the speech that just ended must have its words (else wait for
 *   them), and those words must not break off mid-clause ("and", "because", "the", a filler…).
 * - Without live words (no model, or listening fell behind): the think time alone.
 */
import { defaultSettings, type Settings } from '@shared/contract';
import type { VoiceActivity } from './follow-up-modes';

/** 1.5 s: several times the ~200 ms gap between turns, so a pause to think is not a turn's end. */
export const DEFAULT_THINK_TIME_MS = defaultSettings.thinkTimeMs;
/** 6 s: past the 3–5 s "wait time" that improves answers, any silence ends the thought. */
export const DEFAULT_LONG_SILENCE_MS = defaultSettings.longSilenceMs;
/**
 * How far before the silence began the latest utterance may end and still be "the speech that just
 * ended": the loudness tracker and the live worker's VAD place a speech end a few frames apart (the
 * VAD keeps a short hang-over).
 */
export const WORDS_SLACK_MS = 700;

export type EndOfThoughtSettings = Pick<Settings, 'thinkTimeMs' | 'longSilenceMs'>;

export const defaultEndOfThought: EndOfThoughtSettings = {
  thinkTimeMs: DEFAULT_THINK_TIME_MS,
  longSilenceMs: DEFAULT_LONG_SILENCE_MS,
};

export type ThoughtInput = {
  /** The round clock now. */
  nowMs: number;
  /** How long the candidate has been silent (0 while speaking). */
  silentForMs: number;
  /** Whether the candidate spoke before this silence (since the answer cue or the last resume). */
  spoke: boolean;
  /** The live words: null without them (think time alone); `last` is the latest utterance, if any. */
  words: { last: { text: string; endMs: number } | null } | null;
};

export type ThoughtVerdict =
  | { ended: false; why: 'speaking' | 'thinking' | 'waiting-for-words' | 'mid-clause' }
  | { ended: true; why: 'think-time' | 'long-silence' };

export function endOfThought(input: ThoughtInput, settings: EndOfThoughtSettings): ThoughtVerdict {
  const { silentForMs } = input;
  if (silentForMs <= 0) return { ended: false, why: 'speaking' };
  const longMs = Math.max(settings.longSilenceMs, settings.thinkTimeMs);
  if (silentForMs >= longMs) return { ended: true, why: 'long-silence' };
  if (silentForMs < settings.thinkTimeMs) return { ended: false, why: 'thinking' };
  if (!input.words || !input.spoke) return { ended: true, why: 'think-time' };
  const last = input.words.last;
  const silenceStartMs = input.nowMs - silentForMs;
  if (!last || last.endMs < silenceStartMs - WORDS_SLACK_MS) return { ended: false, why: 'waiting-for-words' };
  if (breaksOffMidClause(last.text)) return { ended: false, why: 'mid-clause' };
  return { ended: true, why: 'think-time' };
}

/** Words after which a clause goes on: conjunctions, articles and determiners, prepositions, fillers. */
const CLAUSE_GOES_ON = new Set(
  // conjunctions and connectives
  (
    'and but or nor so because since although though while whereas if unless until then than ' +
    'that which who whose where when whether also plus ' +
    // articles and determiners
    'a an the this these those my your our their its his her some any each every ' +
    // prepositions
    'to of with for in on at by from into onto about over under between through via like as ' +
    // fillers and hesitations
    'um umm uhm erm er uh uhh eh hmm mm'
  ).split(' '),
);
/** Two-word fillers the sentence is not over after. */
const CLAUSE_GOES_ON_PAIRS = new Set(['you know', 'i mean', 'kind of', 'sort of']);

/** Whether the words stop mid-clause: on a word above, or on a comma, a dash or a trailing ellipsis. */
export function breaksOffMidClause(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  if (/(?:[,;:\-–—]|\.\.\.|…)["')\]]*$/.test(trimmed)) return true;
  const words = trimmed
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  const last = words.at(-1);
  if (last === undefined) return false;
  return CLAUSE_GOES_ON.has(last) || CLAUSE_GOES_ON_PAIRS.has(words.slice(-2).join(' '));
}

/** The voice tracker's reading with the verdict on its silence, as the follow-up modes read it. */
export function thoughtActivity(
  voice: { silentForMs: number; speakingForMs: number; spoke: boolean },
  nowMs: number,
  words: ThoughtInput['words'],
  settings: EndOfThoughtSettings,
): VoiceActivity {
  const { silentForMs, speakingForMs, spoke } = voice;
  const verdict = endOfThought({ nowMs, silentForMs, spoke, words }, settings);
  return { silentForMs, speakingForMs, endOfThought: verdict.ended };
}
