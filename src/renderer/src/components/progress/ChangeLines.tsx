/** "What I'll change": the postmortems' change lines, most recently edited first, a page at a time. */
import { useChangeLines } from '../../api/review';
import { ShowMore } from '../ui/ShowMore';
import { LoadError } from '../ui/LoadError';
import { StateMessage } from '../ui/StateMessage';
import { ActionList } from './ActionList';

export function ChangeLines() {
  const lines = useChangeLines();
  if (lines.error && !lines.entries) {
    return (
      <LoadError icon="alert" title="Could not load what you will change" error={lines.error} onRetry={lines.reload} />
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
