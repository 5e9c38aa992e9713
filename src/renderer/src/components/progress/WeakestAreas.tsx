/** The categories and question types with the lowest average scores (then the most flags per round). */
import type { AreaStat } from '@shared/contract';
import './WeakestAreas.css';

type Props = {
  byCategory: readonly AreaStat[];
  byQuestionType: readonly AreaStat[];
  questionTypeTitle: (id: string) => string;
};

export function WeakestAreas({ byCategory, byQuestionType, questionTypeTitle }: Props) {
  return (
    <div className="weakest">
      <AreaList title="By category" areas={byCategory} name={(k) => k} />
      <AreaList title="By question type" areas={byQuestionType} name={questionTypeTitle} />
    </div>
  );
}

function AreaList({
  title,
  areas,
  name,
}: {
  title: string;
  areas: readonly AreaStat[];
  name: (key: string) => string;
}) {
  return (
    <div className="weakest-list">
      <h3 className="weakest-title">{title}</h3>
      {areas.length === 0 ? (
        <p className="muted">Not enough scored rounds yet (3 or more per area).</p>
      ) : (
        <ol>
          {areas.map((a) => (
            <li key={a.key}>
              <span className="weakest-name">{name(a.key)}</span>
              <span className="weakest-stats">
                <span>
                  average score <strong>{a.averageScore === null ? '—' : a.averageScore.toFixed(1)}</strong> / 5
                </span>
                <span>
                  <strong>{a.flagsPerRound.toFixed(1)}</strong> flags per round
                </span>
                <span>{a.rounds} rounds</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
