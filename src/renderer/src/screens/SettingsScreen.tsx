/** Settings: persisted through settings:update as soon as they change; the theme applies at once. */
import { RescoreSetting } from '../components/coach/RescoreSetting';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Settings } from '../../../shared/contract';
import { useAppInfo } from '../api/app-info';
import { call } from '../api/client';
import { getSaveState, settingsResource, subscribeSaveState, updateSettings, useSettings } from '../api/settings';
import { ScreenHeader } from '../components/ScreenHeader';
import { SegmentedControl } from '../components/SegmentedControl';
import { StateMessage } from '../components/StateMessage';
import { TranscriptionSettings } from '../components/settings/TranscriptionSettings';
import { VoicePicker } from '../components/VoicePicker';
import { TranscribeOlder } from '../components/transcription/TranscribeOlder';
import { errorMessage } from '../lib/errors';
import { plural } from '../lib/format';
import './SettingsScreen.css';

const themeOptions: ReadonlyArray<{ value: Settings['theme']; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const followUpModes: ReadonlyArray<{ value: Settings['followUpMode']; label: string; explanation: string }> = [
  {
    value: 'scheduled',
    label: 'Scheduled',
    explanation: 'Follow-ups come at the times written in the content, every time.',
  },
  {
    value: 'jittered',
    label: 'Jittered',
    explanation: 'Each follow-up moves a few seconds earlier or later, so you cannot time it.',
  },
  {
    value: 'at-pause',
    label: 'At the next pause',
    explanation: 'When a follow-up is due, the interviewer waits until you stop talking.',
  },
  {
    value: 'pressure',
    label: 'Pressure',
    explanation: 'Follow-ups come when due, even mid-sentence, like an impatient interviewer.',
  },
  {
    value: 'partner',
    label: 'Partner',
    explanation:
      'A second person decides when: they press F to ask the next follow-up, or type their own; the app speaks it.',
  },
];

const playbackRates: ReadonlyArray<Settings['playbackRate']> = [1, 1.25, 1.5, 2];

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
            <SettingsSection title="Appearance">
              <SettingRow label="Theme" hint="System follows your operating system’s light or dark mode.">
                <SegmentedControl
                  label="Theme"
                  hideLabel
                  options={themeOptions}
                  value={settings.theme}
                  onChange={(theme) => updateSettings({ theme }, 0)}
                />
              </SettingRow>
            </SettingsSection>

            <SettingsSection title="Interviewer">
              <fieldset className="settings-fieldset">
                <legend className="settings-row-label">Follow-up mode</legend>
                <div className="followup-options">
                  {followUpModes.map((mode) => (
                    <label key={mode.value} className="followup-option">
                      <input
                        type="radio"
                        name="follow-up-mode"
                        value={mode.value}
                        checked={settings.followUpMode === mode.value}
                        onChange={() => updateSettings({ followUpMode: mode.value }, 0)}
                        aria-labelledby={`followup-${mode.value}-label`}
                        aria-describedby={`followup-${mode.value}`}
                      />
                      <span className="followup-text">
                        <span className="followup-label" id={`followup-${mode.value}-label`}>
                          {mode.label}
                        </span>
                        <span className="followup-explanation" id={`followup-${mode.value}`}>
                          {mode.explanation}
                        </span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <SettingRow
                label="Voice"
                htmlFor="speech-voice"
                hint="The voice that reads prompts and follow-ups aloud."
              >
                <VoicePicker
                  id="speech-voice"
                  value={settings.voiceName}
                  onChange={(voiceName) => updateSettings({ voiceName }, 0)}
                />
              </SettingRow>
              <SettingRow
                label="Speech rate"
                htmlFor="speech-rate"
                hint="How fast the interviewer’s voice speaks prompts and follow-ups."
              >
                <div className="range-row">
                  <input
                    id="speech-rate"
                    type="range"
                    min={0.5}
                    max={2}
                    step={0.05}
                    value={settings.speechRate}
                    onChange={(e) => updateSettings({ speechRate: Number(e.target.value) }, 300)}
                    aria-valuetext={`${settings.speechRate.toFixed(2)} times`}
                  />
                  <output htmlFor="speech-rate" className="range-value">
                    {settings.speechRate.toFixed(2)}×
                  </output>
                </div>
              </SettingRow>
            </SettingsSection>

            <SettingsSection title="Review">
              <SettingRow
                label="Playback speed for review"
                htmlFor="playback-rate"
                hint="The speed recordings start at when you listen back."
              >
                <select
                  id="playback-rate"
                  className="select"
                  value={String(settings.playbackRate)}
                  onChange={(e) => {
                    const rate = playbackRates.find((r) => String(r) === e.target.value);
                    if (rate) updateSettings({ playbackRate: rate }, 0);
                  }}
                >
                  {playbackRates.map((rate) => (
                    <option key={rate} value={String(rate)}>
                      {rate}×
                    </option>
                  ))}
                </select>
              </SettingRow>
              <CheckboxRow
                id="blind-scoring"
                label="Blind scoring"
                hint="Score each round before you see the expected points and the reference answer."
                checked={settings.blindScoring}
                onChange={(blindScoring) => updateSettings({ blindScoring }, 0)}
              />
              <RescoreSetting
                value={settings.rescorePrompts}
                onChange={(rescorePrompts) => updateSettings({ rescorePrompts }, 0)}
              />
            </SettingsSection>

            <SettingsSection title="Rounds">
              <CheckboxRow
                id="focus-layout"
                label="Focus layout during rounds"
                hint="Hide the sidebar and everything but the prompt and the clock while a round runs."
                checked={settings.focusLayout}
                onChange={(focusLayout) => updateSettings({ focusLayout }, 0)}
              />
            </SettingsSection>
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

function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
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

function SettingRow({
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

function CheckboxRow(props: {
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

/** export:create, offered as a download (Blob + object URL + <a download>). */
function ExportData() {
  const [state, setState] = useState<{ busy: 'json' | 'markdown' | null; message: string; error: boolean }>({
    busy: null,
    message: '',
    error: false,
  });
  const exportAs = async (format: 'json' | 'markdown') => {
    setState({ busy: format, message: 'Exporting…', error: false });
    try {
      const file = await call('export:create', { format });
      const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: null, message: `Exported ${plural(file.sessions, 'session')}`, error: false });
    } catch (error) {
      setState({ busy: null, message: `Export failed: ${errorMessage(error)}`, error: true });
    }
  };
  return (
    <SettingsSection title="Export your data">
      <SettingRow
        label="Everything you recorded and wrote"
        hint="JSON holds every session, round, score, postmortem and metric; the Markdown report is for reading. Audio files stay in the data folder."
      >
        <div className="export-buttons">
          <button type="button" className="btn" disabled={state.busy !== null} onClick={() => void exportAs('json')}>
            Export JSON
          </button>
          <button
            type="button"
            className="btn"
            disabled={state.busy !== null}
            onClick={() => void exportAs('markdown')}
          >
            Export Markdown report
          </button>
        </div>
      </SettingRow>
      <p className={`settings-row-hint${state.error ? ' export-error' : ''}`} role="status">
        {state.message}
      </p>
    </SettingsSection>
  );
}

function DataLocations() {
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
