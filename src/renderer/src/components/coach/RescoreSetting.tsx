/** Settings: blind re-score prompts — automatic (off during the first week), on or off. */
import { useId } from 'react';
import { rescoreSetting, type RescoreSetting as Value } from '@shared/enums';

const words: Record<Value, string> = {
  auto: 'Automatic (from your second week)',
  on: 'On',
  off: 'Off',
};

export function RescoreSetting({ value, onChange }: { value: Value; onChange: (value: Value) => void }) {
  const id = useId();
  return (
    <div className="settings-row">
      <div className="settings-row-text">
        <label className="settings-row-label" htmlFor={id}>
          Blind re-score prompts
        </label>
        <p className="settings-row-hint">
          Now and then, at most once a day, the Review screen asks you to score an old round again without its earlier
          score, so Progress can show how far your self-scores drift.
        </p>
      </div>
      <div className="settings-row-control">
        <select
          id={id}
          className="select"
          value={value}
          onChange={(e) => onChange(rescoreSetting.parse(e.target.value))}
        >
          {rescoreSetting.options.map((o) => (
            <option key={o} value={o}>
              {words[o]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
