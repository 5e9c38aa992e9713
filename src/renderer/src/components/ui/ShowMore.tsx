/** The "Show more" button under a paged list, with why the last page failed to load. */
import type { PagedList } from '../../api/paged';
import { errorMessage } from '../../lib/errors';
import './ShowMore.css';

type Props = {
  list: Pick<PagedList<unknown>, 'entries' | 'hasMore' | 'loadingMore' | 'error' | 'loadMore'>;
  /** What is listed, for the accessible name: "Show more rounds to score". */
  what: string;
  label?: string;
};

export function ShowMore({ list, what, label = 'Show more' }: Props) {
  const failed = list.error !== null && list.entries !== null;
  if (!list.hasMore && !failed) return null;
  return (
    <div className="show-more">
      {failed ? (
        <p className="show-more-error" role="alert">
          Could not load more {what}: {errorMessage(list.error)}
        </p>
      ) : null}
      {list.hasMore ? (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`${label} ${what}`}
          aria-busy={list.loadingMore}
          disabled={list.loadingMore}
          onClick={list.loadMore}
        >
          {list.loadingMore ? 'Loading…' : label}
        </button>
      ) : null}
    </div>
  );
}
