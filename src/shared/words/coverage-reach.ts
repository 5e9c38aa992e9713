/**
 * Whether the coverage matcher can reach a point at all (used by `content:check`). A point is
 * unreachable when an answer made of its own cues, said plainly and tied together, is not heard as
 * clearly covered: a cue whose every word is the prompt's, another point's or an everyday word (the
 * matcher never takes those as the point's own evidence), a cue that denies itself, or a misuse
 * ("not:") cue that matches the point's own words.
 */
import {
  AGAINST_PREFIX,
  EXPLAIN_PREFIX,
  coverageOfWords,
  isOwnPhrase,
  sharedWords,
  type ExpectedPoint,
  type SharedWords,
} from './coverage';
import { normalise, stem, wordsFromText } from './tokens';

export type Unreachable = { index: number; why: string };

/**
 * An answer saying, for each cue, its most telling alternative (the first with a word that is not
 * the prompt's, another point's or an everyday word), explained: the plainest way to cover it.
 */
function plainAnswer(point: ExpectedPoint, shared: SharedWords): string {
  const telling = (alt: string) => isOwnPhrase(normalise(alt).map(stem), shared);
  const terms = (point.cues ?? [])
    .filter((c) => !c.startsWith(AGAINST_PREFIX))
    .map((c) => {
      const alternatives = (c.startsWith(EXPLAIN_PREFIX) ? c.slice(EXPLAIN_PREFIX.length) : c)
        .split('|')
        .map((a) => a.trim());
      return alternatives.find(telling) ?? alternatives[0]!;
    });
  return `In this design we rely on ${terms.join(' with ')} for the whole system across every single request and each user which explains the result.`;
}

export function unreachablePoints(points: readonly ExpectedPoint[], prompt: string): Unreachable[] {
  const out: Unreachable[] = [];
  points.forEach((point, index) => {
    if (!point.cues?.length) return;
    const shared = sharedWords(prompt, points, index);
    const answer = plainAnswer(point, shared);
    const plain = coverageOfWords(points, wordsFromText(answer), { prompt })[index]!;
    if (plain.confidence !== 'clear')
      out.push({
        index,
        why: `an answer saying its cues ("${answer}") is ${plain.confidence}, not clearly covered: every word of a cue is the prompt's, another point's or an everyday word, or a cue denies the others, so no answer can reach it`,
      });
  });
  return out;
}
