/** Clarity / rigor / speed as three small chips ("–" when not scored), with a readable label. */
import type { Scores } from '@shared/contract';
import { scoreSummary } from './review-meta';

export function ScoreChips({ scores }: { scores: Scores }) {
  const { label } = scoreSummary(scores);
  const chip = (name: string, value: number | null) => (
    <span className={`score-chip${value === null ? ' is-empty' : ''}`} title={name}>
      <span className="score-chip-name">{name.slice(0, 1)}</span>
      {value ?? '–'}
    </span>
  );
  return (
    <span className="score-chips" role="img" aria-label={label}>
      {chip('Clarity', scores.clarity)}
      {chip('Rigor', scores.rigor)}
      {chip('Speed', scores.speed)}
    </span>
  );
}
