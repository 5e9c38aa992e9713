/**
 * Search across every round's transcript from the Review list: matching moments with the matched
 * words marked, the round, its date and the time in the recording; one page at a time ("Show
 * more"), and a result opens the round's review at that moment.
 */
import { useEffect, useId, useState } from 'react';
import type { TranscriptSearchHit } from '@shared/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { formatClock, formatDateTime, plural } from '../../lib/format';
import { StateMessage } from '../ui/StateMessage';
import './TranscriptSearch.css';

const PAGE = 20;
const TYPING_DELAY_MS = 250;

type Results = { query: string; total: number; hits: TranscriptSearchHit[] };

export function TranscriptSearch({ onOpen }: { onOpen: (roundId: string, atMs: number) => void }) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  // Kept with the query it belongs to, so a later query never shows an older failure.
  const [failure, setFailure] = useState<{ query: string; error: unknown } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const query = typed.trim();

  useEffect(() => {
    if (!query) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      call('transcript:search', { query, offset: 0, limit: PAGE }).then(
        (page) => {
          if (cancelled) return;
          setResults({ query, ...page });
        },
        (error: unknown) => {
          if (!cancelled) setFailure({ query, error });
        },
      );
    }, TYPING_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  const showMore = () => {
    if (!results) return;
    setLoadingMore(true);
    call('transcript:search', { query: results.query, offset: results.hits.length, limit: PAGE })
      .then(
        (page) =>
          setResults((r) =>
            r && r.query === results.query ? { ...r, total: page.total, hits: [...r.hits, ...page.hits] } : r,
          ),
        (error: unknown) => setFailure({ query: results.query, error }),
      )
      .finally(() => setLoadingMore(false));
  };

  const current = results && results.query === query ? results : null;
  const error = failure && failure.query === query ? failure.error : null;
  let body = null;
  if (!query) body = null;
  else if (error)
    body = (
      <StateMessage kind="error" icon="alert" title="Could not search the transcripts" compact>
        {errorMessage(error)}
      </StateMessage>
    );
  else if (!current) body = <StateMessage kind="loading" title="Searching…" compact />;
  else if (current && current.total === 0)
    body = (
      <StateMessage kind="empty" title={`Nothing said matches “${current.query}”`} compact>
        Only transcribed rounds are searched.
      </StateMessage>
    );
  else if (current)
    body = (
      <>
        <p className="muted transcript-search-count" role="status">
          {plural(current.total, 'moment')} in your transcripts
        </p>
        <ul className="transcript-search-results" aria-label="Transcript search results">
          {current.hits.map((hit, i) => {
            const at = formatClock(hit.startMs);
            const text = hit.snippet.map((p) => p.text).join('');
            return (
              <li key={`${hit.roundId}-${hit.startMs}-${i}`}>
                <button
                  type="button"
                  className="transcript-hit"
                  aria-label={`Open ${hit.title} at ${at}: ${text}`}
                  onClick={() => onOpen(hit.roundId, hit.startMs)}
                >
                  <span className="transcript-hit-snippet">
                    {hit.snippet.map((p, j) =>
                      p.match ? <mark key={j}>{p.text}</mark> : <span key={j}>{p.text}</span>,
                    )}
                  </span>
                  <span className="queue-meta">
                    {hit.title} · {hit.startedAt === null ? 'not started' : formatDateTime(hit.startedAt)} · at {at} on
                    the recording
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        {current.hits.length < current.total ? (
          <button type="button" className="btn btn-small" onClick={showMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : `Show more (${current.total - current.hits.length} left)`}
          </button>
        ) : null}
      </>
    );

  return (
    <section className="panel review-list-panel" aria-labelledby={`${inputId}-heading`}>
      <div className="review-list-head">
        <h2 id={`${inputId}-heading`}>Search what you said</h2>
      </div>
      <label htmlFor={inputId} className="visually-hidden">
        Search transcripts
      </label>
      <input
        id={inputId}
        type="search"
        className="input transcript-search-input"
        placeholder="Search every transcript, e.g. load factor"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        maxLength={200}
      />
      {body}
    </section>
  );
}
