/**
 * The round's transcript beside the waveform: follows playback (the word being spoken, or the whole
 * segment when the model gave no word times), a click on a word seeks there, and each follow-up
 * reads inline where it was asked. Playback ticks re-render only the row being spoken (rows are
 * memoised and get the active word only when it is theirs), rows off screen are skipped by the
 * browser (content-visibility) and get an element per word only near view, so a 60-minute
 * transcript opens and stays responsive.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { TranscriptView } from '@shared/contract';
import { useSettings } from '../../api/settings';
import { formatClock } from '../../lib/format';
import { LoadError } from '../ui/LoadError';
import { StateMessage } from '../ui/StateMessage';
import type { PlayerStore } from './player-store';
import { NOWHERE, playbackSpot, timelineIndex, transcriptRows, type TimelineRow } from './transcript-timeline';
import type { TranscriptState } from './useTranscript';
import './TranscriptPanel.css';

type Props = {
  /** The round's transcript, asked for by the review as it opens (useTranscript). */
  transcript: TranscriptState;
  followUps: readonly { index: number; text: string; atMs: number }[];
  store: PlayerStore;
  onSeek: (ms: number) => void;
};

type SegmentRowData = Extract<TimelineRow, { kind: 'segment' }>;

const SegmentRow = memo(function SegmentRow({
  row,
  active,
  activeWord,
  withWords,
  onSeek,
}: {
  row: SegmentRowData;
  active: boolean;
  /** The word being spoken, -1 for none; only the active row gets anything but -1. */
  activeWord: number;
  /** An element per word (to click and to follow) or, far from view, the same words as one text. */
  withWords: boolean;
  onSeek: (ms: number) => void;
}) {
  const at = formatClock(row.startMs);
  let text: React.ReactNode = row.text;
  if (row.words.length && withWords)
    text = row.words.map((w, i) => (
      <span
        key={i}
        className={`transcript-word${i === activeWord ? ' is-current' : ''}`}
        data-ms={w.startMs}
        aria-current={i === activeWord ? 'true' : undefined}
      >
        {w.text}{' '}
      </span>
    ));
  else if (row.words.length) text = row.words.map((w) => `${w.text} `).join('');
  return (
    <li
      className={`transcript-row${active ? ' is-active' : ''}${row.words.length ? '' : ' no-word-times'}`}
      data-segment={row.segment}
      aria-current={active ? 'true' : undefined}
    >
      <button
        type="button"
        className="transcript-time"
        aria-label={`Jump to ${at}: ${row.text.slice(0, 80)}`}
        onClick={() => onSeek(row.startMs)}
      >
        {at}
      </button>
      <p className="transcript-text">{text}</p>
    </li>
  );
});

function FollowUpRow({
  row,
  onSeek,
}: {
  row: Extract<TimelineRow, { kind: 'follow-up' }>;
  onSeek: (ms: number) => void;
}) {
  const at = formatClock(row.atMs);
  return (
    <li className="transcript-follow-up">
      <button
        type="button"
        className="transcript-time"
        aria-label={`Jump to the follow-up asked at ${at}: ${row.text}`}
        onClick={() => onSeek(row.atMs)}
      >
        {at}
      </button>
      <p className="transcript-text">
        <span className="transcript-follow-up-label">Follow-up</span> {row.text}
      </p>
    </li>
  );
}

/**
 * The segments whose rows have come within a panel's height of the list's visible part. A word
 * is an element only there: an hour holds ~9,000 words, and building them all is most of what
 * opening the review used to cost. A row keeps its words once it has them.
 */
function useRowsNearView(listRef: React.RefObject<HTMLOListElement | null>, rows: readonly TimelineRow[]) {
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const seen = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement);
        if (!seen.length) return;
        for (const el of seen) observer.unobserve(el);
        setNear((prev) => new Set([...prev, ...seen.map((el) => Number(el.dataset.segment))]));
      },
      { root: list, rootMargin: '100% 0px' },
    );
    for (const el of list.querySelectorAll('li[data-segment]')) observer.observe(el);
    return () => observer.disconnect();
  }, [listRef, rows]);
  return near;
}

