/** Transport under the waveform: play/pause, ±5 s, the time, speed, skip silences and the shortcuts. */
import type { RefObject } from 'react';
import { SegmentedControl } from '../ui/SegmentedControl';
import { usePlayerState, type PlayerControls, type PlayerStore } from './player-store';
import { Icon } from '../ui/Icon';
import { formatClock } from '../../lib/format';
import { playbackRates, type PlaybackRate } from './review-meta';
import './PlayerBar.css';

type Props = {
  store: PlayerStore;
  controlsRef: RefObject<PlayerControls | null>;
  durationSeconds: number;
  hideDuration: boolean;
  rate: PlaybackRate;
  onRate: (rate: PlaybackRate) => void;
  skipSilences: boolean;
  onSkipSilences: (on: boolean) => void;
};

function Readout({ store, durationSeconds, hideDuration }: Pick<Props, 'store' | 'durationSeconds' | 'hideDuration'>) {
  const { time } = usePlayerState(store);
  return (
    <span className="player-readout" aria-label="Position">
      <span className="player-now">{formatClock(time * 1000, { tenths: true })}</span>
      {hideDuration ? null : <span className="player-total"> / {formatClock(durationSeconds * 1000)}</span>}
    </span>
  );
}

function PlayButton({ store, controlsRef }: Pick<Props, 'store' | 'controlsRef'>) {
  const { playing, ready } = usePlayerState(store);
  return (
    <button
      type="button"
      className="btn btn-primary player-play"
      onClick={() => controlsRef.current?.playPause()}
      disabled={!ready}
      aria-keyshortcuts="Space"
    >
      <Icon name={playing ? 'pause' : 'player-play'} filled />
      {playing ? 'Pause' : 'Play'}
    </button>
  );
}

export function PlayerBar(props: Props) {
  const { store, controlsRef, rate, onRate, skipSilences, onSkipSilences } = props;
  return (
    <div className="player-bar">
      <div className="player-transport">
        <PlayButton store={store} controlsRef={controlsRef} />
        <button
          type="button"
          className="btn btn-ghost player-icon-btn"
          aria-label="Back 5 seconds"
          title="Back 5 seconds (←)"
          aria-keyshortcuts="ArrowLeft"
          onClick={() => controlsRef.current?.skip(-5)}
        >
          <Icon name="skip-back" />
        </button>
        <button
          type="button"
          className="btn btn-ghost player-icon-btn"
          aria-label="Forward 5 seconds"
          title="Forward 5 seconds (→)"
          aria-keyshortcuts="ArrowRight"
          onClick={() => controlsRef.current?.skip(5)}
        >
          <Icon name="skip-forward" />
        </button>
        <Readout store={store} durationSeconds={props.durationSeconds} hideDuration={props.hideDuration} />
      </div>
      <div className="player-options">
        <SegmentedControl
          label="Playback speed"
          hideLabel
          options={playbackRates.map((r) => ({ value: String(r), label: `${r}x` }))}
          value={String(rate)}
          onChange={(value) => onRate(Number(value) as PlaybackRate)}
        />
        <label className="player-toggle">
          <input type="checkbox" checked={skipSilences} onChange={(e) => onSkipSilences(e.target.checked)} />
          Skip silences
        </label>
      </div>
      <p className="player-keys" aria-hidden="true">
        <kbd>Space</kbd> play <kbd>←</kbd>
        <kbd>→</kbd> 5 s <kbd>[</kbd>
        <kbd>]</kbd> speed <kbd>J</kbd>
        <kbd>K</kbd> follow-ups
      </p>
    </div>
  );
}
