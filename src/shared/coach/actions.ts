/**
 * The weekly action list: at most five concrete actions drawn from one week's postmortem "what I'll
 * change" lines, the question that stumped the candidate, the most frequent flags, the weakest area
 * and where they rambled most (the seeds' self-assessment). Pure; docs/metrics.md, "Weekly action list".
 */
import { flagId, type FlagId } from '../enums';
import type { ActionDraft } from '../contract/coach';

export const MAX_ACTIONS = 5;

export type WeekMaterial = {
  /** Postmortem change lines of the week's rounds, newest first. */
  changes: { text: string; at: number; roundId: string }[];
  /** Flags raised in the week, most frequent first. */
  flags: { id: FlagId; count: number }[];
  /** Lowest mean score first (category with at least two scored rounds). */
  weakAreas: { category: string; meanScore: number; rounds: number }[];
  /** The week's lowest-scored round. */
  stumped: { roundId: string; title: string; meanScore: number } | null;
  /** The week's round with the most marked ramble. */
  ramble: { roundId: string; title: string; rambleMs: number } | null;
};

/** What to do about each flag, in the candidate's words. */
const flagActions: Record<FlagId, string> = {
  'long-preamble': 'Start talking within 10 seconds: say your first step out loud, then think on.',
  'over-budget': 'Keep one eye on the timer: wrap up when it turns amber.',
  'over-target': 'Give the short version first and offer to go deeper.',
  'long-follow-up-answer': 'Answer each follow-up in two or three sentences, then stop.',
  'front-loaded': 'Say the core answer in the first minute, before the details.',
};
flagId.options.forEach((id) => {
  if (!flagActions[id]) throw new Error(`no action for flag ${id}`);
});

/** Lower-case words only: "State the core answer!" and "state the core answer" are one line. */
export const normaliseLine = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

export function weeklyActions(week: WeekMaterial): ActionDraft[] {
  // Change lines: grouped by their words, most often written first, then most recent.
  const groups = new Map<string, { text: string; count: number; at: number; roundId: string }>();
  for (const c of week.changes) {
    const key = normaliseLine(c.text);
    if (!key) continue;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { text: c.text.trim(), count: 1, at: c.at, roundId: c.roundId });
  }
  const changes: ActionDraft[] = [...groups.values()]
    .sort((a, b) => b.count - a.count || b.at - a.at)
    .map((g) => ({
      kind: 'change',
      text: g.text,
      why: `You wrote this ${times(g.count)} this week.`,
      roundId: g.roundId,
    }));
  const flags: ActionDraft[] = week.flags
    .filter((f) => f.count > 0)
    .map((f) => ({
      kind: 'flag',
      text: flagActions[f.id],
      why: `Flagged ${times(f.count)} this week.`,
      roundId: null,
    }));
  const weak: ActionDraft[] = week.weakAreas.slice(0, 1).map((w) => ({
    kind: 'weak-area',
    text: `Practise ${w.category} again.`,
    why: `Your weakest area: mean score ${w.meanScore.toFixed(1)} over ${w.rounds} rounds.`,
    roundId: null,
  }));
  const stumped: ActionDraft[] = week.stumped
    ? [
        {
          kind: 'stumped',
          text: `Retake “${week.stumped.title}”.`,
          why: `The question that stumped you: mean score ${week.stumped.meanScore.toFixed(1)}.`,
          roundId: week.stumped.roundId,
        },
      ]
    : [];
  const ramble: ActionDraft[] =
    week.ramble && week.ramble.rambleMs > 0
      ? [
          {
            kind: 'ramble',
            text: `Answer “${week.ramble.title}” again in half the words.`,
            why: `You marked ${Math.round(week.ramble.rambleMs / 1000)} s of rambling there.`,
            roundId: week.ramble.roundId,
          },
        ]
      : [];
  // One of each source in turn, most concrete first, so no single source crowds out the others.
  const queues = [changes, stumped, flags, weak, ramble];
  const out: ActionDraft[] = [];
  const seen = new Set<string>();
  while (out.length < MAX_ACTIONS && queues.some((q) => q.length)) {
    for (const q of queues) {
      const next = q.shift();
      if (!next || out.length >= MAX_ACTIONS) continue;
      const key = normaliseLine(next.text);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(next);
    }
  }
  return out;
}