function TranscriptBody({
  view,
  followUps,
  store,
  onSeek,
}: {
  view: TranscriptView & { transcript: NonNullable<TranscriptView['transcript']> };
  followUps: Props['followUps'];
  store: PlayerStore;
  onSeek: (ms: number) => void;
}) {
  const rows = useMemo(() => transcriptRows(view.transcript.segments, followUps), [view.transcript, followUps]);
  const index = useMemo(() => timelineIndex(rows), [rows]);
  const [follow, setFollow] = useState(true);
  const listRef = useRef<HTMLOListElement>(null);
  const nearView = useRowsNearView(listRef, rows);
  // A string snapshot: the panel re-renders only when the spoken segment or word changes.
  const spotKey = useSyncExternalStore(store.subscribe, () => {
    const spot = playbackSpot(index, store.get().time * 1000);
    return `${spot.segment}:${spot.word}`;
  });
  const [segment, word] = spotKey.split(':').map(Number) as [number, number];
  const spot = segment < 0 ? NOWHERE : { segment, word };

  useEffect(() => {
    const list = listRef.current;
    if (!follow || !list || spot.segment < 0) return;
    const el = list.querySelector<HTMLElement>(`[data-segment="${spot.segment}"]`);
    if (!el) return;
    const top = el.offsetTop;
    const bottom = top + el.offsetHeight;
    if (top < list.scrollTop || bottom > list.scrollTop + list.clientHeight)
      list.scrollTo({ top: Math.max(0, top - list.clientHeight / 3) });
  }, [follow, spot.segment]);

  // One handler for every word: thousands of words, no listener each.
  const onWordClick = useCallback(
    (event: React.MouseEvent) => {
      const target = (event.target as HTMLElement).closest<HTMLElement>('.transcript-word');
      if (target?.dataset.ms) onSeek(Number(target.dataset.ms));
    },
    [onSeek],
  );

  // Up/Down move between the rows' time buttons, like a list.
  const onKeyDown = useCallback((event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.transcript-time') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, i + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  }, []);

  if (rows.every((r) => r.kind === 'follow-up'))
    return (
      <StateMessage kind="empty" title="No words were heard in this recording" compact>
        The transcript is empty: the model found no speech to write down.
      </StateMessage>
    );

  const words = view.transcript.segments.reduce((n, s) => n + (s.words.length || s.text.split(/\s+/).length), 0);
  return (
    <>
      <div className="transcript-toolbar">
        <span className="muted">
          {words.toLocaleString()} words · times on the recording · select a word to hear it
        </span>
        <label className="transcript-follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Follow playback
        </label>
      </div>
      <ol ref={listRef} className="transcript-list" aria-label="Transcript" onClick={onWordClick} onKeyDown={onKeyDown}>
        {rows.map((row) =>
          row.kind === 'segment' ? (
            <SegmentRow
              key={row.key}
              row={row}
              active={row.segment === spot.segment}
              activeWord={row.segment === spot.segment ? spot.word : -1}
              withWords={row.segment === spot.segment || nearView.has(row.segment)}
              onSeek={onSeek}
            />
          ) : (
            <FollowUpRow key={row.key} row={row} onSeek={onSeek} />
          ),
        )}
      </ol>
      {view.status === 'failed' ? (
        <p className="review-inline-error" role="alert">
          Transcribing again failed: {view.error ?? 'no reason given'}. This is the earlier transcript.
        </p>
      ) : null}
    </>
  );
}

export function TranscriptPanel({ transcript, followUps, store, onSeek }: Props) {
  const { view, error, reload } = transcript;
  const { data: settings } = useSettings();
  // The model setting arrives with the models' branch; until then no model counts as chosen.
  const modelChosen = Boolean(settings?.transcriptionModelId);

  if (error && !view)
    return <LoadError icon="alert" title="Could not load the transcript" error={error} onRetry={reload} />;
  if (!view) return <StateMessage kind="loading" title="Loading the transcript…" compact />;
  if (view.transcript)
    return <TranscriptBody view={{ ...view, transcript: view.transcript }} {...{ followUps, store, onSeek }} />;
  switch (view.status) {
    case 'pending':
      return <StateMessage kind="loading" title="Waiting to be transcribed…" compact />;
    case 'running':
      return <StateMessage kind="loading" title="Transcribing this round…" compact />;
    case 'failed':
      return (
        <StateMessage kind="error" icon="alert" title="Transcribing this round failed" compact>
          {view.error ?? 'The engine gave no reason.'}
        </StateMessage>
      );
    default:
      return modelChosen ? (
        <StateMessage kind="empty" title="Not transcribed yet" compact>
          This round was recorded before a model was installed. Transcribe older rounds in Settings → Transcription.
        </StateMessage>
      ) : (
        <StateMessage kind="empty" title="No transcript" compact>
          Choose a model in Settings → Transcription. Transcripts are made on this computer; nothing is uploaded.
        </StateMessage>
      );
  }
}
