/**
 * Reviewing one round: listen back on the waveform (markers, marks, speed, shortcuts), reveal the
 * answer, score clarity/rigor/speed against the rubric, tick expected points and behaviours and
 * write the 3-line postmortem. Everything saves as you go.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MarkKind, RecordingView } from '@shared/contract';
import { useSettings } from '../../api/settings';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import { StateMessage } from '../ui/StateMessage';
import { BehaviourChecklist } from './BehaviourChecklist';
import { FollowUpList } from './FollowUpList';
import { FollowUpReasons } from './FollowUpReasons';
import { MarksPanel } from './MarksPanel';
import { MarkToolbar } from './MarkToolbar';
import { PlayerBar } from './PlayerBar';
import { createPlayerStore, type PlayerControls } from './player-store';
import { Postmortem } from './Postmortem';
import { allScored, playbackRates, roundLabel, type PlaybackRate } from './review-meta';
import { RevealPanel } from './RevealPanel';
import { SaveStatus } from './SaveStatus';
import { ScoreScales } from './ScoreScales';
import { SelfReviewQuestions } from './SelfReviewQuestions';
import { SpeechStrip } from './SpeechStrip';
import { TimingPanel } from './TimingPanel';
import { TranscriptPanel } from './TranscriptPanel';
import { ReportCard } from './ReportCard';
import { useReviewKeys } from './useReviewKeys';
import { useRoundReview } from './useRoundReview';
import { useRoundWords } from './useRoundWords';
import { useTranscript } from './useTranscript';
import { WordReport } from './WordReport';
import { Waveform, type FollowUpMarker } from './Waveform';
import './RoundReview.css';

type Props = {
  roundId: string;
  onBack: () => void;
  onCompare: (roundId: string) => void;
  onSummary: (sessionId: string) => void;
  /** Start at this moment of the recording (ms), e.g. a search hit. */
  startAtMs?: number;
};

type Playable = RecordingView & { durationMs: number };
const isPlayable = (r: RecordingView | null): r is Playable =>
  r !== null && r.durationMs !== null && (r.status === 'finalized' || r.status === 'recovered');

