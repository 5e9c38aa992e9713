/** The live microphone input level, 0–100. */
import './LevelMeter.css';

type Props = {
  level: number;
  recording: 'on' | 'off' | 'stopped';
  paused: boolean;
  /** Recording, but the chunks are not reaching the disk (being retried). */
  notSaving?: boolean;
};

export function LevelMeter({ level, recording, paused, notSaving = false }: Props) {
  const live = recording === 'on' && !paused;
  const value = live ? level : 0;
  const text =
    recording === 'stopped'
      ? 'Recording stopped'
      : recording === 'off'
        ? 'Not recording'
        : paused
          ? 'Recording paused'
          : notSaving
            ? 'Not saved — retrying'
            : 'Recording';
  return (
    <div className="level-meter" data-recording={recording} data-saving={notSaving ? 'retrying' : 'ok'}>
      <div className="level-meter-head">
        <span className="level-meter-title" id="level-meter-label">
          Microphone
        </span>
        <span className="level-meter-state">
          {live ? <span className="level-meter-rec" aria-hidden="true" /> : null}
          {text}
        </span>
      </div>
      <div
        className="level-meter-track"
        role="meter"
        aria-label="Microphone level"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={live ? `${value} %` : text}
      >
        <span className="level-meter-fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
