/** Library views built from loaded content. Previews never carry answers, expected points or follow-up text. */
import type { CircuitSpec, ItemSpec } from '../../../shared/content';
import type { CircuitSummary, ItemPreview, ItemSummary, LibraryView } from '../../../shared/contract';
import type { LoadedContent, Located } from './load';

export function itemSummary(item: Located<ItemSpec>): ItemSummary {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    category: item.category,
    summary: item.summary,
    tags: item.tags,
    questionTypes: [...new Set(item.rounds.map((r) => r.questionType))],
    roundCount: item.rounds.length,
    budgetSeconds: item.rounds.reduce((sum, r) => sum + r.budgetSeconds, 0),
    followUpCount: item.rounds.reduce((sum, r) => sum + r.followUps.length, 0),
    origin: item.origin,
  };
}

export function itemPreview(item: Located<ItemSpec>): ItemPreview {
  return {
    ...itemSummary(item),
    source: item.source,
    rounds: item.rounds.map((r) => ({
      title: r.title,
      questionType: r.questionType,
      prompt: r.prompt,
      budgetSeconds: r.budgetSeconds,
      followUpCount: r.followUps.length,
    })),
  };
}

export function circuitSummary(circuit: Located<CircuitSpec>, content: LoadedContent): CircuitSummary {
  return {
    id: circuit.id,
    title: circuit.title,
    summary: circuit.summary,
    tags: circuit.tags,
    origin: circuit.origin,
    totalMinutes: circuit.steps.reduce((sum, s) => sum + s.minutes, 0),
    steps: circuit.steps.map((step) => ({
      type: step.type,
      label: step.label,
      minutes: step.minutes,
      itemTitles: step.type === 'round' ? step.items.map((id) => content.items.get(id)?.title ?? id) : [],
    })),
  };
}

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);

export function libraryView(content: LoadedContent): LibraryView {
  const items = [...content.items.values()].map(itemSummary).sort(byTitle);
  return {
    items,
    circuits: [...content.circuits.values()].map((c) => circuitSummary(c, content)).sort(byTitle),
    categories: [...new Set(items.map((i) => i.category))].sort((a, b) => a.localeCompare(b)),
    questionTypes: [...content.questionTypes.values()].map((t) => ({
      id: t.id,
      title: t.title,
      recognise: t.recognise,
      answerShape: t.answerShape,
      targetSeconds: t.targetSeconds,
    })),
    problems: content.problems,
  };
}
