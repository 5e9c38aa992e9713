/** Partner mode: a practice partner asks the planned follow-ups when they choose, or their own. */
import { useEffect, useState, type FormEvent } from 'react';
import { plural } from '../../lib/format';
import './PartnerPanel.css';

type Props = {
  plannedLeft: number;
  enabled: boolean;
  onAskNext: () => void;
  onAskAdhoc: (text: string) => boolean;
};

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function PartnerPanel({ plannedLeft, enabled, onAskNext, onAskAdhoc }: Props) {
  const [text, setText] = useState('');
  const canAskNext = enabled && plannedLeft > 0;

  useEffect(() => {
    if (!canAskNext) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'f' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.repeat || typingInField(event.target)) return;
      event.preventDefault();
      onAskNext();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canAskNext, onAskNext]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (onAskAdhoc(text)) setText('');
  };

  return (
    <section className="partner-panel" aria-label="Partner controls">
      <h3>Partner</h3>
      <div className="partner-panel-next">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!canAskNext}
          onClick={onAskNext}
          aria-keyshortcuts="F"
          aria-describedby="partner-panel-left"
        >
          Ask next follow-up
          <kbd aria-hidden="true">F</kbd>
        </button>
        <span id="partner-panel-left" className="partner-panel-left">
          {plannedLeft > 0 ? `${plural(plannedLeft, 'planned follow-up')} left` : 'All planned follow-ups asked'}
        </span>
      </div>
      <form className="partner-panel-adhoc" onSubmit={submit}>
        <label className="field-label" htmlFor="partner-adhoc">
          Ad-hoc follow-up
        </label>
        <div className="partner-panel-row">
          <input
            id="partner-adhoc"
            className="input"
            value={text}
            maxLength={1000}
            placeholder="Type a question to ask now"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="btn" disabled={!enabled || !text.trim()}>
            Ask
          </button>
        </div>
      </form>
    </section>
  );
}
