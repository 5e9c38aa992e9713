/** The pieces every Settings section is made of: a titled panel, a labelled row and a checkbox row. */
import type { ReactNode } from 'react';

export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  const id = `settings-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="settings-section panel" aria-labelledby={id}>
      <h2 id={id} className="settings-section-title">
        {title}
      </h2>
      <div className="settings-section-body">{children}</div>
    </section>
  );
}

export function SettingRow({
  label,
  hint,
  htmlFor,
  children,
}: {
  label: string;
  hint?: string;
  htmlFor?: string;
  children: ReactNode;
}) {
  return (
    <div className="settings-row">
      <div className="settings-row-text">
        {htmlFor ? (
          <label className="settings-row-label" htmlFor={htmlFor}>
            {label}
          </label>
        ) : (
          <span className="settings-row-label">{label}</span>
        )}
        {hint ? <p className="settings-row-hint">{hint}</p> : null}
      </div>
      <div className="settings-row-control">{children}</div>
    </div>
  );
}

export function CheckboxRow(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="settings-row">
      <label className="settings-check" htmlFor={props.id}>
        <input
          id={props.id}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-labelledby={`${props.id}-label`}
          aria-describedby={`${props.id}-hint`}
        />
        <span>
          <span className="settings-row-label" id={`${props.id}-label`}>
            {props.label}
          </span>
          <span className="settings-row-hint" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        </span>
      </label>
    </div>
  );
}
