/**
 * Settings: persisted through settings:update as soon as they change; the theme applies at once. One
 * component per section (components/settings/); this screen loads the settings and composes them.
 */
import { useSyncExternalStore } from 'react';
import { getSaveState, settingsResource, subscribeSaveState, useSettings } from '../api/settings';
import { ScreenHeader } from '../components/ui/ScreenHeader';
import { StateMessage } from '../components/ui/StateMessage';
import { AppearanceSettings } from '../components/settings/AppearanceSettings';
import { DataLocations } from '../components/settings/DataLocations';
import { ExportData } from '../components/settings/ExportData';
import { InterviewerSettings } from '../components/settings/InterviewerSettings';
import { ReviewSettings } from '../components/settings/ReviewSettings';
import { RoundsSettings } from '../components/settings/RoundsSettings';
import { TranscriptionSettings } from '../components/settings/TranscriptionSettings';
import { TranscribeOlder } from '../components/transcription/TranscribeOlder';
import { errorMessage } from '../lib/errors';
import './SettingsScreen.css';

export function SettingsScreen() {
  const { data: settings, error } = useSettings();
  const save = useSyncExternalStore(subscribeSaveState, getSaveState);

  const status =
    save.status === 'saving'
      ? 'Saving…'
      : save.status === 'saved'
        ? 'All changes saved'
        : save.status === 'error'
          ? `Not saved: ${save.error}`
          : '';

  return (
    <div className="screen-scroll">
      <div className="screen-column settings">
        <ScreenHeader
          title="Settings"
          subtitle="Changes are saved as you make them."
          actions={
            <span className={`settings-status${save.status === 'error' ? ' is-error' : ''}`} role="status">
              {status}
            </span>
          }
        />
        {!settings ? (
          <div className="panel">
            {error ? (
              <StateMessage
                kind="error"
                icon="alert"
                title="Could not load your settings"
                action={
                  <button
                    type="button"
                    className="btn"
                    onClick={() => void settingsResource.refresh().catch(() => undefined)}
                  >
                    Try again
                  </button>
                }
              >
                {errorMessage(error)}
              </StateMessage>
            ) : (
              <StateMessage kind="loading" title="Loading settings…" />
            )}
          </div>
        ) : (
          <>
            <AppearanceSettings settings={settings} />
            <InterviewerSettings settings={settings} />
            <ReviewSettings settings={settings} />
            <RoundsSettings settings={settings} />
          </>
        )}
        <TranscriptionSettings>
          {settings ? <TranscribeOlder modelChosen={settings.transcriptionModelId !== null} /> : null}
        </TranscriptionSettings>
        <ExportData />
        <DataLocations />
      </div>
    </div>
  );
}
