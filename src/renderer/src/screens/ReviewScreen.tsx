/**
 * Review: the to-score queue and recent sessions, a round's review (listen, reveal, score), a
 * session's summary and the attempts at one prompt side by side. openReview(roundId) from
 * api/review opens a round here from anywhere in the app.
 */
import { useCallback, useEffect, useState } from 'react';
import { onReviewRequest, pendingReviewRequest, takeReviewRequest } from '../api/review';
import { CompareAttempts } from '../components/review/CompareAttempts';
import { ReviewHome } from '../components/review/ReviewHome';
import { RoundReview } from '../components/review/RoundReview';
import { SessionSummary } from '../components/review/SessionSummary';
import './ReviewScreen.css';

type View =
  | { kind: 'home' }
  | { kind: 'round'; roundId: string; from: View | null; atMs?: number }
  | { kind: 'summary'; sessionId: string }
  | { kind: 'compare'; roundId: string };

function initialView(): View {
  const requested = pendingReviewRequest();
  return requested ? { kind: 'round', roundId: requested, from: null } : { kind: 'home' };
}

export function ReviewScreen({ onOpenSession }: { onOpenSession: (sessionId: string) => Promise<void> }) {
  const [view, setView] = useState<View>(initialView);

  const go = useCallback((next: View) => {
    setView(next);
    // Like screen navigation: focus lands on the new view's heading (after it renders).
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main [data-screen-heading]')?.focus());
  }, []);

  // Asked to open a round while this screen is already showing (the one asked before it opened is shown).
  useEffect(() => {
    takeReviewRequest();
  }, []);
  useEffect(
    () =>
      onReviewRequest(() => {
        const roundId = takeReviewRequest();
        if (roundId) go({ kind: 'round', roundId, from: null });
      }),
    [go],
  );

  const openRound = useCallback(
    (roundId: string, atMs?: number) => go({ kind: 'round', roundId, from: view, atMs }),
    [go, view],
  );
  const home = useCallback(() => go({ kind: 'home' }), [go]);

  let content;
  switch (view.kind) {
    case 'round':
      content = (
        <RoundReview
          key={view.roundId}
          roundId={view.roundId}
          startAtMs={view.atMs}
          onBack={() => go(view.from && view.from.kind !== 'round' ? view.from : { kind: 'home' })}
          onCompare={(roundId) => go({ kind: 'compare', roundId })}
          onSummary={(sessionId) => go({ kind: 'summary', sessionId })}
        />
      );
      break;
    case 'summary':
      content = (
        <SessionSummary
          key={view.sessionId}
          sessionId={view.sessionId}
          onBack={home}
          onOpenRound={openRound}
          onOpenSession={onOpenSession}
        />
      );
      break;
    case 'compare':
      content = (
        <CompareAttempts
          key={view.roundId}
          roundId={view.roundId}
          onBack={() => go({ kind: 'round', roundId: view.roundId, from: null })}
          onOpenRound={openRound}
        />
      );
      break;
    default:
      content = <ReviewHome onOpenRound={openRound} onSummary={(sessionId) => go({ kind: 'summary', sessionId })} />;
  }

  return (
    <div className="screen-scroll review-screen">
      <div className={`review-column review-column-${view.kind}`}>{content}</div>
    </div>
  );
}
