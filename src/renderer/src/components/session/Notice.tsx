/** A banner for the runner's problems and warnings: plain words, and what to do next. */
import type { ReactNode } from 'react';
import { Icon } from '../ui/Icon';
import './Notice.css';

type Props = {
  tone: 'danger' | 'warn' | 'info';
  role: 'alert' | 'status';
  title?: string;
  children: ReactNode;
  actions?: ReactNode;
};

export function Notice({ tone, role, title, children, actions }: Props) {
  return (
    <div className={`runner-notice runner-notice-${tone}`} role={role}>
      <Icon name="alert" size={18} />
      <div className="runner-notice-body">
        {title ? <p className="runner-notice-title">{title}</p> : null}
        <div className="runner-notice-text">{children}</div>
        {actions ? <div className="runner-notice-actions">{actions}</div> : null}
      </div>
    </div>
  );
}
