/** Session history (for Session, Review and Progress), newest first, a page at a time; refreshed when any session changes. */
import type { SessionListEntry } from '@shared/contract';
import { call } from './client';
import { usePagedList, type PagedList } from './paged';

export type { SessionListEntry };

export type RecentSessions = PagedList<SessionListEntry> & {
  /** The sessions shown so far (null until the first page has loaded). */
  sessions: SessionListEntry[] | null;
};

export function useRecentSessions(pageSize = 20): RecentSessions {
  const list = usePagedList<SessionListEntry>(
    'sessions',
    (limit, after) => call('session:list', { limit, after }),
    pageSize,
  );
  return { ...list, sessions: list.entries };
}
