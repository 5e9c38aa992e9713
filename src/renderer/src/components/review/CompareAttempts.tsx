/**
 * Every recorded attempt at the same prompt side by side, oldest to newest: date, length, scores,
 * the "what I'll change" line, and a small player for each attempt's audio (one plays at a time).
 */
import { useEffect, useRef, useState } from 'react';
import type { Scores } from '@shared/contract';
import { useAttempts, type Attempt } from '../../api/review';
import { useSettings } from '../../api/settings';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatDuration, plural } from '../../lib/format';
import { Badge } from '../ui/Badge';
import { RetakeTable } from '../coach/RetakeTable';
import { Icon } from '../ui/Icon';
import { ShowMore } from '../ui/ShowMore';
import { StateMessage } from '../ui/StateMessage';
import { allScored, roundLabel, scoreDimensions } from './review-meta';
import { ScoreChips } from './ScoreChips';
import './CompareAttempts.css';

/** "Clarity +2, rigor ±0, speed +3" between two attempts (dimensions scored in both). */
function scoreDelta(before: Scores, after: Scores): string {
  const parts = scoreDimensions.flatMap((d) => {
    const a = before[d];
    const b = after[d];
    if (a === null || b === null) return [];
    const diff = b - a;
    return [`${d[0]!.toUpperCase()}${d.slice(1)} ${diff > 0 ? '+' : diff < 0 ? '−' : '±'}${Math.abs(diff)}`];
  });
  return parts.length ? parts.join(' · ') : '—';
}

type Props = {
  roundId: string;
  onBack: () => void;
  onOpenRound: (roundId: string) => void;
};

function AttemptAudio({
  attempt,
  name,
  playing,
  rate,
  onPlaying,
}: {
  attempt: Attempt;
  name: string;
  playing: boolean;
  rate: number;
  onPlaying: (playing: boolean) => void;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const recording = attempt.review.round.recording;
  const onPlayingRef = useRef(onPlaying);
  useEffect(() => {
    onPlayingRef.current = onPlaying;
  });

  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    el.preservesPitch = true;
    el.defaultPlaybackRate = rate;
    el.playbackRate = rate;
    if (playing) void el.play().catch(() => onPlayingRef.current(false));
    else el.pause();
  }, [playing, rate]);

  if (!recording || recording.durationMs === null) return <span className="muted">No audio</span>;
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`${playing ? 'Pause' : 'Play'} ${name}`}
        onClick={() => onPlaying(!playing)}
      >
        <Icon name={playing ? 'pause' : 'player-play'} size={13} filled />
        {playing ? 'Pause' : 'Play'}
      </button>
      <audio ref={audio} src={recording.mediaUrl} preload="none" onEnded={() => onPlaying(false)} />
    </>
  );
}

export function CompareAttempts({ roundId, onBack, onOpenRound }: Props) {
  const attempts = useAttempts(roundId);
  const { data: settings } = useSettings();
  const [playingId, setPlayingId] = useState<string | null>(null);
  const blind = settings?.blindScoring ?? false;
  const rate = settings?.playbackRate ?? 1.5;

  const current = attempts.entries?.find((a) => a.roundId === roundId);
  const total = attempts.last?.total ?? 0;
  const title = current ? roundLabel(current.review.round) : 'Compare attempts';

  let body;
  if (attempts.error && !attempts.entries) {
    body = (
      <div className="panel">
        <StateMessage kind="error" icon="alert" title="Could not load the attempts">
          {errorMessage(attempts.error)}
        </StateMessage>
      </div>
    );
  } else if (!attempts.entries) {
    body = <StateMessage kind="loading" title="Loading attempts…" />;
  } else {
    const ordered = [...attempts.entries].reverse();
    // Numbered from the first attempt ever, so numbers stay put as earlier pages load.
    const firstNumber = total - ordered.length + 1;
    body = (
      <>
        <p className="muted">
          {plural(total, 'recorded attempt')} at this prompt, oldest first
          {attempts.hasMore ? ` (the latest ${ordered.length} shown)` : ''}.
          {total === 1 ? ' Practise it again to compare.' : ''}
        </p>
        <RetakeTable roundId={roundId} hideScores={blind && ordered.some((a) => !allScored(a.scores))} />
        <ShowMore list={attempts} what="attempts at this prompt" label="Show earlier" />
        <ol className="compare-grid">
          {ordered.map((attempt, i) => {
            const number = firstNumber + i;
            const name = `attempt ${number}`;
            const isCurrent = attempt.roundId === roundId;
            const hideLength = blind && !allScored(attempt.scores);
            const change = attempt.review.postmortem.change.trim();
            return (
              <li
                key={attempt.roundId}
                className={`panel compare-card${isCurrent ? ' is-current' : ''}`}
                aria-label={`Attempt ${number}`}
              >
                <div className="compare-card-head">
                  <h2>Attempt {number}</h2>
                  {isCurrent ? <Badge tone="accent">This round</Badge> : null}
                </div>
                <dl className="compare-facts">
                  <div>
                    <dt>Date</dt>
                    <dd>{attempt.startedAt === null ? '—' : formatDateTime(attempt.startedAt)}</dd>
                  </div>
                  <div>
                    <dt>Session</dt>
                    <dd>{attempt.sessionTitle}</dd>
                  </div>
                  <div>
                    <dt>Length</dt>
                    <dd>{hideLength ? '—' : formatDuration(attempt.durationMs)}</dd>
                  </div>
                  <div>
                    <dt>Scores</dt>
                    <dd>
                      <ScoreChips scores={attempt.scores} />
                    </dd>
                  </div>
                  {i > 0 ? (
                    <div>
                      <dt>Since attempt {number - 1}</dt>
                      <dd className="compare-delta">{scoreDelta(ordered[i - 1]!.scores, attempt.scores)}</dd>
                    </div>
                  ) : null}
                </dl>
                <div className="compare-change">
                  <span className="compare-change-label">What I’ll change</span>
                  <p className={change ? '' : 'muted'}>{change || 'Not written yet.'}</p>
                </div>
                <div className="compare-actions">
                  <AttemptAudio
                    attempt={attempt}
                    name={name}
                    playing={playingId === attempt.roundId}
                    rate={rate}
                    onPlaying={(on) => setPlayingId(on ? attempt.roundId : null)}
                  />
                  {isCurrent ? null : (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={`Review ${name}`}
                      onClick={() => onOpenRound(attempt.roundId)}
                    >
                      Open review
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </>
    );
  }

  return (
    <div className="compare">
      <header className="subview-header">
        <button type="button" className="btn btn-ghost round-review-back" onClick={onBack}>
          <Icon name="back" />
          Back to the review
        </button>
        <div className="subview-heading">
          <h1 tabIndex={-1} data-screen-heading="">
            Compare attempts
          </h1>
          <p className="round-review-meta">{title}</p>
        </div>
      </header>
      {body}
    </div>
  );
}
