/** Clarity, rigor and speed, 1–5: one radiogroup each, every level beside its rubric descriptor. */
import { useId } from 'react';
import type { RubricView, Scores } from '@shared/contract';
import { scoreDimensions } from './review-meta';
import './ScoreScales.css';

type Dimension = (typeof scoreDimensions)[number];

const fallbackTitles: Record<Dimension, string> = { clarity: 'Clarity', rigor: 'Rigor', speed: 'Speed' };
const levels = [1, 2, 3, 4, 5] as const;

function Scale({
  id,
  title,
  question,
  descriptors,
  value,
  onChange,
}: {
  id: Dimension;
  title: string;
  question: string | null;
  descriptors: Record<string, string>;
  value: number | null;
  onChange: (dimension: Dimension, value: number) => void;
}) {
  const base = useId();
  return (
    <fieldset className="score-scale">
      <div className="score-scale-head">
        <h3 id={`${base}-title`}>{title}</h3>
        <span className="score-scale-value" aria-hidden="true">
          {value === null ? 'Not scored' : `${value} / 5`}
        </span>
      </div>
      {question ? (
        <p id={`${base}-question`} className="score-scale-question">
          {question}
        </p>
      ) : null}
      <div
        role="radiogroup"
        aria-labelledby={`${base}-title`}
        aria-describedby={question ? `${base}-question` : undefined}
        className="score-levels"
      >
        {levels.map((level) => {
          const descriptor = descriptors[String(level)] ?? '';
          return (
            <label key={level} className={`score-level${value === level ? ' is-selected' : ''}`}>
              <input
                type="radio"
                name={`${base}-${id}`}
                value={level}
                checked={value === level}
                onChange={() => onChange(id, level)}
                aria-label={String(level)}
                aria-describedby={descriptor ? `${base}-d${level}` : undefined}
              />
              <span className="score-level-number" aria-hidden="true">
                {level}
              </span>
              <span id={`${base}-d${level}`} className="score-level-text">
                {descriptor}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function ScoreScales({
  rubric,
  scores,
  onChange,
}: {
  rubric: RubricView | null;
  scores: Scores;
  onChange: (dimension: Dimension, value: number) => void;
}) {
  return (
    <div className="score-scales">
      {scoreDimensions.map((id) => {
        const dim = rubric?.dimensions.find((d) => d.id === id);
        return (
          <Scale
            key={id}
            id={id}
            title={dim?.title ?? fallbackTitles[id]}
            question={dim?.question ?? null}
            descriptors={dim?.levels ?? {}}
            value={scores[id]}
            onChange={onChange}
          />
        );
      })}
    </div>
  );
}
