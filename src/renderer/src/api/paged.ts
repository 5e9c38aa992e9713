/**
 * A list read a page at a time (keyset cursors, see src/shared/contract/paging.ts): the first page
 * shows as soon as it arrives, loadMore() appends the next one, and a changed session re-reads from
 * the top as many entries as were shown (so what the candidate scrolled to stays on screen).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageCursor } from '@shared/contract';
import { subscribe } from './client';

export type PageOf<E> = { entries: E[]; next: PageCursor | null };
export type FetchPage<E, P extends PageOf<E>> = (limit: number, after: PageCursor | undefined) => Promise<P>;

export type PagedList<E, P extends PageOf<E> = PageOf<E>> = {
  /** Null until the first page has loaded. */
  entries: E[] | null;
  /** The last page read (its extra fields, e.g. a total). */
  last: P | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** The first page's error (nothing to show) or the last "Show more" error (the list stays). */
  error: unknown;
  loadMore: () => void;
  reload: () => void;
};

type State<E, P> = {
  key: string | null;
  entries: E[] | null;
  last: P | null;
  loadingMore: boolean;
  error: unknown;
};

/**
 * `key` names what is listed (null: nothing yet); `fetchPage` must read that list. `maxLimit` is the
 * channel's bound on a page, used when a reload re-reads everything shown.
 */
export function usePagedList<E, P extends PageOf<E> = PageOf<E>>(
  key: string | null,
  fetchPage: FetchPage<E, P>,
  pageSize: number,
  maxLimit = 100,
): PagedList<E, P> {
  const empty: State<E, P> = { key: null, entries: null, last: null, loadingMore: false, error: null };
  const [state, setState] = useState<State<E, P>>(empty);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const fetchRef = useRef(fetchPage);
  const shownRef = useRef(0);
  const keyRef = useRef<string | null>(null);
  // Bumped by every first-page read: a "Show more" answer from before it is dropped.
  const generation = useRef(0);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  useEffect(() => {
    if (key === null) return;
    const mine = ++generation.current;
    // Another list starts from one page; a reload of the same list re-reads what was shown.
    if (keyRef.current !== key) shownRef.current = 0;
    keyRef.current = key;
    const limit = Math.min(maxLimit, Math.max(pageSize, shownRef.current));
    fetchRef.current(limit, undefined).then(
      (page) => {
        if (mine !== generation.current) return;
        shownRef.current = page.entries.length;
        setState({ key, entries: page.entries, last: page, loadingMore: false, error: null });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setState((s) => (s.key === key ? { ...s, loadingMore: false, error } : { ...empty, key, error }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, pageSize, maxLimit]);

  useEffect(() => subscribe('session:changed', reload), [reload]);

  const current = state.key === key ? state : empty;
  const next = current.last?.next ?? null;

  const loadMore = useCallback(() => {
    if (!next || current.loadingMore) return;
    const mine = generation.current;
    setState((s) => ({ ...s, loadingMore: true, error: null }));
    fetchRef.current(pageSize, next).then(
      (page) => {
        if (mine !== generation.current) return;
        setState((s) => {
          const entries = [...(s.entries ?? []), ...page.entries];
          shownRef.current = entries.length;
          return { ...s, entries, last: page, loadingMore: false, error: null };
        });
      },
      (error: unknown) => {
        if (mine === generation.current) setState((s) => ({ ...s, loadingMore: false, error }));
      },
    );
  }, [next, current.loadingMore, pageSize]);

  return {
    entries: current.entries,
    last: current.last,
    hasMore: next !== null,
    loadingMore: current.loadingMore,
    error: current.error,
    loadMore,
    reload,
  };
}
