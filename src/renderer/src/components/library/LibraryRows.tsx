/**
 * The content of one row in the library list: an item (loop or mock) or a circuit. Memoised: the
 * list re-renders on every selection, keystroke and data arrival (settings, Today), and redrawing
 * every row's content each time was most of the first screen's render work; a row's props change
 * only when the library is loaded again.
 */
import { memo } from 'react';
import type { CircuitSummary, ItemSummary } from '@shared/contract';
import { formatDuration, plural } from '../../lib/format';
import { questionTypeTitle, type QuestionTypeIndex } from '../../lib/question-types';
import { Badge } from '../ui/Badge';

export const kindLabel: Record<ItemSummary['kind'], string> = { loop: 'Loop', mock: 'Mock' };

export const ItemRow = memo(function ItemRow({
  item,
  questionTypes,
}: {
  item: ItemSummary;
  questionTypes: QuestionTypeIndex;
}) {
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
});

export const CircuitRow = memo(function CircuitRow({ circuit }: { circuit: CircuitSummary }) {
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
});
