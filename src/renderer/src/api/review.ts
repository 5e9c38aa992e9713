/**
 * Review data: the to-score queue, attempts at the same prompt, session summaries, a saver that
 * writes a round's review as the candidate goes (debounced text, immediate clicks, flushed on leave),
 * and `openReview(roundId)`: any screen can ask the shell to open a round's review.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ChangeLine, RequestInput, ReviewQueueEntry, ReviewView, SessionView } from '@shared/contract';
import { createStore } from '../lib/store';
import { call, subscribe } from './client';
import { usePagedList, type PageOf, type PagedList } from './paged';

// ---- Opening a round's review from anywhere ---------------------------------------------------

let requestedRound: string | null = null;
const requestListeners = new Set<() => void>();

/** Asks the shell to show the Review screen with this round open (e.g. from "Session complete"). */
export function openReview(roundId: string): void {
  requestedRound = roundId;
  for (const listener of [...requestListeners]) listener();
}

/** Called whenever openReview() is used; returns the unsubscribe. */
export function onReviewRequest(listener: () => void): () => void {
  requestListeners.add(listener);
  return () => {
    requestListeners.delete(listener);
  };
}

/** The round most recently asked for and not yet shown. */
export function pendingReviewRequest(): string | null {
  return requestedRound;
}

/** Takes (and clears) the round most recently asked for. */
export function takeReviewRequest(): string | null {
  const roundId = requestedRound;
  requestedRound = null;
  return roundId;
}

// ---- Loading ------------------------------------------------------------------------------------

export type Loaded<T> = { data: T | null; error: unknown; reload: () => void };

/** One fetch per key, again on reload() and whenever a session changes (a round may be recorded). */
function useLoaded<T>(key: string | null, fetcher: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: unknown }>({
    key: null,
    data: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    fetcher().then(
      (data) => {
        if (!cancelled) setState({ key, data, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ key, data: s.key === key ? s.data : null, error }));
      },
    );
    return () => {
      cancelled = true;
    };
    // The fetcher is derived from the key: refetch only when the key or version changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);

  useEffect(() => subscribe('session:changed', reload), [reload]);

  const current = state.key === key;
  return { data: current ? state.data : null, error: current ? state.error : null, reload };
}

/** Rounds waiting to be scored, newest first, a page at a time. */
export const useReviewQueue = (): PagedList<ReviewQueueEntry> =>
  usePagedList<ReviewQueueEntry>('queue', (limit, after) => call('review:queue', { limit, after }), 20);

export type Attempt = ReviewQueueEntry & { review: ReviewView };
type AttemptPage = PageOf<Attempt> & { total: number };

/** Recorded attempts at the same prompt, newest first, a page at a time, each with its review (postmortem, audio). */
export const useAttempts = (roundId: string): PagedList<Attempt, AttemptPage> =>
  usePagedList<Attempt, AttemptPage>(
    `attempts:${roundId}`,
    async (limit, after) => {
      const page = await call('review:attempts', { roundId, limit, after });
      const reviews = await Promise.all(page.entries.map((e) => call('review:get', { roundId: e.roundId })));
      return { ...page, entries: page.entries.map((entry, i) => ({ ...entry, review: reviews[i]! })) };
    },
    10,
    50,
  );

/** Postmortems' "what I'll change" lines, most recently edited first, a page at a time. */
export const useChangeLines = (): PagedList<ChangeLine> =>
  usePagedList<ChangeLine>('changes', (limit, after) => call('review:changes', { limit, after }), 10);

export type SessionSummary = { session: SessionView; reviews: Map<string, ReviewView> };

/** A session and the review of each of its rounds. */
export const useSessionSummary = (sessionId: string) =>
  useLoaded<SessionSummary>(`summary:${sessionId}`, async () => {
    const session = await call('session:get', { sessionId });
    const reviews = await Promise.all(session.rounds.map((r) => call('review:get', { roundId: r.id })));
    return { session, reviews: new Map(reviews.map((r) => [r.round.id, r])) };
  });

// ---- Saving as you go ---------------------------------------------------------------------------

export type ReviewPatch = Omit<RequestInput<'review:save'>, 'roundId'>;
export type SaveState = { status: 'idle' | 'pending' | 'saving' | 'saved' | 'error'; error: string | null };

function mergePatch(older: ReviewPatch, newer: ReviewPatch): ReviewPatch {
  const out: ReviewPatch = { ...older };
  if (newer.scores) out.scores = { ...older.scores, ...newer.scores };
  if (newer.points) out.points = { ...older.points, ...newer.points };
  if (newer.behaviour) out.behaviour = { ...older.behaviour, ...newer.behaviour };
  if (newer.postmortem) out.postmortem = { ...older.postmortem, ...newer.postmortem };
  return out;
}

const isEmpty = (patch: ReviewPatch) => Object.keys(patch).length === 0;

/**
 * Collects changes to one round's review and saves them with review:save: text after a pause in
 * typing, clicks at once. Changes made while a save is in flight go in the next one; a failed save
 * keeps its changes for the retry. flush() on leaving never loses what was typed.
 */
export class ReviewSaver {
  private pending: ReviewPatch = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private readonly store = createStore<SaveState>({ status: 'idle', error: null });

  constructor(
    private readonly roundId: string,
    private readonly onSaved: (view: ReviewView) => void,
  ) {}

  getState = (): SaveState => this.store.get();

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  private set(state: SaveState) {
    this.store.set(state);
  }

  /** Queues a change; delayMs 0 saves now (clicks), otherwise after that long without changes (typing). */
  update(patch: ReviewPatch, delayMs: number): void {
    this.pending = mergePatch(this.pending, patch);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.store.get().status !== 'saving') this.set({ status: 'pending', error: null });
    if (delayMs <= 0) void this.flush();
    else this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  /** Saves everything queued now; resolves when it (and anything queued meanwhile) is saved or failed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inflight) return this.inflight.then(() => (isEmpty(this.pending) ? undefined : this.flush()));
    if (isEmpty(this.pending)) return Promise.resolve();
    const patch = this.pending;
    this.pending = {};
    this.set({ status: 'saving', error: null });
    this.inflight = call('review:save', { roundId: this.roundId, ...patch }).then(
      (view) => {
        this.inflight = null;
        this.onSaved(view);
        if (isEmpty(this.pending)) this.set({ status: 'saved', error: null });
        else void this.flush();
      },
      (error: unknown) => {
        this.inflight = null;
        // Keep the failed changes for the retry; anything newer wins over them.
        this.pending = mergePatch(patch, this.pending);
        this.set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      },
    );
    return this.inflight;
  }

  hasUnsaved(): boolean {
    return !isEmpty(this.pending) || this.inflight !== null;
  }
}
