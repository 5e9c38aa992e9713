/**
 * Misuse any point can show: the point's term said with the opposite predicate ("when the
 * sigmoid saturates the gradient blows up" for a point about a gradient that vanishes). Pairs of
 * predicates that contradict each other; a point that says one side (in its text or cues) is not
 * clearly covered by a sentence holding its terms and the other side. Written from the ideas, not
 * from any labelled answer.
 */
import { normalise, stem } from './tokens';

const OPPOSITES: [string, string][] = [
  [
    'vanish|vanishes|vanishing|shrink|shrinks|goes to 0|go to 0|close to 0|tiny|dies|die out',
    'blow up|blows up|explode|explodes|exploding|huge|grows without bound',
  ],
  ['linear|linearly|proportional', 'quadratic|quadratically|exponential|exponentially|squared in'],
  ['overfit|overfitting|overfits', 'underfit|underfitting|underfits'],
  ['on policy', 'off policy'],
  ['off policy', 'on policy'],
  ['freeze|frozen|freezes', 'updates every weight|update every weight|trains all the weights|changes all the weights'],
  ['sparse|exactly 0|exactly zero', 'dense|never exactly zero'],
  ['stateless', 'stateful'],
  ['lower bound', 'upper bound'],
  ['upper bound', 'lower bound'],
  ['decreas|reduces|lower', 'increases|raises|higher'],
];

const phrases = (side: string) => side.split('|').map((p) => normalise(p).map(stem));
const contains = (text: string[], phrase: string[]) => text.some((_, i) => phrase.every((w, k) => text[i + k] === w));

/** The phrases that contradict what the point says (empty when it says neither or both sides). */
export function oppositesOf(text: string, cues: readonly string[]): string[] {
  const said = normalise([text, ...cues.filter((c) => !c.startsWith('not:'))].join(' ')).map(stem);
  return OPPOSITES.flatMap(([side, other]) =>
    phrases(side).some((p) => contains(said, p)) && !phrases(other).some((p) => contains(said, p))
      ? other.split('|')
      : [],
  );
}
