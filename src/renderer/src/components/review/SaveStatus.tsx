/** "Saving…" / "All changes saved" / "Not saved" with a retry: always visible while reviewing. */
import { useSyncExternalStore } from 'react';
import type { ReviewSaver } from '../../api/review';

export function SaveStatus({ saver }: { saver: ReviewSaver }) {
  const state = useSyncExternalStore(saver.subscribe, saver.getState);
  const text =
    state.status === 'pending' || state.status === 'saving'
      ? 'Saving…'
      : state.status === 'saved'
        ? 'All changes saved'
        : state.status === 'error'
          ? 'Not saved'
          : 'Changes save as you go';
  return (
    <div className={`save-status save-status-${state.status}`}>
      <span role="status" aria-live="polite">
        <span className="save-status-dot" aria-hidden="true" />
        {text}
      </span>
      {state.status === 'error' ? (
        <button
          type="button"
          className="btn btn-small"
          title={state.error ?? undefined}
          onClick={() => void saver.flush()}
        >
          Retry saving
        </button>
      ) : null}
    </div>
  );
}
