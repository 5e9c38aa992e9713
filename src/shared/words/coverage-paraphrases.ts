/**
 * Paraphrase families shared by every point: ways people say one idea without its textbook word.
 * When a cue alternative is one of a family's phrases (compared as stems), the whole family counts
 * for that cue, so "coin flip" hears a "bernoulli" cue and "one single bowl" a "convex" one.
 * Written from how the ideas are explained, not from any labelled answer; see
 * docs/content-format.md ("Cues") for how content adds its own.
 */
import { normalise, stem } from './tokens';

const FAMILIES = [
  'bernoulli|coin flip|coin toss|binary outcome|yes or no|two outcomes|0 or 1|biased coin',
  'probability|probabilities|chance|how likely|odds',
  'likelihood|probability of the data|probability of the training|probability of the observed|probability of the labels|how probable the data',
  'cross entropy|log loss|minus the log|logistic loss',
  'convex|bowl|single minimum|one minimum|no local minima|no bad local|global minimum|one valley',
  'non convex|not convex|many local minima|local minima|bumpy|several valleys',
  'gradient|gradients|slope|derivative|error signal',
  'vanish|vanishing|tiny|shrink|go to 0|goes to 0|close to 0|near 0|almost no|dies|die out|stall|stalls|barely move|flat',
  'saturat|flat part|flat region|tails of the sigmoid|squashed|pinned|plateau',
  'variance|noise|noisy|spread|error bars|standard deviation|confidence interval|how much it moves|jitter',
  'seeds|random seeds|several runs|multiple runs|repeated runs|rerun|re run|different initializations|run it again',
  'ablation|ablate|ablating|remove each component|knock out|take out|turn off|leave out|one at a time|without that part',
  'shard|sharded|sharding|partition|split up|slice|spread across|divide among|distributed across',
  'parameters|weights|model weights',
  'optimizer state|adam state|moments|momentum buffers|first and second moment',
  'memory|ram|vram|gpu memory|footprint',
  'latency|response time|how long it takes|delay|slow to respond|round trip',
  'throughput|requests per second|qps|tokens per second|queries per second',
  'constant time|o 1|o of 1|fixed time|same time regardless',
  'linear|o n|o of n|proportional|grows with',
  'overfit|overfitting|memorize|memorise|fit the noise|does not generalize',
  'regulariz|penalty|weight decay|shrinkage',
  'calibrat|confidence matches|probabilities match|match the frequency|trustworthy probabilities',
  'quantiz|lower precision|int8|int4|8 bit|4 bit|fewer bits|half precision',
  'leak|leakage|contaminat|test data in training|seen the test|overlap between train and test',
  'baseline|control group|compare against|reference model',
  'significan|p value|statistically|by chance|chance alone',
  'sample size|enough samples|enough users|number of samples|more data points|sample count',
  'normaliz|standardiz|rescale|scale to',
  'overflow|underflow|nan|inf|blow up|blows up|numerical issues|numerically unstable',
  'subtract max|subtract the max|minus the max|shift by the max|largest value',
  'mask|masking|ignore padding|padded positions|padding tokens',
  'learning rate|step size',
  'warmup|warm up|ramp up',
  'clip|clipping|cap the norm|clamp',
  'cache|caching|memoiz|keep around|store the result|reuse the result',
  'evict|eviction|throw out|drop the oldest|kick out',
  'retriev|retrieval|search step|look up documents|fetch documents',
  'rerank|reranker|re rank|reorder|second stage|second pass',
  'trade off|tradeoff|cost of|at the expense|price you pay|downside',
  'monitor|monitoring|dashboard|alert|alerting|watch the metric',
  'rollback|roll back|revert|undo the deploy',
  'a b test|ab test|online experiment|split test|randomized experiment',
  'offline|historical data|held out data|logged data',
  'label|labels|ground truth|annotation|annotations',
  'distribution shift|drift|data drift|covariate shift|world changes',
  'checkpoint|checkpointing|save the state|snapshot',
  'recompute|recomputation|rematerial|recalculate',
  'batch|batching|group requests|mini batch',
  'attention|attend|attention scores',
  'context|context window|context length|sequence length|prompt length',
  'tokens|token|word pieces|subwords',
  'user|users|customer|customers',
  'cost|costs|expense|expensive|cheap|dollars|money|spend',
  'binary search|bisect|halve the range|halving|cut the range in half|log n search',
  'sorted|in order|ascending|kept ordered|sorted order',
  'append|push|add to the end|add at the end',
  'empty|nothing|none|null|no result|no value|blank',
  'my fault|my mistake|i take responsibility|i was responsible|i owned|my responsibility|i should have|i messed up|i dropped the ball|i misjudged|i underestimated',
  'lesson|learned|learnt|taught me|takeaway|from then on|going forward|since then|now i always',
  'rolled back|roll back|rollback|reverted|turned it off|switched it off|disabled|kill switch|pulled it',
  'impact|cost us|lost|delayed|affected|downtime|outage|revenue|churn',
  'scale up|autoscal|add replicas|more replicas|spin up',
];

/** Stems of a phrase joined by spaces: how families and cue alternatives are compared. */
export const phraseKey = (phrase: string): string => normalise(phrase).map(stem).join(' ');

const familyOf = new Map<string, number>();
const familyPhrases = FAMILIES.map((f, n) => {
  const phrases = f.split('|').map((p) => p.trim());
  for (const p of phrases) if (!familyOf.has(phraseKey(p))) familyOf.set(phraseKey(p), n);
  return phrases;
});

/** A cue alternative and every phrase of the family it belongs to (itself alone when none). */
export function paraphrasesOf(alternative: string): string[] {
  const n = familyOf.get(phraseKey(alternative));
  return n === undefined ? [alternative] : [alternative, ...familyPhrases[n]!.filter((p) => p !== alternative)];
}
