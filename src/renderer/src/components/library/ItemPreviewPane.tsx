/**
 * The preview of one loop or mock, fetched with library:item. Shows what the candidate may see
 * before a round; the API never sends expected points, follow-up text or reference answers.
 */
import { useEffect, useState } from 'react';
import type { ItemPreview } from '@shared/contract';
import { call } from '../../api/client';
import { onLibraryChange } from '../../api/library';
import { errorMessage } from '../../lib/errors';
import { formatDuration, plural } from '../../lib/format';
import { questionTypeTitle, type QuestionTypeIndex } from '../../lib/question-types';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import { StateMessage } from '../ui/StateMessage';
import { kindLabel } from './LibraryRows';
import { QuestionTypeGuide } from './QuestionTypeGuide';
import './Preview.css';

const cache = new Map<string, ItemPreview>();
onLibraryChange(() => cache.clear());

type Props = {
  id: string;
  questionTypes: QuestionTypeIndex;
  onStart: () => void;
  starting: boolean;
};

type State = { id: string; preview: ItemPreview | null; error: unknown };

export function ItemPreviewPane({ id, questionTypes, onStart, starting }: Props) {
  const [state, setState] = useState<State>(() => ({ id, preview: cache.get(id) ?? null, error: null }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (cache.has(id)) return;
    let cancelled = false;
    call('library:item', { id }).then(
      (preview) => {
        cache.set(id, preview);
        if (!cancelled) setState({ id, preview, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState({ id, preview: null, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, attempt]);

  // A cached preview shows at once; otherwise the last fetched one stays until the new one arrives.
  const cached = cache.get(id);
  const shown: State = cached ? { id, preview: cached, error: null } : state;

  if (shown.error && shown.id === id) {
    return (
      <StateMessage
        kind="error"
        icon="alert"
        title="Could not load this item"
        action={
          <button type="button" className="btn" onClick={() => setAttempt((a) => a + 1)}>
            Try again
          </button>
        }
      >
        {errorMessage(shown.error)}
      </StateMessage>
    );
  }
  // While the next item loads, keep showing the previous one (no flash, no layout jump).
  const preview = shown.preview;
  if (!preview) return <StateMessage kind="loading" title="Loading preview…" />;
  const stale = shown.id !== id;

  return (
    <article className="preview" aria-labelledby="preview-title" aria-busy={stale || undefined}>
      <header className="preview-header">
        <div className="preview-kicker">
          <Badge tone={preview.kind}>{kindLabel[preview.kind]}</Badge>
          {preview.origin === 'user' ? <Badge tone="user">Yours</Badge> : null}
          <span className="preview-category">{preview.category}</span>
        </div>
        <div className="preview-title-row">
          <h2 id="preview-title">{preview.title}</h2>
          <button
            type="button"
            className="btn btn-primary"
            aria-label={`Start ${preview.title}`}
            onClick={onStart}
            disabled={starting || stale}
          >
            <Icon name="play" size={14} />
            {starting ? 'Starting…' : 'Start'}
          </button>
        </div>
        {preview.summary ? <p className="preview-summary">{preview.summary}</p> : null}
        <dl className="preview-facts">
          <div>
            <dt>Total</dt>
            <dd>{formatDuration(preview.budgetSeconds * 1000)}</dd>
          </div>
          <div>
            <dt>Rounds</dt>
            <dd>{preview.roundCount}</dd>
          </div>
          <div>
            <dt>Follow-ups</dt>
            <dd>{preview.followUpCount}</dd>
          </div>
          {preview.source ? (
            <div className="preview-source">
              <dt>Source</dt>
              <dd>{preview.source}</dd>
            </div>
          ) : null}
        </dl>
      </header>

      <ol className="preview-rounds" aria-label="Rounds">
        {preview.rounds.map((round, index) => {
          const type = questionTypes.get(round.questionType);
          return (
            <li key={index} className="preview-round">
              <div className="preview-round-head">
                <h3>
                  <span className="preview-round-index">Round {index + 1}</span>
                  {round.title ? <span> · {round.title}</span> : null}
                </h3>
                <span className="preview-round-meta">
                  <Badge tone="accent">{questionTypeTitle(questionTypes, round.questionType)}</Badge>
                  <span className="preview-budget" title="Time budget">
                    <Icon name="clock" size={14} />
                    <span className="visually-hidden">Budget </span>
                    {formatDuration(round.budgetSeconds * 1000)}
                  </span>
                </span>
              </div>
              <blockquote className="preview-prompt">{round.prompt}</blockquote>
              <p className="preview-followups">
                {round.followUpCount > 0
                  ? `${plural(round.followUpCount, 'follow-up')} (hidden until the round)`
                  : 'No follow-ups in this round'}
              </p>
              {type ? <QuestionTypeGuide type={type} /> : null}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
