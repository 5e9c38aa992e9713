/** Personal baselines: the user's medians per question type over their last 50 analysed rounds of it. */
import { formatDuration } from '../../lib/format';
import type { Baseline } from '@shared/contract';
import './BaselinesTable.css';

type Props = { baselines: readonly Baseline[]; questionTypeTitle: (id: string) => string };

export function BaselinesTable({ baselines, questionTypeTitle }: Props) {
  if (baselines.length === 0) return <p className="muted">Baselines appear once rounds have been analysed.</p>;
  return (
    <div className="baselines-scroll">
      <table className="baselines">
        <thead>
          <tr>
            <th scope="col">Question type</th>
            <th scope="col">Rounds</th>
            <th scope="col">Think time</th>
            <th scope="col">Talk time</th>
            <th scope="col">Core-answer time</th>
            <th scope="col">Longest run</th>
            <th scope="col">Overrun</th>
          </tr>
        </thead>
        <tbody>
          {baselines.map((b) => (
            <tr key={b.questionType}>
              <th scope="row">{questionTypeTitle(b.questionType)}</th>
              <td>{b.rounds}</td>
              <td>{formatDuration(b.thinkTimeMs)}</td>
              <td>{formatDuration(b.talkTimeMs)}</td>
              <td>{formatDuration(b.coreAnswerMs)}</td>
              <td>{formatDuration(b.longestRunMs)}</td>
              <td>{formatDuration(b.overrunMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
