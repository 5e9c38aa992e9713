/** Non-blocking notice listing content files that could not be loaded; the rest of the library still works. */
import type { ContentProblem } from '@shared/contract';
import { Icon } from '../ui/Icon';
import { plural } from '../../lib/format';
import './ContentProblems.css';

const originLabel: Record<ContentProblem['origin'], string> = {
  builtin: 'built-in',
  user: 'your content folder',
};

export function ContentProblems({ problems }: { problems: readonly ContentProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="content-problems" role="alert" aria-labelledby="content-problems-heading">
      <div className="content-problems-head">
        <Icon name="alert" />
        <h2 id="content-problems-heading">Content problems</h2>
        <span className="content-problems-count">
          {plural(problems.length, 'problem')} — the affected files were skipped; everything else is available.
        </span>
      </div>
      <ul className="content-problems-list">
        {problems.map((problem, index) => (
          <li key={`${problem.origin}:${problem.file}:${problem.field}:${index}`}>
            <span className="content-problems-text">
              <code>{problem.file}</code> — {problem.field ? <code>{problem.field}</code> : null}
              {problem.field ? ': ' : ''}
              {problem.message}
            </span>
            <span className="content-problems-origin">{originLabel[problem.origin]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