function Section({ title, children, className }: { title: string; children: React.ReactNode; className?: string }) {
  const id = `review-section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className={`panel review-panel${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h2 id={id} className="review-panel-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function RoundReview({ roundId, onBack, onCompare, onSummary, startAtMs }: Props) {
  const review = useRoundReview(roundId);
  const { data: settings } = useSettings();
  const [chosenRate, setChosenRate] = useState<PlaybackRate | null>(null);
  const [skipSilences, setSkipSilences] = useState(false);
  const store = useMemo(() => createPlayerStore(), []);
  const controls = useRef<PlayerControls | null>(null);

  const rate: PlaybackRate = chosenRate ?? settings?.playbackRate ?? 1.5;
  const { view, draft, marks, addMark } = review;
  const words = useRoundWords(roundId, view ? view.revealed : null);
  // Asked for with review:get, not once the panel has mounted: a long transcript is the slowest answer.
  const transcript = useTranscript(roundId);

  const followUps = useMemo<FollowUpMarker[]>(
    () =>
      (view?.round.askedFollowUps ?? [])
        .filter((f) => f.spokenStartMs !== null)
        .map((f) => ({ index: f.index, text: f.text, atMs: f.spokenStartMs! }))
        .sort((a, b) => a.atMs - b.atMs),
    [view?.round.askedFollowUps],
  );
  const followUpTimes = useMemo(() => followUps.map((f) => f.atMs / 1000), [followUps]);
  const recording = view && isPlayable(view.round.recording) ? view.round.recording : null;

  const markNow = useCallback(
    (kind: MarkKind) => {
      const player = controls.current;
      if (!player) return;
      const nowMs = player.time() * 1000;
      if (kind === 'ramble') addMark('ramble', nowMs, Math.min(nowMs + 5000, player.duration() * 1000));
      else addMark(kind, nowMs, null);
    },
    [addMark],
  );

  const stepRate = useCallback(
    (direction: -1 | 1) => {
      const i = playbackRates.indexOf(rate);
      const next = playbackRates[Math.min(playbackRates.length - 1, Math.max(0, i + direction))]!;
      setChosenRate(next);
    },
    [rate],
  );

  useReviewKeys({ controls, followUpTimes, onRateStep: stepRate, onMark: markNow });

  const seekMs = useCallback((ms: number) => controls.current?.seek(ms / 1000), []);
  // "Hear it": jump there and play.
  const hearMs = useCallback(
    (ms: number) => {
      const player = controls.current;
      if (!player) return;
      player.seek(ms / 1000);
      if (!store.get().playing) player.playPause();
    },
    [store],
  );

  // Opened at a moment (a search hit): seek as soon as the waveform can, and again while the player
  // falls back to 0 before anything played (a waveform drawn anew, or the audio's metadata arriving
  // after the seek, starts at 0).
  useEffect(() => {
    if (startAtMs === undefined) return;
    let played = false;
    const trySeek = () => {
      const { ready, playing, time } = store.get();
      played ||= playing;
      if (!ready || played || !controls.current) return;
      if (Math.abs(controls.current.time() * 1000 - startAtMs) > 250 && (time === 0 || controls.current.time() === 0))
        controls.current.seek(startAtMs / 1000);
    };
    trySeek();
    return store.subscribe(trySeek);
  }, [startAtMs, store]);

  if (review.error && !view) {
    return (
      <div className="panel">
        <StateMessage
          kind="error"
          icon="alert"
          title="Could not open this round's review"
          action={
            <div className="review-actions-row">
              <button type="button" className="btn" onClick={review.reload}>
                Try again
              </button>
              <button type="button" className="btn btn-ghost" onClick={onBack}>
                Back to the list
              </button>
            </div>
          }
        >
          {errorMessage(review.error)}
        </StateMessage>
      </div>
    );
  }
  if (!view || !draft) return <StateMessage kind="loading" title="Opening the review…" />;

  const blind = settings?.blindScoring ?? false;
  const scored = allScored(draft.scores);
  const hideTiming = blind && !scored;
  const title = roundLabel(view.round);

  return (
    <div className="round-review">
      <header className="round-review-header">
        <button type="button" className="btn btn-ghost round-review-back" onClick={onBack}>
          <Icon name="back" />
          Review list
        </button>
        <div className="round-review-heading">
          <div className="round-review-title-row">
            <h1 tabIndex={-1} data-screen-heading="">
              {title}
            </h1>
            {scored ? <Badge tone="loop">Scored</Badge> : <Badge tone="neutral">To score</Badge>}
          </div>
          <p className="round-review-meta">
            {view.session.title} · {formatDateTime(view.round.startedAt ?? view.session.createdAt)} · Round{' '}
            {view.round.index + 1} of {view.roundCount} · {view.round.category}
          </p>
        </div>
        <div className="round-review-actions">
          <SaveStatus saver={review.saver} />
          <button type="button" className="btn" onClick={() => onSummary(view.session.id)}>
            <Icon name="list" />
            Session summary
          </button>
          <button type="button" className="btn" onClick={() => onCompare(view.round.id)}>
            <Icon name="compare" />
            Compare attempts
          </button>
        </div>
      </header>

      <section className="panel review-prompt" aria-label="Prompt">
        <span className="review-prompt-label">Prompt</span>
        <p>{view.round.prompt}</p>
      </section>

      <section className="panel review-player" aria-label="Recording">
        {recording ? (
          <>
            <Waveform
              key={recording.id}
              recording={recording}
              followUps={followUps}
              marks={marks}
              rate={rate}
              skipSilences={skipSilences}
              hideDuration={hideTiming}
              store={store}
              controlsRef={controls}
              onAddRamble={(startMs, endMs) => addMark('ramble', startMs, endMs)}
              onMoveMark={review.moveMark}
            />
            <SpeechStrip roundId={view.round.id} durationMs={recording.durationMs ?? 0} />
            <PlayerBar
              store={store}
              controlsRef={controls}
              durationSeconds={recording.durationMs / 1000}
              hideDuration={hideTiming}
              rate={rate}
              onRate={setChosenRate}
              skipSilences={skipSilences}
              onSkipSilences={setSkipSilences}
            />
          </>
        ) : (
          <StateMessage kind="empty" icon="alert" title="No playable recording for this round" compact>
            {view.round.recording?.error ??
              'The recording is missing or could not be finalized. You can still score it.'}
          </StateMessage>
        )}
      </section>

      {recording ? (
        <section className="panel review-marking" aria-label="Marking">
          <MarkToolbar onMark={markNow} />
          {review.markError ? (
            <p className="review-inline-error" role="alert">
              Could not save that mark: {review.markError}
            </p>
          ) : null}
        </section>
      ) : null}

      <Section title="Transcript" className="review-transcript">
        <TranscriptPanel transcript={transcript} followUps={followUps} store={store} onSeek={seekMs} />
      </Section>

      <div className="review-grid">
        <div className="review-col">
          <Section title="Scores">
            <ScoreScales rubric={view.rubric} scores={draft.scores} onChange={review.setScore} />
          </Section>
          <Section title="Interview behaviour">
            <BehaviourChecklist
              items={view.rubric?.behaviourChecklist ?? []}
              values={draft.behaviour}
              onChange={review.setBehaviour}
            />
          </Section>
          <Section title="Postmortem">
            <Postmortem
              prompts={view.rubric?.postmortemPrompts ?? null}
              values={draft.postmortem}
              onChange={review.setPostmortem}
              onBlur={review.flushText}
            />
          </Section>
        </div>
        <div className="review-col">
          <Section title="Answer" className="review-answer">
            <RevealPanel
              revealed={view.revealed}
              answers={view.answers}
              expectedPointCount={view.expectedPointCount}
              points={draft.points}
              onReveal={review.reveal}
              onPoint={review.setPoint}
              suggestions={words.words?.coverage}
              onHear={hearMs}
            />
          </Section>
          <Section title="Follow-ups">
            <FollowUpList followUps={followUps} onSeek={seekMs} />
          </Section>
          {view.followUpDecisions.length > 0 ? (
            <Section title="Why each follow-up came">
              <FollowUpReasons decisions={view.followUpDecisions} onHear={recording ? hearMs : null} />
            </Section>
          ) : null}
          <Section title="Marks">
            <MarksPanel marks={marks} onSeek={seekMs} onDelete={review.deleteMark} />
          </Section>
          <Section title="Timing">
            <TimingPanel
              hidden={hideTiming}
              durationMs={view.round.recording?.durationMs ?? null}
              budgetSeconds={view.round.budgetSeconds}
              followUps={view.round.askedFollowUps}
            />
          </Section>
          <Section title="Report card">
            <ReportCard
              roundId={view.round.id}
              hidden={hideTiming}
              budgetSeconds={view.round.budgetSeconds}
              headingLevel="h3"
              unnecessaryInterruptions={words.words?.unnecessaryInterruptions ?? null}
            />
            <WordReport words={words.words} error={words.error} hidden={hideTiming} onRetry={words.reload} />
          </Section>
          <Section title="Self-review questions">
            <SelfReviewQuestions questions={view.rubric?.selfReviewQuestions ?? []} />
          </Section>
        </div>
      </div>
    </div>
  );
}
