/** A row of mutually exclusive options: native radios (arrow keys work) styled as a segmented control. */
import { useId } from 'react';
import './SegmentedControl.css';

type Option<V extends string> = { value: V; label: string; describedBy?: string };

type Props<V extends string> = {
  label: string;
  /** Hide the group's visible label (it stays the accessible name). */
  hideLabel?: boolean;
  options: ReadonlyArray<Option<V>>;
  value: V;
  onChange: (value: V) => void;
};

export function SegmentedControl<V extends string>({ label, hideLabel, options, value, onChange }: Props<V>) {
  const name = useId();
  const labelId = `${name}-label`;
  return (
    <div className="segmented-wrap">
      <span id={labelId} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </span>
      <div role="radiogroup" aria-labelledby={labelId} className="segmented">
        {options.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={option.describedBy}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
