/**
 * "Score an old round again, blind": at most one prompt a day (the main side decides), shown on the
 * Review home when the setting allows. The earlier scores are never sent; "Not now" dismisses it.
 */
import { useState } from 'react';
import type { Scores } from '@shared/contract';
import { call } from '../../api/client';
import { useRescorePrompt } from '../../api/coach';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import './coach.css';

const titles = { clarity: 'Clarity', rigor: 'Rigor', speed: 'Speed' } as const;

export function RescorePrompt() {
  const { data: prompt } = useRescorePrompt();
  const [scores, setScores] = useState<Scores>({ clarity: null, rigor: null, speed: null });
  const [state, setState] = useState<'open' | 'saving' | 'saved' | 'dismissed'>('open');
  const [problem, setProblem] = useState<string | null>(null);
  if (!prompt || state === 'dismissed') return null;
  if (state === 'saved') {
    return (
      <section className="panel rescore-card" aria-label="Blind re-score" role="status">
        Saved. Progress shows how your re-score compares with the one you gave then.
      </section>
    );
  }
  const anyScore = Object.values(scores).some((s) => s !== null);
  return (
    <section
      className="panel rescore-card coach-section"
      aria-labelledby="rescore-heading"
      data-testid="rescore-prompt"
    >
      <h2 id="rescore-heading">Score an old round again, blind</h2>
      <p className="muted coach-lead">
        {prompt.title} · {prompt.category}
        {prompt.startedAt === null ? '' : ` · ${formatDateTime(prompt.startedAt)}`}. Listen again and score it without
        seeing what you gave it then.
      </p>
      <p>{prompt.prompt}</p>
      {prompt.mediaUrl ? (
        <audio controls preload="none" src={prompt.mediaUrl} aria-label={`Recording of ${prompt.title}`} />
      ) : null}
      <div className="rescore-scales">
        {(['clarity', 'rigor', 'speed'] as const).map((d) => (
          <fieldset key={d} className="rescore-scale">
            <legend>{titles[d]}</legend>
            <div role="radiogroup" aria-label={titles[d]} className="rescore-levels">
              {[1, 2, 3, 4, 5].map((level) => (
                <label key={level}>
                  <input
                    type="radio"
                    name={`rescore-${d}`}
                    value={level}
                    checked={scores[d] === level}
                    onChange={() => setScores((s) => ({ ...s, [d]: level }))}
                  />
                  {level}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <div className="rescore-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!anyScore || state === 'saving'}
          onClick={() => {
            setState('saving');
            call('coach:rescoreAnswer', { rescoreId: prompt.rescoreId, scores }).then(
              () => setState('saved'),
              (e: unknown) => {
                setState('open');
                setProblem(errorMessage(e));
              },
            );
          }}
        >
          Save re-score
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setState('dismissed');
            void call('coach:rescoreDismiss', { rescoreId: prompt.rescoreId }).catch(() => undefined);
          }}
        >
          Not now
        </button>
        {problem ? <span role="alert">{problem}</span> : null}
      </div>
    </section>
  );
}
