/** Settings → Where your data lives: the data folder, database file, content folder, transport and version. */
import { useAppInfo } from '../../api/app-info';
import { errorMessage } from '../../lib/errors';
import { SettingsSection } from './SettingsParts';

export function DataLocations() {
  const { data: info, error } = useAppInfo();
  return (
    <SettingsSection title="Where your data lives">
      {info ? (
        <dl className="data-list">
          <div>
            <dt>Data folder</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
          </div>
          <div>
            <dt>Database file</dt>
            <dd>
              <code>{info.databaseFile}</code>
            </dd>
          </div>
          <div>
            <dt>Your content folder</dt>
            <dd>
              <code>{info.userContentDir}</code>
            </dd>
          </div>
          <div>
            <dt>Transport</dt>
            <dd>
              {info.transport === 'web'
                ? 'web — browser mode, served from this computer only'
                : 'electron — the desktop app'}
            </dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>{info.version}</dd>
          </div>
        </dl>
      ) : error ? (
        <p className="settings-row-hint" role="alert">
          Could not read the app’s folders: {errorMessage(error)}
        </p>
      ) : (
        <p className="settings-row-hint">Loading…</p>
      )}
      <p className="settings-row-hint data-note">
        Everything stays on this computer. Recordings and scores are kept in the data folder.
      </p>
    </SettingsSection>
  );
}
