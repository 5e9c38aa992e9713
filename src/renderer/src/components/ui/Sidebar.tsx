/** The left sidebar: app name, the main navigation and where the app is running. */
import { useAppInfo } from '../../api/app-info';
import { modifierLabel } from '../../lib/platform';
import { screens, type ScreenId } from '../../screens/routes';
import { Icon } from './Icon';
import './Sidebar.css';

type Props = { current: ScreenId; onNavigate: (screen: ScreenId) => void };

export function Sidebar({ current, onNavigate }: Props) {
  const { data: info } = useAppInfo();
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <span className="sidebar-logo" aria-hidden="true">
          <svg
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinecap="round"
          >
            <path d="M12 5a7 7 0 1 1-6.06 3.5" />
            <path d="M3.5 5.5 6 8.6l3.3-2.2" />
          </svg>
        </span>
        <span className="sidebar-name">Loop Coach</span>
      </div>
      <nav aria-label="Main" className="sidebar-nav">
        <ul>
          {screens.map((screen, index) => (
            <li key={screen.id}>
              <button
                type="button"
                className="sidebar-link"
                aria-current={screen.id === current ? 'page' : undefined}
                aria-keyshortcuts={`Control+${index + 1} Meta+${index + 1}`}
                onClick={() => onNavigate(screen.id)}
              >
                <Icon name={screen.id} />
                <span className="sidebar-label">{screen.label}</span>
                <kbd className="sidebar-shortcut" aria-hidden="true">
                  {modifierLabel}
                  {index + 1}
                </kbd>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        {info ? (
          <>
            <span>{info.transport === 'web' ? 'Browser mode' : 'Desktop app'}</span>
            <span aria-hidden="true"> · </span>
            <span>v{info.version}</span>
          </>
        ) : null}
      </div>
    </aside>
  );
}
