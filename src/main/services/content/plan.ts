/** Turns a loop, a circuit or a random pick into the ordered rounds of a session. */
import type { CircuitSpec, ItemSpec, RoundSpec } from '../../../shared/content';
import type { RoundAnswers, RoundPlan, SessionSource } from '../../../shared/contract';
import type { LoadedContent, Located } from './load';
import { NotFoundError } from '../infra/errors';

/** A planned round and, kept apart so it never reaches the renderer early, what it is judged against. */
export type PlannedRound = RoundPlan & { answers: RoundAnswers };
export type SessionPlan = { title: string; rounds: PlannedRound[] };

export function planSession(content: LoadedContent, source: SessionSource, random: () => number): SessionPlan {
  switch (source.type) {
    case 'item': {
      const item = content.items.get(source.id);
      if (!item) throw new NotFoundError(`No loop or mock has the id "${source.id}".`);
      return { title: item.title, rounds: planItem(item) };
    }
    case 'circuit': {
      const circuit = content.circuits.get(source.id);
      if (!circuit) throw new NotFoundError(`No circuit has the id "${source.id}".`);
      return { title: circuit.title, rounds: planCircuit(circuit, content) };
    }
    case 'random': {
      const wanted = source.category?.toLowerCase();
      const pool = [...content.items.values()]
        .filter((i) => i.kind === 'mock' && (!wanted || i.category.toLowerCase() === wanted))
        .sort((a, b) => a.id.localeCompare(b.id));
      if (pool.length === 0) {
        throw new NotFoundError(source.category ? `No mock is in the category "${source.category}".` : 'No mocks are loaded.');
      }
      const item = pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))]!;
      return { title: `Random mock: ${item.title}`, rounds: planItem(item) };
    }
    case 'items': {
      const items = source.ids.map((id) => {
        const item = content.items.get(id);
        if (!item) throw new NotFoundError(`No loop or mock has the id "${id}".`);
        return item;
      });
      const rounds = items.flatMap(planItem).map((round, index) => ({ ...round, index }));
      return { title: `Practice: ${items.map((i) => i.title).join(' · ')}`, rounds };
    }
  }
}

function planRound(
  item: Located<ItemSpec>,
  round: RoundSpec,
  budgetSeconds = round.budgetSeconds,
): Omit<PlannedRound, 'index'> {
  // A circuit slot may give the round another budget: follow-ups keep their relative place.
  const scale = budgetSeconds / round.budgetSeconds;
  return {
    itemId: item.id,
    itemRound: item.rounds.indexOf(round),
    itemTitle: item.title,
    title: round.title,
    category: item.category,
    questionType: round.questionType,
    prompt: round.prompt,
    budgetSeconds,
    followUps: round.followUps.map((f) => ({
      text: f.text,
      atSeconds: Math.round(f.atSeconds * scale),
      jitterSeconds: f.jitterSeconds,
      // Content numbers the points from 1; the plan, like every list in code, from 0.
      ...(f.probes && { probes: f.probes.map((n) => n - 1) }),
    })),
    pointProbes: round.expectedPointProbes,
    answers: {
      expectedPoints: round.expectedPoints,
      expectedPointCues: round.expectedPointCues,
      referenceAnswer: round.referenceAnswer ?? null,
    },
  };
}

function planItem(item: Located<ItemSpec>): PlannedRound[] {
  return item.rounds.map((round, index) => ({ index, ...planRound(item, round) }));
}

function planCircuit(circuit: CircuitSpec, content: LoadedContent): PlannedRound[] {
  const rounds: PlannedRound[] = [];
  let pendingBreak: RoundPlan['breakBefore'];
  for (const step of circuit.steps) {
    if (step.type === 'break') {
      const seconds = Math.round(step.minutes * 60) + (pendingBreak?.seconds ?? 0);
      pendingBreak = { seconds, label: step.label, note: step.note };
      continue;
    }
    const slotRounds = step.items.flatMap((id) => {
      const item = content.items.get(id);
      if (!item) throw new NotFoundError(`Circuit "${circuit.id}" names "${id}", which is not loaded.`);
      return item.rounds.map((round) => ({ item, round }));
    });
    const each = Math.max(20, Math.round((step.minutes * 60) / slotRounds.length));
    for (const { item, round } of slotRounds) {
      rounds.push({ index: rounds.length, ...planRound(item, round, each), breakBefore: pendingBreak });
      pendingBreak = undefined;
    }
  }
  return rounds;
}
