/** The top of every screen: its h1 (focus lands here on navigation), a subtitle and actions. */
import type { ReactNode } from 'react';
import './ScreenHeader.css';

type Props = { title: string; subtitle?: ReactNode; actions?: ReactNode };

export function ScreenHeader({ title, subtitle, actions }: Props) {
  return (
    <header className="screen-header">
      <div className="screen-header-text">
        <h1 tabIndex={-1} data-screen-heading="">
          {title}
        </h1>
        {subtitle ? <p className="screen-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="screen-header-actions">{actions}</div> : null}
    </header>
  );
}
