/** Loading, empty and error states: one calm, centred message with an optional action. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './StateMessage.css';

type Props = {
  kind: 'loading' | 'empty' | 'error';
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: IconName;
  compact?: boolean;
};

export function StateMessage({ kind, title, children, action, icon, compact }: Props) {
  const role = kind === 'error' ? 'alert' : kind === 'loading' ? 'status' : undefined;
  return (
    <div
      className={`state-message state-${kind}${compact ? ' state-compact' : ''}`}
      role={role}
      aria-busy={kind === 'loading' || undefined}
    >
      {kind === 'loading' ? (
        <span className="state-spinner" aria-hidden="true" />
      ) : icon ? (
        <Icon name={icon} size={22} />
      ) : null}
      <p className="state-title">{title}</p>
      {children ? <div className="state-body">{children}</div> : null}
      {action ? <div className="state-action">{action}</div> : null}
    </div>
  );
}
