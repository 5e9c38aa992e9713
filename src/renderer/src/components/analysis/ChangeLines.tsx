/** "What I'll change": the postmortems' change lines, most recently edited first, a page at a time. */
import { useChangeLines } from '../../api/review';
import { errorMessage } from '../../lib/errors';
import { ShowMore } from '../ShowMore';
import { StateMessage } from '../StateMessage';
import { ActionList } from './ActionList';

export function ChangeLines() {
  const lines = useChangeLines();
  if (lines.error && !lines.entries) {
    return (
      <StateMessage
        kind="error"
        icon="alert"
        title="Could not load what you will change"
        compact
        action={
          <button type="button" className="btn" onClick={lines.reload}>
            Try again
          </button>
        }
      >
        {errorMessage(lines.error)}
      </StateMessage>
    );
  }
  if (!lines.entries) return <StateMessage kind="loading" title="Loading what you will change…" compact />;
  return (
    <>
      <ActionList actions={lines.entries} />
      <ShowMore list={lines} what="change lines" />
    </>
  );
}
