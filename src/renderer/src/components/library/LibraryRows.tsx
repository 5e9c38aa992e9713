/** The content of one row in the library list: an item (loop or mock) or a circuit. */
import type { CircuitSummary, ItemSummary } from '../../../../shared/contract';
import { formatDuration, plural } from '../../lib/format';
import { questionTypeTitle, type QuestionTypeIndex } from '../../lib/question-types';
import { Badge } from '../Badge';

export const kindLabel: Record<ItemSummary['kind'], string> = { loop: 'Loop', mock: 'Mock' };

export function ItemRow({ item, questionTypes }: { item: ItemSummary; questionTypes: QuestionTypeIndex }) {
  return (
    <>
      <div className="library-row-head">
        <span className="library-row-title">{item.title}</span>
        <span className="library-row-badges">
          {item.origin === 'user' ? <Badge tone="user">Yours</Badge> : null}
          <Badge tone={item.kind}>{kindLabel[item.kind]}</Badge>
        </span>
      </div>
      <div className="library-row-sub">
        <span className="library-row-category">{item.category}</span>
        <span aria-hidden="true"> · </span>
        <span>{item.questionTypes.map((id) => questionTypeTitle(questionTypes, id)).join(', ')}</span>
      </div>
      <div className="library-row-meta">
        <span>{formatDuration(item.budgetSeconds * 1000)}</span>
        <span>{plural(item.roundCount, 'round')}</span>
        <span>{plural(item.followUpCount, 'follow-up')}</span>
      </div>
    </>
  );
}

export function CircuitRow({ circuit }: { circuit: CircuitSummary }) {
  const rounds = circuit.steps.filter((s) => s.type === 'round').length;
  const breaks = circuit.steps.length - rounds;
  return (
    <>
      <div className="library-row-head">
        <span className="library-row-title">{circuit.title}</span>
        <span className="library-row-badges">
          {circuit.origin === 'user' ? <Badge tone="user">Yours</Badge> : null}
          <Badge tone="circuit">Circuit</Badge>
        </span>
      </div>
      {circuit.summary ? <div className="library-row-sub">{circuit.summary}</div> : null}
      <div className="library-row-meta">
        <span>{formatDuration(circuit.totalMinutes * 60_000)}</span>
        <span>{plural(rounds, 'round')}</span>
        <span>{plural(breaks, 'break')}</span>
      </div>
    </>
  );
}
